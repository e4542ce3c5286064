#!/usr/bin/env bash
# Publishes smtpdane as ONE fully static Native AOT executable: artifacts/smtpdane.
#
# Why each switch (measured on this toolchain, see ../shared/design/measured-facts.md):
#  - StaticExecutable + PositionIndependentExecutable=false: a plain static glibc link; static-PIE trips a
#    GNU ld 2.40 assertion.
#  - StaticOpenSslLinking: .NET's crypto (our RSA/ECDSA DNSSEC checks, and Bouncy Castle's SecureRandom via
#    RandomNumberGenerator) otherwise dlopen()s libssl at run time, invisible to ldd, fatal in a static binary.
#  - A separate intermediate/output path: toggling static flags in a shared obj/ silently re-uses the old link.
#  - DebugType=none, StripSymbols=false: no .dbg/.pdb sidecar files, so the artifact really is one file.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/artifacts"

# Prerequisites of the static link. Installed automatically when we are root (CI, containers).
missing=()
command -v cmake >/dev/null || missing+=(cmake)
command -v make >/dev/null || missing+=(make)
command -v clang >/dev/null || missing+=(clang)
dpkg -s libssl-dev >/dev/null 2>&1 || missing+=(libssl-dev)
dpkg -s zlib1g-dev >/dev/null 2>&1 || missing+=(zlib1g-dev)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "publish: installing ${missing[*]}" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  else
    echo "publish: missing build prerequisites: ${missing[*]} (apt-get install them, or run as root)" >&2
    exit 1
  fi
fi

commit=$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
rm -rf "$out"
dotnet publish "$root/src/SmtpDane/SmtpDane.csproj" -c Release -r linux-x64 --nologo \
  -p:PublishAot=true -p:StaticExecutable=true -p:PositionIndependentExecutable=false \
  -p:StaticOpenSslLinking=true -p:InvariantGlobalization=true \
  -p:DebugType=none -p:DebugSymbols=false -p:StripSymbols=false -p:PublishDocumentationFile=false \
  -p:SourceRevisionId="$commit" \
  -p:IntermediateOutputPath=obj/static-aot/ -p:OutputPath=bin/static-aot/ \
  -o "$out" "$@" 2>&1 | tee "$root/artifacts.publish.log" >&2
status=${PIPESTATUS[0]}
[ "$status" = 0 ] || { echo "publish: dotnet publish failed ($status)" >&2; exit 1; }
# Trimming/AOT analysis warnings are errors (ILC runs with --warnaserror); this is the belt to those braces.
if grep -E 'warning IL[0-9]{4}' "$root/artifacts.publish.log" >&2; then
  echo "publish: trimming/AOT warnings found (see above)" >&2; exit 1
fi

# The SDK's own strip step (llvm-objcopy) rejects a static glibc link ("Link field value 32 in section
# .rela.plt is not a symbol table"), so strip debug info with binutils instead.
strip --strip-debug "$out/smtpdane"

# Exactly one file must come out.
files=$(find "$out" -type f | wc -l)
if [ "$files" != 1 ] || [ ! -x "$out/smtpdane" ]; then
  echo "publish: expected exactly artifacts/smtpdane, found:" >&2; find "$out" -type f >&2; exit 1
fi
if ldd "$out/smtpdane" >/dev/null 2>&1; then
  echo "publish: artifacts/smtpdane is dynamically linked" >&2; exit 1
fi
echo "$out/smtpdane"
