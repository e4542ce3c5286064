#!/usr/bin/env bash
# Re-derives sandbox/seccomp.json from what the static binary really does.
#
#   sandbox/derive-seccomp.sh [BINARY]        (default artifacts/smtpdane; needs root, strace, bwrap, the lab)
#
# 1. Runs the binary under `strace -f` over every code path we can reach on loopback: -help, -version, usage
#    errors, and probes against the lab (tests/lab): pass, tls-failed, connect-failed, timeout (per read and
#    global deadline), bogus, -dnssec resolver and validate, no resolver at all, -json, -nagios, -debug,
#    -show-cert-info/-showcerts, -6, -proxy-tcp (through tests/lab/socks5.py), a terminal (colour), a
#    SIGTERM mid-run, DNS over TCP (tests/sandbox/truncating-dns.py) and a run with a tiny GC generation 0 (forces many collections, i.e. thread suspension).
# 2. Writes sandbox/seccomp-observed.txt (each syscall and the runs it was seen in) and
#    sandbox/observed-files.txt (every path the binary opened, stat'ed or read, per run).
# 3. Generates sandbox/seccomp.json from sandbox/seccomp-groups.txt (the reasons) with sandbox/seccomp-gen.py,
#    which FAILS when a syscall was observed that no group explains: add it to a group with a reason, re-run.
# Argument-restricted syscalls (socket families, ioctl requests, clone flags) are checked here too: a value
# the groups file does not allow fails the derivation.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(readlink -f "${1:-$root/artifacts/smtpdane}")
py=/usr/bin/python3   # Debian's python (python3-seccomp lives there), not a pyenv shim
[[ -x $bin ]] || { echo "derive: no binary at $bin (build/publish.sh)" >&2; exit 1; }
for t in strace bwrap script; do command -v $t >/dev/null || { echo "derive: needs $t (apt-get install strace bubblewrap bsdutils)" >&2; exit 1; }; done

"$root/tests/lab/up.sh" >&2
# shellcheck disable=SC1091
. "${LAB_DIR:-/tmp/smtpdane-lab}/lab.env"
lab=(-trust-anchor "$LAB_TRUST_ANCHOR" -resolver "$LAB_RESOLVER" -nocolor)

