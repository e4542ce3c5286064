#!/usr/bin/env bash
# Process-level checks of the published binary: what an operator sees when copying one file to a host or
# into a FROM-scratch image. Prints one "PASS name" or "FAIL name: why" line per check.
set -u
bin=$(readlink -f "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() { # name, then a command that must succeed
  local name=$1; shift
  if out=$("$@" 2>&1); then echo "PASS $name"; else echo "FAIL $name: $(echo "$out" | tail -3 | tr '\n' ' ')"; fi
}
expect_exit() { # name, expected code, stream that must be non-empty (out|err|none), args...
  local name=$1 want=$2 stream=$3; shift 3
  "$bin" "$@" >"$tmp/out" 2>"$tmp/err"; local got=$?
  if [ "$got" != "$want" ]; then echo "FAIL $name: exit $got, want $want"; return; fi
  case $stream in
    out) [ -s "$tmp/out" ] && [ ! -s "$tmp/err" ] || { echo "FAIL $name: expected output on stdout only"; return; } ;;
    err) [ -s "$tmp/err" ] && [ ! -s "$tmp/out" ] || { echo "FAIL $name: expected output on stderr only"; return; } ;;
  esac
  if grep -q '   at ' "$tmp/out" "$tmp/err"; then echo "FAIL $name: stack trace printed"; return; fi
  echo "PASS $name"
}

# The artifact is one static ELF file.
check "artifact-is-the-only-file" test "$(find "$(dirname "$bin")" -type f | wc -l)" = 1
check "ldd-not-dynamic" bash -c "ldd '$bin' 2>&1 | grep -q 'not a dynamic executable'"
check "elf-has-no-interpreter" bash -c "! readelf -l '$bin' | grep -q INTERP"
check "elf-is-not-pie" bash -c "readelf -h '$bin' | grep -q 'EXEC (Executable file)'"

# Version and help.
expect_exit "version" 0 out -version
check "version-names-dependencies" bash -c "'$bin' -version | grep -q 'BouncyCastle.Cryptography' && '$bin' -version | grep -q ConsoleAppFramework"
expect_exit "help" 0 out -help
expect_exit "help-double-dash" 0 out --help

# Usage errors: 2 on stderr, or UNKNOWN (3) on stdout with -nagios; never 1 (WARNING to Nagios).
expect_exit "usage-unknown-flag" 2 err -no-such-flag x
expect_exit "usage-unknown-flag-nagios" 3 out -nagios -no-such-flag x
expect_exit "usage-conflict-mx-srv" 2 err -mx -srv foo example.org
expect_exit "usage-conflict-mx-srv-nagios" 3 out -nagios -mx -srv foo example.org
expect_exit "usage-conflict-4-6" 2 err -4 -6 example.org
expect_exit "usage-conflict-4-6-nagios" 3 out -nagios -4 -6 example.org
expect_exit "usage-bad-port" 2 err -port 70000 example.org
expect_exit "usage-bad-port-nagios" 3 out -nagios=true -port=70000 example.org
expect_exit "usage-bad-duration" 2 err -connect-timeout 5 example.org
expect_exit "usage-bad-duration-nagios" 3 out -nagios -connect-timeout 5 example.org
expect_exit "usage-missing-value" 2 err example.org -helo
expect_exit "usage-missing-value-nagios" 3 out -nagios example.org -helo
expect_exit "usage-no-target" 2 err -mx
expect_exit "usage-no-target-nagios" 3 out -nagios -mx
expect_exit "usage-missing-trust-anchor" 2 err -trust-anchor /nonexistent/root.key example.org
# Exception texts must be real sentences in the static binary (no stripped resource keys such as IO_FileNotFound).
check "messages-are-not-resource-keys" bash -c "'$bin' -trust-anchor /nonexistent/root.key example.org 2>&1 | grep -q 'Could not find'"
check "nagios-usage-line-shape" bash -c "'$bin' -nagios -bogus | grep -qE '^SMTPDANE UNKNOWN - '"

# No environment, no working directory contents.
mkdir -p "$tmp/empty"
check "env-i-version" bash -c "cd '$tmp/empty' && env -i '$bin' -version | grep -q smtpdane"
check "env-i-usage-exit-2" bash -c "cd '$tmp/empty' && env -i '$bin' -bogus 2>/dev/null; test \$? = 2"

# FROM scratch: the binary alone in an empty root (no /etc, /proc, /dev, libraries).
mkdir -p "$tmp/root"
cp "$bin" "$tmp/root/smtpdane"
check "empty-root-version" bash -c "chroot '$tmp/root' /smtpdane -version | grep -q 'BouncyCastle'"
check "empty-root-help" bash -c "chroot '$tmp/root' /smtpdane -help | grep -q -- '-expect-ocsp'"
check "empty-root-usage-error" bash -c "chroot '$tmp/root' /smtpdane -nagios -4 -6 x; test \$? = 3"

# The Dockerfile's final stage is exactly what the empty-root checks above ran: FROM scratch + the binary.
dockerfile="$(dirname "$(readlink -f "$0")")/../../Dockerfile"
final=$(awk '/^FROM /{stage=""} {stage=stage $0 "\n"} END {printf "%s", stage}' "$dockerfile")
check "dockerfile-final-stage-is-scratch" bash -c "printf '%s' \"\$0\" | head -1 | grep -qx 'FROM scratch'" "$final"
check "dockerfile-final-stage-copies-only-the-binary" bash -c "test \"\$(printf '%s' \"\$0\" | grep -c '^COPY')\" = 1 && printf '%s' \"\$0\" | grep -q '^COPY --from=build /src/artifacts/smtpdane /smtpdane$' && printf '%s' \"\$0\" | grep -q '^ENTRYPOINT \[\"/smtpdane\"\]'" "$final"
