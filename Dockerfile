# syntax=docker/dockerfile:1
# Build: the .NET 10 SDK on Debian 12 (bookworm), the same toolchain build/publish.sh is tested with.
FROM mcr.microsoft.com/dotnet/sdk:10.0-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends clang cmake make libssl-dev zlib1g-dev binutils git \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN build/publish.sh

# Run: nothing but the static binary. It needs no libraries, no /etc/services, no NSS and no CA store;
# the container runtime provides /etc/resolv.conf (or pass -resolver / DNS_RESOLVER).
# tests/smoke/binary-smoke.sh proves the equivalent by running the binary chrooted in an empty directory.
FROM scratch
COPY --from=build /src/artifacts/smtpdane /smtpdane
ENTRYPOINT ["/smtpdane"]
