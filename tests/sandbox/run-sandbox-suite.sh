#!/usr/bin/env bash
# Enforcement tests for the sandbox profiles (sandbox/seccomp.json, sandbox/apparmor/smtpdane) and the
# deployment examples (build/deploy/). Prints one "PASS name" or "FAIL name: why" line per check (counted by
# build/test.sh) and "SKIP name: why" for what this machine cannot do (not counted as a pass).
#
#   tests/sandbox/run-sandbox-suite.sh [BINARY]     (default $SMTPDANE_BINARY, else artifacts/smtpdane)
#
# Needs root (bwrap, the lab). Installs its Debian prerequisites when missing (bubblewrap, python3-seccomp,
# apparmor, gcc, runc; icinga2-bin + nagios-nrpe-server/-plugin for the deploy checks, with services kept stopped).
# Starts the lab (tests/lab/up.sh) and stops it again only if it was not already running.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/tests/sandbox"
bin=$(readlink -f "${1:-${SMTPDANE_BINARY:-$root/artifacts/smtpdane}}")
py=/usr/bin/python3   # Debian's interpreter: python3-seccomp is installed for it, not for a pyenv shim
tmp=$(mktemp -d)
started_lab=0
bg_pids=()
cleanup() {
  local p
  for p in "${bg_pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  [[ $started_lab = 1 ]] && "$root/tests/lab/down.sh" >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }
skip() { echo "SKIP $1: $2"; }

[[ -x $bin ]] || { fail sandbox-binary "no executable at $bin (run build/publish.sh)"; exit 1; }
[[ $(id -u) = 0 ]] || { fail sandbox-root "needs root (bwrap mounts, the lab)"; exit 1; }

# ---- prerequisites --------------------------------------------------------------------------------
need=()
command -v bwrap >/dev/null || need+=(bubblewrap)
$py -c 'import seccomp' 2>/dev/null || need+=(python3-seccomp)
command -v apparmor_parser >/dev/null || need+=(apparmor)
command -v gcc >/dev/null || need+=(gcc libc6-dev)
command -v icinga2 >/dev/null || need+=(icinga2-bin icinga2-common)
command -v nrpe >/dev/null || need+=(nagios-nrpe-server)
command -v runc >/dev/null || need+=(runc)
command -v strace >/dev/null || need+=(strace)
[[ -x /usr/lib/nagios/plugins/check_nrpe ]] || need+=(nagios-nrpe-plugin)
if [[ ${#need[@]} -gt 0 ]]; then
  echo "sandbox-suite: installing ${need[*]}" >&2
  # Package scripts must not start daemons (nrpe, icinga2): block them unless a policy already does.
  made_policy=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; made_policy=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2 ||
    { DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2; }
  [[ $made_policy = 1 ]] && rm -f /usr/sbin/policy-rc.d
fi

# ---- the lab ----------------------------------------------------------------------------------------
lab_out=$("$root/tests/lab/up.sh" 2>&1) || { fail sandbox-lab "tests/lab/up.sh failed: $(echo "$lab_out" | tail -3 | tr '\n' ' ')"; exit 1; }
grep -q 'already up' <<< "$lab_out" || started_lab=1
# shellcheck disable=SC1091
. "${LAB_DIR:-/tmp/smtpdane-lab}/lab.env"
lab=(-trust-anchor "$LAB_TRUST_ANCHOR" -resolver "$LAB_RESOLVER" -nocolor)

# A loopback SOCKS5 proxy for -proxy-tcp.
coproc SOCKS { exec "$py" "$root/tests/lab/socks5.py" 0; }
bg_pids+=("$SOCKS_PID")
read -r socks_port <&"${SOCKS[0]}"
# A DNS front that truncates every UDP answer: forces DNS over TCP.
coproc TRUNC { exec "$py" "$here/truncating-dns.py" 0 "$LAB_RESOLVER"; }
bg_pids+=("$TRUNC_PID")
read -r trunc_port <&"${TRUNC[0]}"

# ---- the filter -------------------------------------------------------------------------------------
profile="$root/sandbox/seccomp.json"
if $py - "$profile" <<'EOF'
import json, sys
p = json.load(open(sys.argv[1]))
assert p["defaultAction"] == "SCMP_ACT_ERRNO", p["defaultAction"]
assert p["architectures"] == ["SCMP_ARCH_X86_64"], p["architectures"]
assert all(e.get("comment") for e in p["syscalls"]), "an entry without a comment (reason)"
assert not any(n in ("ptrace", "mount", "unshare", "setns", "bpf", "kexec_load", "init_module", "open_by_handle_at", "keyctl")
               for e in p["syscalls"] if e["action"] == "SCMP_ACT_ALLOW" for n in e["names"])
EOF
then pass seccomp-json-shape; else fail seccomp-json-shape "see the python assertion above"; fi

# The committed JSON is exactly what the groups file generates from the committed observations.
if $py "$root/sandbox/seccomp-gen.py" "$root/sandbox/seccomp-groups.txt" <(grep -v '^#' "$root/sandbox/seccomp-observed.txt") /dev/null \
     > "$tmp/regen.json" 2>"$tmp/regen.err" && cmp -s "$tmp/regen.json" "$profile"; then
  pass seccomp-json-matches-groups
else
  fail seccomp-json-matches-groups "sandbox/seccomp.json differs from seccomp-gen.py output (re-run sandbox/derive-seccomp.sh) $(tail -2 "$tmp/regen.err" | tr '\n' ' ')"
fi

$py "$root/sandbox/seccomp-bpf.py" "$profile" "$tmp/filter.bpf" 2>"$tmp/bpf.err" &&
  [[ -s $tmp/filter.bpf ]] && pass seccomp-compiles-to-bpf || fail seccomp-compiles-to-bpf "$(tr '\n' ' ' < "$tmp/bpf.err")"
$py "$root/sandbox/seccomp-bpf.py" "$profile" "$tmp/no-connect.bpf" --drop connect 2>/dev/null

# run_filtered BPF ARGS...: the binary under the seccomp filter (bwrap applies it right before exec).
run_filtered() { local bpf=$1; shift; bwrap --dev-bind / / --seccomp 9 -- "$bin" "$@" 9<"$bpf"; }

# (a) Same verdict with and without the filter, over lab scenarios covering the I/O paths.
scenarios=(
  "rsa-ee|-mx rsa.lab"
  "ec-ta-nsec3|-mx ec.lab"
  "dual-stack-ipv6|-mx dualstack.ec.lab"
  "multi-mx-one-broken|-mx multi.rsa.lab"
  "tls-failed|-port 25 -tls-on-connect mx.ec.lab"
  "connect-failed|mx-down.ec.lab"
  "bogus|-mx bogus.lab"
  "insecure-mx|-mx insecure.lab"
  "submissions-srv|-submissions ec.lab"
  "resolver-ad-bit|-dnssec resolver -mx ed.lab"
  "global-timeout|-timeout 2s -port 465 mx.ec.lab"
  "proxy-tcp|-proxy-tcp socks5://127.0.0.1:$socks_port -mx rsa.lab"
  "dns-over-tcp|-resolver 127.0.0.1:$trunc_port -mx ec.lab"
)
for s in "${scenarios[@]}"; do
  name=${s%%|*}; read -ra args <<< "${s#*|}"
  base=("${lab[@]}")
  # DNS over TCP: only the truncating front as resolver (every UDP answer truncated, so a pass proves TCP).
  [[ $name = dns-over-tcp ]] && base=(-trust-anchor "$LAB_TRUST_ANCHOR" -nocolor)
  "$bin" "${base[@]}" -json "${args[@]}" > "$tmp/plain.json" 2>/dev/null; rc_plain=$?
  run_filtered "$tmp/filter.bpf" "${base[@]}" -json "${args[@]}" > "$tmp/filtered.json" 2>"$tmp/filtered.err"; rc_filtered=$?
  if ! $py "$here/verdict.py" < "$tmp/plain.json" > "$tmp/plain.v" 2>/dev/null; then
    fail "seccomp-same-verdict-$name" "unfiltered run gave no JSON (exit $rc_plain)"; continue
  fi
  if ! $py "$here/verdict.py" < "$tmp/filtered.json" > "$tmp/filtered.v" 2>/dev/null; then
    fail "seccomp-same-verdict-$name" "filtered run gave no JSON (exit $rc_filtered): $(tail -2 "$tmp/filtered.err" | tr '\n' ' ')"; continue
  fi
  if [[ $name = dns-over-tcp ]] && ! grep -q 'status=pass' "$tmp/plain.v"; then
    fail "seccomp-same-verdict-$name" "the unfiltered run did not pass over TCP: $(head -3 "$tmp/plain.v" | tr '\n' ' ')"
  elif [[ $rc_plain != "$rc_filtered" ]]; then
    fail "seccomp-same-verdict-$name" "exit $rc_filtered under the filter, $rc_plain without"
  elif ! diff -u "$tmp/plain.v" "$tmp/filtered.v" > "$tmp/diff"; then
    fail "seccomp-same-verdict-$name" "$(tail -n +3 "$tmp/diff" | grep '^[-+]' | head -4 | tr '\n' ' ')"
  else
    pass "seccomp-same-verdict-$name"
  fi
done

# Nagios mode too (exit code and every line, perfdata time stripped).
strip_time() { sed -E 's/ time=[0-9.]+s;;;0//'; }
for s in "rsa-ee|-mx rsa.lab" "connect-failed|mx-down.ec.lab" "global-timeout|-timeout 2s -port 465 mx.ec.lab"; do
  name=${s%%|*}; read -ra args <<< "${s#*|}"
  "$bin" "${lab[@]}" -nagios "${args[@]}" 2>&1 | strip_time > "$tmp/plain.n"; rc_plain=${PIPESTATUS[0]}
  run_filtered "$tmp/filter.bpf" "${lab[@]}" -nagios "${args[@]}" 2>&1 | strip_time > "$tmp/filtered.n"; rc_filtered=${PIPESTATUS[0]}
  if [[ $rc_plain == "$rc_filtered" ]] && cmp -s "$tmp/plain.n" "$tmp/filtered.n" && grep -q '^SMTPDANE ' "$tmp/plain.n"; then
    pass "seccomp-same-nagios-$name"
  else
    fail "seccomp-same-nagios-$name" "exit $rc_filtered vs $rc_plain: $(diff "$tmp/plain.n" "$tmp/filtered.n" | head -3 | tr '\n' ' ')"
  fi
done

# -debug (protocol trace on stderr), -show-cert-info and -showcerts under the filter: same exit code, same
# stdout but for the timings, a protocol trace on stderr (its text carries random DNS ids, not compared).
"$bin" "${lab[@]}" -debug -show-cert-info -showcerts mx-dualcert.rsa.lab 2>"$tmp/dbg-plain.err" | grep -v '^  time: ' > "$tmp/dbg-plain.out"; rc_plain=${PIPESTATUS[0]}
run_filtered "$tmp/filter.bpf" "${lab[@]}" -debug -show-cert-info -showcerts mx-dualcert.rsa.lab 2>"$tmp/dbg.err" | grep -v '^  time: ' > "$tmp/dbg.out"; rc_filtered=${PIPESTATUS[0]}
if [[ $rc_plain == "$rc_filtered" ]] && cmp -s "$tmp/dbg-plain.out" "$tmp/dbg.out" && grep -q '^  tls: ' "$tmp/dbg.out" &&
   [[ -s $tmp/dbg.err && $(wc -l < "$tmp/dbg.err") == "$(wc -l < "$tmp/dbg-plain.err")" ]]; then
  pass seccomp-debug-show-cert-info
else
  fail seccomp-debug-show-cert-info "exit $rc_filtered vs $rc_plain; stdout diff: $(diff "$tmp/dbg-plain.out" "$tmp/dbg.out" | head -2 | tr '\n' ' '); stderr $(wc -l < "$tmp/dbg.err") vs $(wc -l < "$tmp/dbg-plain.err") lines"
fi

# Help, version and usage errors under the filter.
run_filtered "$tmp/filter.bpf" -version 2>&1 | grep -q BouncyCastle && pass seccomp-version || fail seccomp-version "no version output"
run_filtered "$tmp/filter.bpf" -help 2>&1 | grep -q -- -trust-anchor && pass seccomp-help || fail seccomp-help "no help output"
run_filtered "$tmp/filter.bpf" -nagios -4 -6 x >/dev/null 2>&1; rc=$?
[[ $rc = 3 ]] && pass seccomp-usage-error-nagios || fail seccomp-usage-error-nagios "exit $rc, want 3"

# The filter is really installed on the probe process (not only on bwrap).
run_filtered "$tmp/filter.bpf" "${lab[@]}" -timeout 3s -port 465 mx.ec.lab >/dev/null 2>&1 &
wpid=$!; bg_pids+=("$wpid")
probe_pid=
for _ in $(seq 50); do
  probe_pid=$(pgrep -P "$wpid" -x smtpdane || true)
  [[ -z $probe_pid ]] && for c in $(pgrep -P "$wpid"); do probe_pid=$(pgrep -P "$c" -x smtpdane || true); [[ -n $probe_pid ]] && break; done
  [[ -n $probe_pid ]] && break; sleep 0.1
done
if [[ -n $probe_pid ]] && grep -q '^Seccomp:[[:space:]]*2' "/proc/$probe_pid/status"; then
  pass seccomp-filter-on-probe-process
else
  fail seccomp-filter-on-probe-process "no smtpdane child with Seccomp: 2 (pid '${probe_pid}')"
fi
wait "$wpid" 2>/dev/null

# (b) The filter bites: forbidden syscalls from a static test program under the same filter ...
if gcc -static -O2 -o "$tmp/forbidden" "$here/forbidden.c" 2>"$tmp/cc.err"; then
  mkdir -p "$tmp/fdir"; touch "$tmp/fdir/readable"
  bwrap --dev-bind / / --seccomp 9 -- "$tmp/forbidden" "$tmp/fdir" 9<"$tmp/filter.bpf" </dev/null > "$tmp/forbidden.out" 2>&1
  [[ ! -e $tmp/fdir/created-under-filter ]] && pass seccomp-no-file-created || fail seccomp-no-file-created "the filtered run created a file"
  # Control: the same program without the filter, in another directory (it creates a file there).
  mkdir -p "$tmp/fdir-control"; touch "$tmp/fdir-control/readable"
  "$tmp/forbidden" "$tmp/fdir-control" </dev/null > "$tmp/unfiltered.out" 2>&1
  declare -A want=([getpid]=ok [socket-inet]=ok [open-readonly]=ok [ptrace]=EPERM [mount]=EPERM
    [socket-packet]=EPERM [socket-netlink]=EPERM [socket-unix]=EAFNOSUPPORT [open-create]=EPERM
    [open-readwrite]=EPERM [ioctl-tiocsti]=EPERM [clone3]=ENOSYS [fork]=EPERM [kill]=EPERM)
  for call in $(printf '%s\n' "${!want[@]}" | sort); do
    verb=refuses; [[ ${want[$call]} = ok ]] && verb=allows
    got=$(awk -v c="$call" '$1 == c {print $2}' "$tmp/forbidden.out")
    control=$(awk -v c="$call" '$1 == c {print $2}' "$tmp/unfiltered.out")
    if [[ $got != "${want[$call]}" ]]; then
      fail "seccomp-$verb-$call" "got '${got:-nothing}', want ${want[$call]}"
    elif [[ ${want[$call]} != ok && $control == "$got" ]]; then
      fail "seccomp-$verb-$call" "the same answer ($got) without the filter: the test proves nothing"
    else
      pass "seccomp-$verb-$call"
    fi
  done
else
  fail seccomp-forbidden-program "gcc failed: $(tail -2 "$tmp/cc.err" | tr '\n' ' ')"
fi

# ... and a filter without one needed syscall (connect) breaks the probe: enforcement, not a no-op.
"$bin" "${lab[@]}" -json -mx rsa.lab 2>/dev/null | $py "$here/verdict.py" > "$tmp/connect.v" 2>/dev/null
run_filtered "$tmp/no-connect.bpf" "${lab[@]}" -json -mx rsa.lab 2>/dev/null | $py "$here/verdict.py" > "$tmp/noconnect.v" 2>/dev/null
if grep -q 'endpoint mx.rsa.lab 127.0.25.1:25 status=pass' "$tmp/connect.v" &&
   grep -q 'endpoint mx.rsa.lab 127.0.25.1:25 status=connect-failed' "$tmp/noconnect.v"; then
  pass seccomp-without-connect-fails-probe
else
  fail seccomp-without-connect-fails-probe "want pass without the filter and connect-failed with it: $(grep endpoint "$tmp/connect.v" "$tmp/noconnect.v" | tr '\n' ' ')"
fi

# (c) FROM scratch: an empty root (bwrap's tmpfs) with only the binary, a resolv.conf naming the lab's
# resolver on port 53, the trust anchor; no /proc, no /dev, no /etc otherwise, no libraries; filter on.
printf 'nameserver %s\n' "${LAB_RESOLVER53%:*}" > "$tmp/resolv.conf"
scratch() { bwrap --ro-bind "$bin" /smtpdane "$@"; }
for s in "rsa-ee|-mx rsa.lab" "ec-ta-nsec3|-mx ec.lab" "tlsa-mismatch|broken.rsa.lab"; do
  name=${s%%|*}; read -ra args <<< "${s#*|}"
  "$bin" "${lab[@]}" -json "${args[@]}" 2>/dev/null | $py "$here/verdict.py" > "$tmp/plain.v" 2>/dev/null
  scratch --ro-bind "$tmp/resolv.conf" /etc/resolv.conf --ro-bind "$LAB_TRUST_ANCHOR" /root.key --seccomp 9 -- \
    /smtpdane -trust-anchor /root.key -nocolor -json "${args[@]}" 9<"$tmp/filter.bpf" 2>"$tmp/scratch.err" |
    $py "$here/verdict.py" > "$tmp/scratch.v" 2>/dev/null
  if [[ -s $tmp/plain.v ]] && diff -q "$tmp/plain.v" "$tmp/scratch.v" >/dev/null; then
    pass "scratch-root-same-verdict-$name"
  else
    fail "scratch-root-same-verdict-$name" "$(diff "$tmp/plain.v" "$tmp/scratch.v" | head -3 | tr '\n' ' ') $(tail -1 "$tmp/scratch.err")"
  fi
done
scratch --seccomp 9 -- /smtpdane -nagios -mx rsa.lab 9<"$tmp/filter.bpf" > "$tmp/noresolver.out" 2>"$tmp/noresolver.err"; rc=$?
if [[ $rc = 3 ]] && head -1 "$tmp/noresolver.out" | grep -q '^SMTPDANE UNKNOWN' && grep -q 'dns-failed' "$tmp/noresolver.out" &&
   grep -q 'no resolver configured' "$tmp/noresolver.out" && [[ ! -s $tmp/noresolver.err ]]; then
  pass scratch-root-no-resolver-unknown
else
  fail scratch-root-no-resolver-unknown "exit $rc (want 3): $(head -2 "$tmp/noresolver.out" | tr '\n' ' ')"
fi
scratch --seccomp 9 -- /smtpdane -mx rsa.lab 9<"$tmp/filter.bpf" > "$tmp/noresolver.out" 2>&1; rc=$?
[[ $rc = 1 ]] && grep -q 'no resolver configured' "$tmp/noresolver.out" && pass scratch-root-no-resolver-default-mode ||
  fail scratch-root-no-resolver-default-mode "exit $rc (want 1): $(head -3 "$tmp/noresolver.out" | tr '\n' ' ')"

# The bubblewrap example of the README's "Access needed" section as an unprivileged user (nobody): new user, PID, mount,
# IPC, UTS and cgroup namespaces, host network, the filter also on bwrap's pid-1 init.
pub="$tmp/pub"; mkdir -p "$pub"; chmod 755 "$tmp" "$pub"
cp "$tmp/filter.bpf" "$tmp/resolv.conf" "$pub/"; chmod 644 "$pub"/*
if setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
  "$bin" "${lab[@]}" -json -mx rsa.lab 2>/dev/null | $py "$here/verdict.py" > "$tmp/plain.v" 2>/dev/null
  setpriv --reuid=65534 --regid=65534 --clear-groups \
    bwrap --unshare-all --share-net --die-with-parent --ro-bind "$bin" /smtpdane --ro-bind "$pub/resolv.conf" /etc/resolv.conf \
      --ro-bind "$LAB_TRUST_ANCHOR" /root.key --seccomp 9 -- /smtpdane -trust-anchor /root.key -nocolor -json -mx rsa.lab \
      9<"$pub/filter.bpf" 2>"$tmp/bw.err" | $py "$here/verdict.py" > "$tmp/bw.v" 2>/dev/null
  if [[ -s $tmp/plain.v ]] && cmp -s "$tmp/plain.v" "$tmp/bw.v"; then
    pass bwrap-unprivileged-unshare-all-same-verdict
  elif grep -q -i 'user namespace\|setting up uid map\|No permissions to create' "$tmp/bw.err"; then
    skip bwrap-unprivileged-unshare-all-same-verdict "unprivileged user namespaces are disabled here: $(head -1 "$tmp/bw.err")"
  else
    fail bwrap-unprivileged-unshare-all-same-verdict "$(diff "$tmp/plain.v" "$tmp/bw.v" | head -2 | tr '\n' ' ') $(head -1 "$tmp/bw.err")"
  fi
fi

# (c2) The container runtime Docker uses (runc): the profile in a Docker-like container (read-only root
# with only the binary, resolv.conf and the anchor; host network to reach the lab), in Docker's default
# mode (no-new-privileges off: runc installs the filter before dropping privileges) and with
# no-new-privileges on. Without the container-runtime group of the profile runc cannot even start it.
if command -v runc >/dev/null; then
  bundle="$tmp/bundle"; mkdir -p "$bundle/rootfs/etc"
  cp "$bin" "$bundle/rootfs/smtpdane"; cp "$LAB_TRUST_ANCHOR" "$bundle/rootfs/root.key"; cp "$tmp/resolv.conf" "$bundle/rootfs/etc/resolv.conf"
  $py -c 'import json,sys; p=json.load(open(sys.argv[1])); [e.update(names=[n for n in e["names"] if n != "connect"]) for e in p["syscalls"]]; p["syscalls"]=[e for e in p["syscalls"] if e["names"]]; json.dump(p, open(sys.argv[2], "w"))' \
    "$profile" "$tmp/no-connect.json"
  runc_run() { # NNP PROFILE ARGS...: prints the verdict text
    local nnp=$1 prof=$2 id="smtpdane-suite-$$-$RANDOM"; shift 2
    (cd "$bundle" && rm -f config.json && runc spec) && $py "$root/sandbox/oci-config.py" "$bundle/config.json" "$nnp" "$prof" -- /smtpdane -trust-anchor /root.key -nocolor -json "$@"
    runc run --bundle "$bundle" "$id" 2>"$tmp/runc.err" | $py "$here/verdict.py" 2>/dev/null
    runc delete -f "$id" >/dev/null 2>&1
  }
  for nnp in false true; do
    for s in "rsa-ee|-mx rsa.lab" "multi-mx-one-broken|-mx multi.rsa.lab" "dual-stack-ipv6|-mx dualstack.ec.lab" "connect-failed|mx-down.ec.lab"; do
      name=${s%%|*}; read -ra args <<< "${s#*|}"
      "$bin" "${lab[@]}" -json "${args[@]}" 2>/dev/null | $py "$here/verdict.py" > "$tmp/plain.v" 2>/dev/null
      runc_run "$nnp" "$profile" "${args[@]}" > "$tmp/runc.v"
      if [[ -s $tmp/plain.v ]] && cmp -s "$tmp/plain.v" "$tmp/runc.v"; then
        pass "runc-seccomp-nnp-$nnp-same-verdict-$name"
      else
        fail "runc-seccomp-nnp-$nnp-same-verdict-$name" "$(diff "$tmp/plain.v" "$tmp/runc.v" | head -3 | tr '\n' ' ') $(tail -1 "$tmp/runc.err")"
      fi
    done
  done
  # The docker example of the README's "Access needed" section: --user 65534:65534 --cap-drop ALL --security-opt no-new-privileges.
  "$bin" "${lab[@]}" -json -mx ec.lab 2>/dev/null | $py "$here/verdict.py" > "$tmp/plain.v" 2>/dev/null
  OCI_USER=65534:65534 runc_run true "$profile" -mx ec.lab > "$tmp/runc.v"
  if [[ -s $tmp/plain.v ]] && cmp -s "$tmp/plain.v" "$tmp/runc.v"; then
    pass runc-seccomp-nobody-no-capabilities-same-verdict
  else
    fail runc-seccomp-nobody-no-capabilities-same-verdict "$(diff "$tmp/plain.v" "$tmp/runc.v" | head -3 | tr '\n' ' ') $(tail -1 "$tmp/runc.err")"
  fi
  runc_run false "$tmp/no-connect.json" -mx rsa.lab > "$tmp/runc.v"
  if grep -q 'endpoint mx.rsa.lab 127.0.25.1:25 status=connect-failed' "$tmp/runc.v"; then
    pass runc-seccomp-without-connect-fails-probe
  else
    fail runc-seccomp-without-connect-fails-probe "runc did not enforce the profile: $(grep endpoint "$tmp/runc.v" | tr '\n' ' ')"
  fi
else
  fail runc-available "runc is not installed (apt-get install runc)"
fi

# (d) AppArmor: the profile compiles; a broken copy does not (the check is not a no-op); every path the
# traces saw is allowed by a rule; enforcement only where the kernel can load profiles.
aa="$root/sandbox/apparmor/smtpdane"
if apparmor_parser -Q -K "$aa" > "$tmp/aa.out" 2>&1; then pass apparmor-profile-compiles; else fail apparmor-profile-compiles "$(tail -2 "$tmp/aa.out" | tr '\n' ' ')"; fi
sed 's/network inet stream,/network inet strem,/' "$aa" > "$tmp/broken-profile"
if apparmor_parser -Q -K "$tmp/broken-profile" >/dev/null 2>&1; then fail apparmor-parser-rejects-broken-profile "a misspelt rule was accepted"; else pass apparmor-parser-rejects-broken-profile; fi
# Site additions through the documented tunables directory compile too.
mkdir -p "$tmp/aa-inc/tunables/smtpdane.d"
echo "@{smtpdane_trust_anchor} += $LAB_TRUST_ANCHOR" > "$tmp/aa-inc/tunables/smtpdane.d/lab"
if apparmor_parser -Q -K -I "$tmp/aa-inc" "$aa" 2>"$tmp/aa.err" &&
   apparmor_parser -Q -K -I "$tmp/aa-inc" -p "$aa" 2>>"$tmp/aa.err" | grep -qF "@{smtpdane_trust_anchor} += $LAB_TRUST_ANCHOR"; then
  pass apparmor-tunables-directory-extends-trust-anchor
else
  fail apparmor-tunables-directory-extends-trust-anchor "$(tail -2 "$tmp/aa.err" | tr '\n' ' ')"
fi
$py "$here/apparmor_covers.py" "$aa" "$root/sandbox/observed-files.txt" "$bin"
# The coverage check itself can fail: without the resolv.conf rule it must report that path.
grep -v '^  /etc/resolv.conf r,' "$aa" > "$tmp/aa-no-resolv"
$py "$here/apparmor_covers.py" "$tmp/aa-no-resolv" "$root/sandbox/observed-files.txt" "$bin" > "$tmp/aa-covers.out"
grep -q '^FAIL apparmor-covers /etc/resolv.conf' "$tmp/aa-covers.out" &&
  pass apparmor-covers-detects-missing-rule || fail apparmor-covers-detects-missing-rule "removing the resolv.conf rule went unnoticed"
if [[ -w /sys/kernel/security/apparmor/.replace ]] && grep -q Y /sys/module/apparmor/parameters/enabled 2>/dev/null; then
  # Loaded under a test name so an installed "smtpdane" profile is not replaced; removed afterwards.
  sed 's/^profile smtpdane @{smtpdane_bin} {/profile smtpdane-suite-test {/' "$aa" > "$tmp/aa-test"
  if apparmor_parser -r -K -I "$tmp/aa-inc" "$tmp/aa-test" 2>"$tmp/aa.err"; then
    aa-exec -p smtpdane-suite-test -- "$bin" "${lab[@]}" -json -mx rsa.lab 2>/dev/null | $py "$here/verdict.py" > "$tmp/aa.v" 2>/dev/null
    "$bin" "${lab[@]}" -json -mx rsa.lab 2>/dev/null | $py "$here/verdict.py" > "$tmp/plain.v" 2>/dev/null
    cmp -s "$tmp/aa.v" "$tmp/plain.v" && pass apparmor-enforced-same-verdict || fail apparmor-enforced-same-verdict "$(diff "$tmp/plain.v" "$tmp/aa.v" | head -3 | tr '\n' ' ')"
    aa-exec -p smtpdane-suite-test -- "$bin" -trust-anchor /etc/shadow -mx rsa.lab >/dev/null 2>&1; rc=$?
    [[ $rc = 2 ]] && pass apparmor-enforced-denies-unlisted-file || fail apparmor-enforced-denies-unlisted-file "exit $rc reading /etc/shadow as trust anchor (want usage error 2)"
    apparmor_parser -R "$tmp/aa-test" >/dev/null 2>&1
  else
    fail apparmor-load "$(tail -2 "$tmp/aa.err" | tr '\n' ' ')"
  fi
else
  skip apparmor-enforcement "this kernel cannot load AppArmor profiles (no /sys/kernel/security/apparmor): compile + coverage checks only"
fi

# (e) Deployment examples.
"$root/tests/sandbox/deploy-checks.sh" "$bin"
