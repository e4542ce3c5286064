#!/usr/bin/env bash
# Benchmarks of the published static binary against the loopback lab (tests/lab). Not part of the test suite:
# it measures, it does not assert. Figures go to bench/results.md (overwritten), with the machine and commit.
# Usage: build/bench.sh [runs]   (needs root for the lab; installs hyperfine with apt-get when missing)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${1:-20}
bin=${SMTPDANE_BINARY:-$root/artifacts/smtpdane}
[ -x "$bin" ] || bin=$(build/publish.sh)
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
tests/lab/up.sh >/dev/null
# shellcheck disable=SC1091
. "${LAB_DIR:-/tmp/smtpdane-lab}/lab.env"
lab="-resolver $LAB_RESOLVER -nocolor -timeout 20s"
val="$lab -trust-anchor $LAB_TRUST_ANCHOR"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

bench() { # name, command
  hyperfine -i --runs "$runs" --warmup 2 --export-json "$out/$1.json" -N "$2" >/dev/null 2>&1 \
    || hyperfine -i --runs "$runs" --warmup 2 --export-json "$out/$1.json" "$2" >/dev/null
  python3 - "$1" "$out/$1.json" "$2" <<'PY' >> "$out/rows"
import json, sys
r = json.load(open(sys.argv[2]))["results"][0]
print(f"| {sys.argv[1]} | {r['mean']*1000:.1f} | {r['stddev']*1000:.1f} | {r['user']*1000:.1f} | {r['system']*1000:.1f} | `{sys.argv[3].replace(sys.argv[3].split()[0], 'smtpdane', 1)}` |")
PY
}

bench "start-up (-version)" "$bin -version"
bench "1 endpoint, validated (DANE-EE, RSA)" "$bin $val -mx rsa.lab"
bench "1 endpoint, resolver AD bit" "$bin $lab -dnssec resolver -mx rsa.lab"
bench "1 endpoint, validated (DANE-TA, ECDSA, NSEC3)" "$bin $val -mx ec.lab"
bench "2 endpoints (dual stack), validated" "$bin $val mx-dualstack.ec.lab"
bench "8 targets in one run, validated" "$bin $val -mx rsa.lab ec.lab ed.lab soon.lab insecure.lab bogus.lab nullmx.ec.lab nomx.ec.lab"

{
  echo "# smtpdane benchmark results"
  echo
  echo "Written by \`build/bench.sh $runs\` on $(date -u +%Y-%m-%dT%H:%MZ); commit $(git rev-parse --short HEAD);"
  echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(uname -r); binary $(stat -c %s "$bin") bytes."
  echo "Lab on loopback (NSD + Unbound + Postfix, see tests/lab). Wall and CPU per whole process run, in ms; $runs runs after 2 warm-ups."
  echo
  echo "| case | wall mean | wall sd | user CPU | sys CPU | command |"
  echo "|---|---|---|---|---|---|"
  cat "$out/rows"
} > bench/results.md
cat bench/results.md