work=$(mktemp -d)
socks_pid=
cleanup() { [[ -n $socks_pid ]] && kill "$socks_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# trace NAME [VAR=VALUE...] -- ARGS...: one strace'd run of the binary; output discarded, exit code kept.
trace() {
  local name=$1; shift
  local envs=()
  while [[ $1 != -- ]]; do envs+=("$1"); shift; done; shift
  env "${envs[@]}" strace -f -qq -e trace=all -s 256 -o "$work/$name.trace" "$bin" "$@" >/dev/null 2>&1 || true
  echo "derive: traced $name" >&2
}

trace help -- -help
trace version -- -version
trace usage-unknown-flag -- -no-such-flag x
trace usage-nagios -- -nagios -4 -6 example.invalid
trace usage-bad-trust-anchor -- -trust-anchor /nonexistent/root.key mx.rsa.lab
trace pass-validate -- "${lab[@]}" -mx rsa.lab
trace pass-resolver-ad -- "${lab[@]}" -dnssec resolver -mx ec.lab
trace json -- "${lab[@]}" -json -mx ed.lab
trace nagios -- "${lab[@]}" -nagios -mx multi.rsa.lab
trace debug-certinfo -- "${lab[@]}" -debug -show-cert-info -showcerts mx-dualcert.rsa.lab
trace ipv6 -- "${lab[@]}" -6 -mx dualstack.ec.lab
trace tls-on-connect -- "${lab[@]}" -port 465 -tls-on-connect mx.ec.lab
trace submission-srv -- "${lab[@]}" -submission ec.lab
trace tls-failed -- "${lab[@]}" -port 25 -tls-on-connect mx.ec.lab
trace connect-failed -- "${lab[@]}" mx-down.ec.lab
trace bogus -- "${lab[@]}" -mx bogus.lab
trace no-tlsa -- "${lab[@]}" mx-notlsa.ec.lab mx.insecure.lab
trace read-timeout -- "${lab[@]}" -connect-timeout 2s -port 465 mx.ec.lab
trace global-timeout -- "${lab[@]}" -nagios -timeout 2s -port 465 mx.ec.lab
trace dns-timeout -- -trust-anchor "$LAB_TRUST_ANCHOR" -resolver 127.0.0.1:9 -timeout 3s -nagios mx.rsa.lab
trace env-resolver DNS_RESOLVER="$LAB_RESOLVER" -- -trust-anchor "$LAB_TRUST_ANCHOR" -nocolor mx.ec.lab
# 8 x 6 domains (48+ endpoints) with a 64 KiB generation 0: many collections while sockets are busy.
many=(); for _ in 1 2 3 4 5 6 7 8; do many+=(rsa.lab ec.lab ed.lab multi.rsa.lab soon.lab tampered.lab); done
trace gc-stress DOTNET_GCgen0size=0x10000 -- "${lab[@]}" -nagios -mx "${many[@]}"

# No resolver at all: the binary alone in an empty root (bwrap), the "no resolver configured" path. strace
# traces bwrap too, so keep only the process that exec'ed /smtpdane and the threads it created.
mkdir -p "$work/empty"
strace -f -qq -e trace=all -s 256 -o "$work/bwrap.raw" \
  bwrap --bind "$work/empty" / --ro-bind "$bin" /smtpdane /smtpdane -nagios mx.rsa.lab >/dev/null 2>&1 || true
awk '/ execve\("\/smtpdane"/ {keep[$1]=1; on=1}
     on && keep[$1] { print; if (match($0, /(clone3?\(|clone3? resumed>).*= ([0-9]+)$/, m)) keep[m[2]]=1 }' \
  "$work/bwrap.raw" > "$work/no-resolver.trace"
rm -f "$work/bwrap.raw"
echo "derive: traced no-resolver" >&2

# -proxy-tcp through a loopback SOCKS5 proxy.
coproc SOCKS { exec "$py" "$root/tests/lab/socks5.py" 0; }
socks_pid=$SOCKS_PID
read -r socks_port <&"${SOCKS[0]}"
trace proxy-tcp -- "${lab[@]}" -proxy-tcp "socks5://127.0.0.1:$socks_port" -mx rsa.lab
kill "$socks_pid"; wait "$socks_pid" 2>/dev/null || true; socks_pid=

# DNS over TCP: a loopback front answers every UDP query truncated and relays TCP to the lab resolver.
coproc TRUNC { exec "$py" "$root/tests/sandbox/truncating-dns.py" 0 "$LAB_RESOLVER"; }
socks_pid=$TRUNC_PID
read -r trunc_port <&"${TRUNC[0]}"
trace dns-over-tcp -- -trust-anchor "$LAB_TRUST_ANCHOR" -resolver "127.0.0.1:$trunc_port" -nocolor -mx rsa.lab
kill "$socks_pid"; wait "$socks_pid" 2>/dev/null || true; socks_pid=

# A terminal on stdout (colour decision, terminal ioctls).
script -qec "strace -f -qq -e trace=all -s 256 -o '$work/terminal.trace' '$bin' -trust-anchor '$LAB_TRUST_ANCHOR' -resolver '$LAB_RESOLVER' -mx rsa.lab" /dev/null >/dev/null 2>&1 || true
echo "derive: traced terminal" >&2

# SIGTERM while waiting for a banner (the runtime's signal-handling thread, rt_sigreturn).
strace -f -qq -e trace=all -s 256 -o "$work/sigterm.trace" "$bin" "${lab[@]}" -port 465 mx.ec.lab >/dev/null 2>&1 &
spid=$!
for _ in $(seq 50); do child=$(pgrep -P "$spid" || true); [[ -n $child ]] && break; sleep 0.1; done
sleep 1.5
[[ -n ${child:-} ]] && kill -TERM "$child"
wait "$spid" 2>/dev/null || true
echo "derive: traced sigterm" >&2

# The container runtime: runc (what Docker and Podman use) installs the filter in its init process, then
# still drops privileges, closes descriptors and opens its exec FIFO before exec'ing the binary; those
# syscalls run under OUR filter. Traced for both modes (Docker's default: no-new-privileges off; and on),
# with a derivation profile that allows everything, then cut to what follows the filter load
# (sandbox/runc-after-filter.py). Kept as .rtrace: counted for syscalls/arguments, not for the file list.
if command -v runc >/dev/null; then
  bundle="$work/bundle"; mkdir -p "$bundle/rootfs/etc"
  cp "$bin" "$bundle/rootfs/smtpdane"; cp "$LAB_TRUST_ANCHOR" "$bundle/rootfs/root.key"
  printf 'nameserver %s\n' "${LAB_RESOLVER53%:*}" > "$bundle/rootfs/etc/resolv.conf"
  for nnp in false true; do
    (cd "$bundle" && rm -f config.json && runc spec)
    "$py" "$root/sandbox/oci-config.py" "$bundle/config.json" "$nnp" allow-all -- /smtpdane -trust-anchor /root.key -nagios -mx rsa.lab
    id="smtpdane-derive-$$-$nnp"
    strace -f -qq -e trace=all -s 256 -o "$work/runc.raw" runc run --bundle "$bundle" "$id" >/dev/null 2>&1 || true
    runc delete -f "$id" >/dev/null 2>&1 || true
    "$py" "$root/sandbox/runc-after-filter.py" "$work/runc.raw" > "$work/runc-init-nnp-$nnp.rtrace"
    rm -f "$work/runc.raw"
    echo "derive: traced runc-init-nnp-$nnp" >&2
  done
else
  echo "derive: WARNING: runc not installed (apt-get install runc): the container runtime's syscalls are not re-derived" >&2
fi

# bubblewrap with --unshare-pid: its pid-1 init process gets the filter too (it loads it before forking
# the child that execs the binary) and then reaps that child. Its syscalls after the load: .rtrace as well.
bpf="$work/derive.bpf"
"$py" "$root/sandbox/oci-config.py" --allow-all-profile > "$work/allow-all.json"
"$py" "$root/sandbox/seccomp-bpf.py" "$work/allow-all.json" "$bpf"
strace -f -qq -e trace=all -s 256 -o "$work/bwrap-init.raw" \
  bwrap --unshare-all --share-net --die-with-parent --ro-bind "$bin" /smtpdane --seccomp 9 -- /smtpdane -version 9<"$bpf" >/dev/null 2>&1 || true
# pids that loaded a filter, minus the one that exec'ed /smtpdane: keep their lines after the load.
awk 'FNR == NR { if ($0 ~ / execve\("\/smtpdane"/) skip[$1] = 1; next }
     /prctl\(PR_SET_SECCOMP, SECCOMP_MODE_FILTER|seccomp\(SECCOMP_SET_MODE_FILTER, [^,]+, \{len=/ { if (!skip[$1]) on[$1] = 1; next }
     on[$1]' "$work/bwrap-init.raw" "$work/bwrap-init.raw" > "$work/bwrap-init.rtrace"
rm -f "$work/bwrap-init.raw"
echo "derive: traced bwrap-init" >&2

# ---- collect ---------------------------------------------------------------------------------------
# Syscall names: "PID name(" and "PID <... name resumed>".
for f in "$work"/*.trace "$work"/*.rtrace; do
  [[ -e $f ]] || continue
  run=$(basename "${f%.*}")
  sed -nE 's/^[0-9]+ +([a-z_0-9]+)\(.*/\1/p; s/^[0-9]+ +<\.\.\. ([a-z_0-9]+) resumed>.*/\1/p' "$f" | sort -u | sed "s/\$/\t$run/"
done | sort | awk -F'\t' '{a[$1]=a[$1] (a[$1]?",":"") $2} END {for (k in a) print k "\t" a[k]}' | sort > "$work/observed"
{
  echo "# Generated by sandbox/derive-seccomp.sh from $(basename "$bin") ($(sha256sum "$bin" | cut -c1-16)) on $(date -u +%F)."
  echo "# syscall<TAB>runs it was seen in"
  cat "$work/observed"
} > "$root/sandbox/seccomp-observed.txt"

# Argument values of the restricted syscalls.
cat "$work"/*.trace "$work"/*.rtrace 2>/dev/null | sed -nE 's/^[0-9]+ +socket\(([A-Z_0-9]+),.*/socket \1/p; s/^[0-9]+ +ioctl\([0-9]+, ([A-Z_0-9]+).*/ioctl \1/p' | sort -u > "$work/args"
# openat: read-only unless the flags ask for writing/creating (the profile only allows read-only opens).
cat "$work"/*.trace "$work"/*.rtrace 2>/dev/null | sed -nE 's/^[0-9]+ +openat\([^,]+, "([^"]*)", ([A-Z_|]+).*/\2 \1/p' |
  sed -E 's#/proc/self/fd/[0-9]+$#/proc/self/fd/N#' |
  awk '{ if ($1 ~ /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND/) print "openat WRITE " $2; else print "openat read-only" }' |
  sort -u >> "$work/args"
cat "$work"/*.trace "$work"/*.rtrace 2>/dev/null | grep -E '^[0-9]+ +clone\(' | grep -v CLONE_THREAD | sed 's/^/clone-without-CLONE_THREAD /' >> "$work/args" || true
echo "derive: argument values seen: $(tr '\n' ' ' < "$work/args")" >&2

# Paths the binary looked at (for the AppArmor profile and the README's "Access needed" section). The lab's trust anchor
# becomes @{smtpdane_trust_anchor}, the binary's own path @{smtpdane_bin}.
"$py" "$root/sandbox/trace-files.py" "$LAB_TRUST_ANCHOR=@{smtpdane_trust_anchor}" "$bin=@{smtpdane_bin}" -- "$work"/*.trace > "$work/files"
{
  echo "# Generated by sandbox/derive-seccomp.sh: every path the binary opened/stat'ed/read."
  echo "# path<TAB>syscalls<TAB>results seen<TAB>number of runs it was seen in (of $(ls "$work"/*.trace | wc -l))"
  cat "$work/files"
} > "$root/sandbox/observed-files.txt"

"$py" "$root/sandbox/seccomp-gen.py" "$root/sandbox/seccomp-groups.txt" "$work/observed" "$work/args" \
  > "$work/seccomp.json"
mv "$work/seccomp.json" "$root/sandbox/seccomp.json"
echo "derive: wrote sandbox/seccomp.json, sandbox/seccomp-observed.txt, sandbox/observed-files.txt" >&2
