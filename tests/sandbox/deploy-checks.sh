#!/usr/bin/env bash
# Checks the deployment examples in build/deploy/ against real Icinga 2 and NRPE, on loopback, with
# nothing of the system's own configuration or state touched:
#  - icinga2 runs inside bwrap with /var/cache, /var/lib, /run, /var/log and /var/spool/icinga2 replaced by
#    temporary directories, in its own PID namespace (everything it starts dies with it);
#  - nrpe runs from a temporary nrpe.cfg on 127.0.0.1:$NRPE_PORT (default 35666), also in its own PID namespace.
# Called by run-sandbox-suite.sh (the lab must be up); prints PASS/FAIL/SKIP lines.
#
#   tests/sandbox/deploy-checks.sh BINARY
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(readlink -f "$1")
deploy="$root/build/deploy"
tmp=$(mktemp -d)
chmod 755 "$tmp"
nrpe_port=${NRPE_PORT:-35666}
nrpe_pid=
icinga_pid=
cleanup() {
  [[ -n $icinga_pid ]] && kill "$icinga_pid" 2>/dev/null && wait "$icinga_pid" 2>/dev/null
  [[ -n $nrpe_pid ]] && kill "$nrpe_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }
skip() { echo "SKIP $1: $2"; }

# shellcheck disable=SC1091
. "${LAB_DIR:-/tmp/smtpdane-lab}/lab.env"
wiring="-trust-anchor $LAB_TRUST_ANCHOR -resolver $LAB_RESOLVER"   # the lab's private root and resolver

# ---- Icinga 2 -------------------------------------------------------------------------------------------
if command -v icinga2 >/dev/null; then
  mkdir -p "$tmp/ic"/{cache,lib,run,log,spool}
  chown -R nagios:nagios "$tmp/ic" 2>/dev/null || chown -R icinga:icinga "$tmp/ic" 2>/dev/null
  sed "s#/usr/local/bin/smtpdane#$bin#" "$deploy/icinga2-smtpdane.conf" > "$tmp/ic/command.conf"
  cat > "$tmp/ic/icinga2.conf" <<EOF
include "$tmp/ic/command.conf"
object CheckerComponent "checker" { }
object CheckCommand "always-ok" { command = [ "/bin/true" ] }
object Host "lab" { check_command = "always-ok"; enable_active_checks = false }
/* check_timeout 20s: smtpdane must get -timeout 15s */
object Service "dane-pass" {
  host_name = "lab"; check_command = "smtpdane"; check_interval = 2s; retry_interval = 2s; check_timeout = 20s
  vars.smtpdane_targets = [ "rsa.lab" ]; vars.smtpdane_mx = true
  vars.smtpdane_resolver = [ "$LAB_RESOLVER" ]; vars.smtpdane_trust_anchor = "$LAB_TRUST_ANCHOR"
}
/* no check_timeout: the command's 60s, so -timeout 55s; arrays repeat their flag */
object Service "dane-broken" {
  host_name = "lab"; check_command = "smtpdane"; check_interval = 2s; retry_interval = 2s
  vars.smtpdane_targets = [ "multi.rsa.lab", "ec.lab" ]; vars.smtpdane_mx = true
  vars.smtpdane_resolver = [ "$LAB_RESOLVER" ]; vars.smtpdane_trust_anchor = "$LAB_TRUST_ANCHOR"
  vars.smtpdane_aka = [ "a.example", "b.example" ]; vars.smtpdane_expiration_warning = "240h"
  vars.smtpdane_rrsig_expiration_warning = "24h"; vars.smtpdane_ipv4 = true; vars.smtpdane_helo = "monitor.example"
}
/* every other variable; DNS goes to 127.0.0.9:53 on loopback, where nothing answers (fails after -timeout 3s) */
object Service "dane-all-flags" {
  host_name = "lab"; check_command = "smtpdane"; check_interval = 2s; retry_interval = 2s
  vars.smtpdane_targets = [ "all-flags.lab" ]; vars.smtpdane_srv = "submission"; vars.smtpdane_port = 587
  vars.smtpdane_tls_on_connect = true; vars.smtpdane_ipv6 = true; vars.smtpdane_expect_ocsp = true
  vars.smtpdane_dnssec = "resolver"; vars.smtpdane_tlsa_name = "mx.example.org"; vars.smtpdane_connect_timeout = "5s"
  vars.smtpdane_nocertnames = true; vars.smtpdane_proxy_tcp = "socks5://127.0.0.1:1080"; vars.smtpdane_timeout = "3s"
  vars.smtpdane_submission = false; vars.smtpdane_submissions = false; vars.smtpdane_resolver = [ "127.0.0.9" ]
  vars.smtpdane_trust_anchor = "$LAB_TRUST_ANCHOR"
}
EOF
  icinga_sandbox=(bwrap --dev-bind / / --unshare-pid --die-with-parent
    --bind "$tmp/ic/cache" /var/cache/icinga2 --bind "$tmp/ic/lib" /var/lib/icinga2 --bind "$tmp/ic/run" /run/icinga2
    --bind "$tmp/ic/log" /var/log/icinga2 --bind "$tmp/ic/spool" /var/spool/icinga2)
  if "${icinga_sandbox[@]}" icinga2 daemon -C -c "$tmp/ic/icinga2.conf" > "$tmp/ic/validate.log" 2>&1; then
    pass icinga2-checkcommand-validates
  else
    fail icinga2-checkcommand-validates "$(grep -E 'critical|Error' "$tmp/ic/validate.log" | head -3 | tr '\n' ' ')"
  fi
  # The validation is not a no-op: a misspelt argument attribute is rejected.
  sed 's/set_if = "\$smtpdane_mx\$"/set_iff = "$smtpdane_mx$"/' "$tmp/ic/command.conf" > "$tmp/ic/broken.conf"
  sed "s#$tmp/ic/command.conf#$tmp/ic/broken.conf#" "$tmp/ic/icinga2.conf" > "$tmp/ic/broken-icinga2.conf"
  if "${icinga_sandbox[@]}" icinga2 daemon -C -c "$tmp/ic/broken-icinga2.conf" >/dev/null 2>&1; then
    fail icinga2-validation-rejects-typo "a misspelt attribute (set_iff) was accepted"
  else
    pass icinga2-validation-rejects-typo
  fi

  # Run the checks for real: Icinga builds the command lines (timeout derivation, arrays) and reads the exits.
  "${icinga_sandbox[@]}" icinga2 daemon -x notice -c "$tmp/ic/icinga2.conf" > "$tmp/ic/daemon.log" 2>&1 &
  icinga_pid=$!
  for _ in $(seq 80); do
    grep -q "'--' 'rsa.lab') terminated with exit code" "$tmp/ic/daemon.log" &&
      grep -q "'--' 'multi.rsa.lab' 'ec.lab') terminated with exit code" "$tmp/ic/daemon.log" &&
      grep -q "'--' 'all-flags.lab') terminated with exit code" "$tmp/ic/daemon.log" && break
    sleep 0.5
  done
  kill "$icinga_pid" 2>/dev/null; wait "$icinga_pid" 2>/dev/null; icinga_pid=
  # notice/Process: PID n ('/path/smtpdane' '-nagios' '-timeout' '15s' ... '--' 'rsa.lab') terminated with exit code 0
  ok_line=$(grep -m1 "'--' 'rsa.lab') terminated with exit code" "$tmp/ic/daemon.log")
  broken_line=$(grep -m1 "'--' 'multi.rsa.lab' 'ec.lab') terminated with exit code" "$tmp/ic/daemon.log")
  if [[ $ok_line == *"'$bin' '-nagios' '-timeout' '15s' "* && $ok_line == *"exit code 0" ]]; then
    pass icinga2-runs-check-ok-timeout-below-check-timeout
  else
    fail icinga2-runs-check-ok-timeout-below-check-timeout "${ok_line:-no command line for dane-pass in the log} $(grep -m2 -E 'warning/|critical/' "$tmp/ic/daemon.log" | tr '\n' ' ')"
  fi
  if [[ $broken_line == *"'-nagios' '-timeout' '55s' "* && $broken_line == *"'-aka' 'a.example' '-aka' 'b.example'"* &&
        $broken_line == *"'-4'"* && $broken_line == *"'-helo' 'monitor.example'"* && $broken_line == *"exit code 2" ]]; then
    pass icinga2-runs-check-critical-arrays-and-flags
  else
    fail icinga2-runs-check-critical-arrays-and-flags "${broken_line:-no command line for dane-broken in the log}"
  fi
  all_line=$(grep -m1 "'--' 'all-flags.lab') terminated with exit code" "$tmp/ic/daemon.log")
  missing=()
  for want in "'-nagios' '-timeout' '3s'" "'-srv' 'submission'" "'-port' '587'" "'-tls-on-connect'" "'-6'" "'-expect-ocsp'" \
              "'-dnssec' 'resolver'" "'-tlsa-name' 'mx.example.org'" "'-connect-timeout' '5s'" "'-nocertnames'" \
              "'-proxy-tcp' 'socks5://127.0.0.1:1080'" "'-resolver' '127.0.0.9'" "'-trust-anchor' '$LAB_TRUST_ANCHOR'"; do
    [[ $all_line == *"$want"* ]] || missing+=("$want")
  done
  for unwanted in "'-submission'" "'-submissions'" "'-mx'" "'-4'"; do
    [[ $all_line == *"$unwanted"* ]] && missing+=("unexpected $unwanted")
  done
  # nothing answers DNS there: UNKNOWN (3) from smtpdane itself, within its own -timeout
  [[ $all_line == *"exit code 3" ]] || missing+=("exit code 3")
  if [[ -n $all_line && ${#missing[@]} = 0 ]]; then
    pass icinga2-maps-every-variable-to-its-flag
  else
    fail icinga2-maps-every-variable-to-its-flag "${all_line:-no command line for dane-all-flags}; missing: ${missing[*]}"
  fi
else
  fail icinga2-available "icinga2 is not installed (apt-get install icinga2-bin icinga2-common)"
fi

# ---- NRPE -----------------------------------------------------------------------------------------------
# Every command line in the snippet: the timeout is below NRPE's default command_timeout (60 s) and below
# the check_nrpe -t 30 the snippet tells the server side to use.
cmds=$(grep -E '^command\[' "$deploy/nrpe-smtpdane.cfg")
bad=0
while IFS= read -r line; do
  t=$(sed -nE 's/.* -timeout ([0-9]+)s .*/\1/p' <<< "$line")
  if [[ -z $t || $t -ge 30 ]]; then bad=1; fail nrpe-timeouts "no -timeout below 30s in: $line"; fi
  [[ $line == *" -nagios "* ]] || { bad=1; fail nrpe-timeouts "no -nagios in: $line"; }
done <<< "$cmds"
[[ $bad = 0 && -n $cmds ]] && pass nrpe-timeouts-below-check-timeouts

# The $ARG1$ command lines, run the way NRPE runs them (/bin/sh -c) with the argument substituted and the
# lab's resolver/anchor added after the binary.
for pair in "rsa.lab|0|SMTPDANE OK" "multi.rsa.lab|2|SMTPDANE CRITICAL"; do
  IFS='|' read -r dom want_rc want_text <<< "$pair"
  line=$(grep -E '^command\[check_smtpdane_mx\]=' "$deploy/nrpe-smtpdane.cfg" | cut -d= -f2-)
  line=${line//\/usr\/local\/bin\/smtpdane/$bin $wiring}
  line=${line//\$ARG1\$/$dom}
  out=$(/bin/sh -c "$line" 2>&1); rc=$?
  if [[ $rc == "$want_rc" && $(head -1 <<< "$out") == "$want_text"* ]]; then
    pass "nrpe-command-line-$dom"
  else
    fail "nrpe-command-line-$dom" "exit $rc (want $want_rc): $(head -1 <<< "$out")"
  fi
done

# A real NRPE daemon serving the fixed-target commands (example.org replaced by lab domains), queried with
# check_nrpe. Debian builds NRPE without command-argument support, so the $ARG1$ commands are only
# checked above; the daemon's refusal of arguments is reported as a SKIP.
if command -v nrpe >/dev/null && [[ -x /usr/lib/nagios/plugins/check_nrpe ]]; then
  mkdir -p "$tmp/nrpe"; chown nagios "$tmp/nrpe" 2>/dev/null
  printf 'nameserver %s\n' "${LAB_RESOLVER53%:*}" > "$tmp/nrpe/resolv.conf"
  /usr/bin/python3 "$root/sandbox/seccomp-bpf.py" "$root/sandbox/seccomp.json" "$tmp/nrpe/seccomp.bpf"
  chmod 644 "$tmp/nrpe/resolv.conf" "$tmp/nrpe/seccomp.bpf"
  {
    echo "pid_file=$tmp/nrpe/nrpe.pid"
    echo "server_address=127.0.0.1"
    echo "server_port=$nrpe_port"
    echo "nrpe_user=nagios"
    echo "nrpe_group=nagios"
    echo "allowed_hosts=127.0.0.1"
    echo "dont_blame_nrpe=1"
    echo "command_timeout=60"
    grep -E '^command\[' "$deploy/nrpe-smtpdane.cfg" |
      sed -e "s#/usr/local/bin/smtpdane#$bin $wiring#" \
          -e 's#check_smtpdane_example_mx\]=\(.*\) -mx example.org#check_smtpdane_example_mx]=\1 -mx rsa.lab#' \
          -e 's#check_smtpdane_example_submission\]=\(.*\) -submission example.org#check_smtpdane_example_submission]=\1 -submission ec.lab#'
    echo "command[check_smtpdane_lab_broken]=$bin $wiring -nagios -timeout 25s -mx multi.rsa.lab"
    # the commented bubblewrap variant, with the lab's resolv.conf, anchor and a BPF made from the profile
    grep -E '^#command\[check_smtpdane_example_mx_bwrap\]=' "$deploy/nrpe-smtpdane.cfg" | sed \
      -e 's/^#//' -e "s#--ro-bind /usr/local/bin/smtpdane #--ro-bind $bin #" \
      -e "s#--ro-bind /etc/resolv.conf /etc/resolv.conf#--ro-bind $tmp/nrpe/resolv.conf /etc/resolv.conf --ro-bind $LAB_TRUST_ANCHOR /root.key#" \
      -e "s#-- /smtpdane #-- /smtpdane -trust-anchor /root.key #" -e 's# -mx example.org# -mx rsa.lab#' \
      -e "s#/etc/smtpdane/seccomp.bpf#$tmp/nrpe/seccomp.bpf#"
  } > "$tmp/nrpe/nrpe.cfg"
  # In its own PID namespace: the per-connection children nrpe forks are reaped there and die with it.
  bwrap --dev-bind / / --unshare-pid --die-with-parent nrpe -c "$tmp/nrpe/nrpe.cfg" -f -n > "$tmp/nrpe/out.log" 2>&1 &
  nrpe_pid=$!
  for _ in $(seq 20); do /usr/lib/nagios/plugins/check_nrpe -H 127.0.0.1 -p "$nrpe_port" -n -t 5 >/dev/null 2>&1 && break; sleep 0.25; done
  q() { /usr/lib/nagios/plugins/check_nrpe -H 127.0.0.1 -p "$nrpe_port" -n -t 30 "$@"; }
  for pair in "check_smtpdane_example_mx|0|SMTPDANE OK" "check_smtpdane_example_submission|0|SMTPDANE OK" \
              "check_smtpdane_lab_broken|2|SMTPDANE CRITICAL" "check_smtpdane_example_mx_bwrap|0|SMTPDANE OK"; do
    IFS='|' read -r cmd want_rc want_text <<< "$pair"
    out=$(q -c "$cmd" 2>&1); rc=$?
    if [[ $rc == "$want_rc" && $(head -1 <<< "$out") == "$want_text"* ]]; then
      pass "nrpe-daemon-$cmd"
    else
      fail "nrpe-daemon-$cmd" "exit $rc (want $want_rc): $(head -1 <<< "$out")"
    fi
  done
  out=$(q -c check_smtpdane_mx -a rsa.lab 2>&1); rc=$?
  if [[ $rc = 0 && $out == "SMTPDANE OK"* ]]; then
    pass nrpe-daemon-arg1
  else
    skip nrpe-daemon-arg1 "this nrpe refuses command arguments (Debian builds it without --enable-command-args): $(head -1 <<< "$out")"
  fi
  kill "$nrpe_pid" 2>/dev/null; wait "$nrpe_pid" 2>/dev/null; nrpe_pid=
else
  fail nrpe-available "nrpe/check_nrpe not installed (apt-get install nagios-nrpe-server nagios-nrpe-plugin)"
fi
