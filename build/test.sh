#!/usr/bin/env bash
# The whole test suite, as the README promises: prerequisites, unit/integration tests (xunit), the static
# binary published and tested as a process, and the real-server lab. Ends with one line "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
results=$(mktemp -d)
passed=0
failed=0

note() { printf '== %s\n' "$*" >&2; }

# 1. The static binary (installs its own build prerequisites when run as root).
note "publishing the static binary"
if bin=$(build/publish.sh); then
  export SMTPDANE_BINARY="$bin"
else
  echo "publish FAILED" >&2
  failed=$((failed + 1))
fi

# 2. xunit: every test, with the process-level ones run against the static binary.
note "dotnet test"
dotnet test SmtpDane.sln -c Release --tl:off --nologo 2>&1 | tee "$results/dotnet-test.log"
summaries=$(grep -E '^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$results/dotnet-test.log" || true)
if [ -z "$summaries" ]; then
  echo "dotnet test produced no summary: counted as a failure" >&2
  failed=$((failed + 1))
else
  p=$(echo "$summaries" | sed -E 's/.*Passed: +([0-9]+).*/\1/' | awk '{s+=$1} END {print s+0}')
  f=$(echo "$summaries" | sed -E 's/.*Failed: +([0-9]+), Passed.*/\1/' | awk '{s+=$1} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
fi

# 3. Smoke tests of the published binary as a process (static, empty environment, empty root).
if [ -n "${SMTPDANE_BINARY:-}" ]; then
  note "smoke tests against $SMTPDANE_BINARY"
  tests/smoke/binary-smoke.sh "$SMTPDANE_BINARY" | tee "$results/smoke.log"
  sp=$(grep -c '^PASS ' "$results/smoke.log" || true)
  sf=$(grep -c '^FAIL ' "$results/smoke.log" || true)
  passed=$((passed + sp)); failed=$((failed + sf))
fi

# 4. The published binary against the real-server lab (tests/lab), both DNSSEC modes, and the posttls-finger
#    differential. Needs root (ports 25/53); brings the lab up and, if it started it, down again.
if [ -n "${SMTPDANE_BINARY:-}" ]; then
  note "lab suite against $SMTPDANE_BINARY"
  tests/e2e/run-lab-suite.sh | tee "$results/lab.log"
  lp=$(grep -c '^PASS ' "$results/lab.log" || true)
  lf=$(grep -c '^FAIL ' "$results/lab.log" || true)
  if [ "$lp" -eq 0 ] && [ "$lf" -eq 0 ]; then
    echo "lab suite produced no results: counted as a failure" >&2
    lf=1
  fi
  passed=$((passed + lp)); failed=$((failed + lf))
fi

# 5. Sandbox profiles enforced for real (seccomp via bwrap, FROM-scratch root, AppArmor compile/coverage)
#    and the deployment examples (Icinga 2, NRPE); needs root and starts the lab if it is not running.
if [ -n "${SMTPDANE_BINARY:-}" ]; then
  note "sandbox suite against $SMTPDANE_BINARY"
  tests/sandbox/run-sandbox-suite.sh "$SMTPDANE_BINARY" | tee "$results/sandbox.log"
  sp=$(grep -c '^PASS ' "$results/sandbox.log" || true)
  sf=$(grep -c '^FAIL ' "$results/sandbox.log" || true)
  passed=$((passed + sp)); failed=$((failed + sf))
fi

rm -rf "$results"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
