#!/usr/bin/env bash
# Build and sign the lab's private DNS tree in $LAB_DIR/zones with fresh keys (ldns-keygen, ldns-signzone):
# leaf zones first (their DS go into lab.), then lab. (its DS goes into the root), then the root.
# Writes $LAB_DIR/root.key (root KSK as DS and DNSKEY, zone-file syntax) for -trust-anchor / Unbound.
# Needs $LAB_DIR/certs (certs.sh) for the TLSA digests.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

Z=$LAB_DIR/zones
rm -rf "$Z"; mkdir -p "$Z/keys"
[[ -d $LAB_DIR/certs/tlsa ]] || lab_die "run certs.sh first ($LAB_DIR/certs/tlsa missing)"

now=$(date -u +%s)
LAB_SERIAL=$now
SERIAL=$now; export SERIAL
lab_export

# zone | algorithm (0 = unsigned) | denial | inception | expiration | special
# Times are seconds since the epoch (ldns-signzone accepts that form, no time-zone ambiguity).
read -r -d '' ZONES <<TABLE || true
rsa.lab       RSASHA256        nsec  $((now-3600))    $((now+30*86400)) -
ec.lab        ECDSAP256SHA256  nsec3 $((now-3600))    $((now+30*86400)) -
ed.lab        ED25519          nsec  $((now-3600))    $((now+30*86400)) ds-sha384
unknownalg.lab ECDSAP256SHA256 nsec  $((now-3600))    $((now+30*86400)) ds-alg-unknown
insecure.lab  0                -     0                0                 -
bogus.lab     ECDSAP256SHA256  nsec  $((now-30*86400)) $((now-86400))   -
tampered.lab  RSASHA256        nsec  $((now-3600))    $((now+30*86400)) tamper-tlsa
soon.lab      ECDSAP256SHA256  nsec3 $((now-3600))    $((now+2*86400))  -
lab           ECDSAP256SHA256  nsec  $((now-3600))    $((now+30*86400)) -
.             RSASHA256        nsec  $((now-3600))    $((now+30*86400)) -
TABLE

keygen() { # keygen ALG ZONE [-k]  -> prints key base name (in $Z/keys)
    local alg=$1 zone=$2 ksk=${3:-} bits=()
    [[ $alg == RSASHA256 ]] && bits=(-b 2048)
    (cd "$Z/keys" && ldns-keygen -a "$alg" "${bits[@]}" $ksk "$zone")
}

sign_zone() { # zone alg denial incep exp special
    local zone=$1 alg=$2 denial=$3 incep=$4 exp=$5 special=$6
    local file=${zone%.}; [[ $zone == . ]] && file=root
    lab_render "$LAB_SRC/zones/$file.zone.in" > "$Z/$file.zone"
    if [[ $alg == 0 ]]; then
        cp "$Z/$file.zone" "$Z/$file.zone.signed"
        return
    fi
    local ksk zsk
    ksk=$(keygen "$alg" "$zone" -k)
    zsk=$(keygen "$alg" "$zone")
    local opts=(-i "$incep" -e "$exp" -o "$zone" -f "$Z/$file.zone.signed")
    [[ $denial == nsec3 ]] && opts+=(-n -a 1 -t 0)
    ldns-signzone "${opts[@]}" "$Z/$file.zone" "$Z/keys/$zsk" "$Z/keys/$ksk" \
        || lab_die "ldns-signzone failed for $zone"
    # DS of the KSK for the parent: SHA-256, or SHA-384 (digest type 4) where the table says so
    local dsopt=-2; [[ $special == ds-sha384 ]] && dsopt=-4
    (cd "$Z/keys" && ldns-key2ds -n $dsopt "$ksk.key") > "$Z/$file.ds"
    if [[ $special == ds-alg-unknown ]]; then
        # The parent's DS names algorithm 253 (PRIVATEDNS), which no validator implements: the zone is then
        # provably insecure, not bogus (RFC 4035 section 5.2, RFC 6840 section 5.2).
        perl -i -pe 's/^(\S+\s+\d+\s+IN\s+DS\s+\d+\s+)\d+(\s)/${1}253$2/ or die "ds-alg-unknown: no DS\n"' "$Z/$file.ds"
    fi
    cp "$Z/keys/$ksk.key" "$Z/$file.ksk"
    if [[ $special == tamper-tlsa ]]; then
        # Flip one base64 character in the middle of the TLSA RRSIG's signature field.
        perl -i -ne '
            if (!$done && /^_25\._tcp\.mx\.\S+\s+\d+\s+IN\s+RRSIG\s+TLSA\s/) {
                my @f = split /\s+/; my $sig = $f[-1]; my $i = int(length($sig) / 2);
                my $c = substr($sig, $i, 1); substr($sig, $i, 1) = ($c eq "A" ? "B" : "A");
                s/\Q$f[-1]\E\s*$/$sig\n/; $done = 1;
            }
            print;
            END { die "tamper: TLSA RRSIG not found\n" unless $done }
        ' "$Z/$file.zone.signed"
    fi
}

while read -r zone alg denial incep exp special; do
    [[ -n $zone ]] || continue
    sign_zone "$zone" "$alg" "$denial" "$incep" "$exp" "$special"
done <<< "$ZONES"

# Trust anchor for the probe (-trust-anchor) and Unbound (trust-anchor-file): DS and DNSKEY of the root KSK.
{
    echo "; smtpdane lab private root trust anchor (generated $(date -u +%FT%TZ)); zone-file syntax"
    cat "$Z/root.ds"
    # the .key file has no TTL and a trailing ";{id = ...}" comment: normalise to a plain RR line
    sed -E "s/[[:space:]]*;.*$//; s/^\.[[:space:]]+IN[[:space:]]/.\t3600\tIN\t/" "$Z/root.ksk"
} > "$LAB_DIR/root.key"

# Root hints for Unbound
cat > "$LAB_DIR/root.hints" <<HINTS
.            3600000  NS  ns1.lab.
ns1.lab.     3600000  A   $LAB_NSD_ADDR
HINTS

# NSD configuration: one instance, every zone, one loopback address.
{
    lab_render "$LAB_SRC/nsd.conf.in"
    while read -r zone _; do
        [[ -n $zone ]] || continue
        f=${zone%.}; [[ $zone == . ]] && f=root
        printf 'zone:\n    name: "%s"\n    zonefile: "%s/%s.zone.signed"\n' "$zone" "$Z" "$f"
    done <<< "$ZONES"
} > "$LAB_DIR/nsd.conf"
nsd-checkconf "$LAB_DIR/nsd.conf" || lab_die "nsd-checkconf failed"
lab_log "zones signed in $Z; trust anchor $LAB_DIR/root.key"
