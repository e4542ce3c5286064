#!/usr/bin/env bash
# End-to-end suite: the PUBLISHED static binary against the real-server lab (tests/lab), in both DNSSEC
# modes, plus the differential check against posttls-finger. Prints one "PASS name" / "FAIL name: why" line
# per check (build/test.sh counts them) and "# ..." information lines. Exit 0 when nothing failed.
#
#   tests/e2e/run-lab-suite.sh [lab_suite.py options, e.g. --only scenario,nagios --jobs 4]
#
# Environment: SMTPDANE_BINARY (default artifacts/smtpdane, published with build/publish.sh when missing),
# LAB_DIR (default /tmp/smtpdane-lab), E2E_KEEP_LAB=1 to leave a lab this script started running.
# Needs root (the lab listens on ports 25 and 53; posttls-finger runs in a private mount namespace).
# The lab is brought down on exit (also on failure or interrupt) when this script started it; a lab that was
# already up and healthy before the run belongs to someone else and is left alone.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
export LAB_DIR=${LAB_DIR:-/tmp/smtpdane-lab}

fail_setup() { echo "FAIL $1: $2"; exit 1; }

if [[ $(id -u) -ne 0 ]]; then fail_setup lab-up "needs root (lab listeners on ports 25/53, unshare for posttls-finger)"; fi
if ! command -v python3 >/dev/null; then
    echo "# installing python3" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 >&2 \
        || { DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 >&2; } \
        || fail_setup python3 "python3 is missing and could not be installed"
fi

bin=${SMTPDANE_BINARY:-$root/artifacts/smtpdane}
if [[ ! -x $bin ]]; then
    if [[ -n ${SMTPDANE_BINARY:-} ]]; then fail_setup binary "SMTPDANE_BINARY=$bin is not an executable file"; fi
    echo "# $bin missing: publishing it with build/publish.sh" >&2
    bin=$(build/publish.sh) || fail_setup binary "build/publish.sh failed"
fi
bin=$(readlink -f "$bin")

started_lab=0
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ $started_lab == 1 && ${E2E_KEEP_LAB:-} != 1 ]]; then
        tests/lab/down.sh >&2 || echo "# down.sh failed" >&2
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# up.sh is idempotent: it says "already up" when it only re-checked a healthy lab; anything else means it
# (re)started the services, which are then ours to stop.
t0=$SECONDS
up_log=$(mktemp)
started_lab=1
if tests/lab/up.sh 2>"$up_log"; then
    grep -q 'already up' "$up_log" && started_lab=0
    echo "PASS lab-up"
    echo "# lab ready in $((SECONDS - t0))s ($([[ $started_lab == 1 ]] && echo started by this run || echo already running: left up afterwards))"
    rm -f "$up_log"
else
    echo "FAIL lab-up: tests/lab/up.sh failed: $(tail -5 "$up_log" | tr '\n' ' ')"
    rm -f "$up_log"
    exit 1
fi

echo "# binary: $bin ($("$bin" -version 2>/dev/null | head -1))"
out=$(mktemp)
python3 tests/e2e/lab_suite.py --binary "$bin" --lab-dir "$LAB_DIR" "$@" | tee "$out"
rc=${PIPESTATUS[0]}
# A driver that crashed (traceback) must not pass silently with whatever it printed before.
if [[ $rc -ne 0 ]] && ! grep -q '^FAIL ' "$out"; then echo "FAIL lab-suite-driver: lab_suite.py exited $rc without a FAIL line"; fi
rm -f "$out"
exit "$rc"
