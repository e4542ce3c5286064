#!/usr/bin/env bash
# Check that the running lab publishes what scenarios.tsv promises, independently of the probe:
# DNSSEC status per name as seen by the validating resolver, algorithms, denial types, signature and
# certificate dates; then (unless --no-posttls-finger) the posttls-finger differential.
# Usage: tests/lab/selftest.sh [--no-posttls-finger]   (needs a lab started by up.sh)
set -uo pipefail
. "$(dirname "$0")/lib.sh"
fails=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fails=$((fails + 1)); }

q() { dig +dnssec +time=3 +tries=1 -p "$LAB_RESOLVER_PORT" @"$LAB_RESOLVER_ADDR" "$@"; }
# expect NAME TYPE STATUS AD(ad|noad)
expect() {
    local name=$1 type=$2 status=$3 ad=$4 out
    out=$(q "$name" "$type")
    local got_ad=noad
    grep -Eq '^;; flags:[^;]* ad[ ;]' <<< "$out" && got_ad=ad
    if grep -q "status: $status" <<< "$out" && [[ $got_ad == "$ad" ]]; then ok "$name $type $status $ad"
    else bad "$name $type: want $status $ad, got $(sed -n 's/.*status: \([A-Z]*\).*/\1/p' <<< "$out") $got_ad"; fi
}
expect rsa.lab MX NOERROR ad
expect _25._tcp.mx.rsa.lab TLSA NOERROR ad
expect _25._tcp.mx2.rsa.lab TLSA NOERROR ad
expect ec.lab MX NOERROR ad
expect _25._tcp.mx.ec.lab TLSA NOERROR ad
expect _submission._tcp.ec.lab SRV NOERROR ad
expect _submission._tcp.rsa.lab SRV NOERROR ad
expect mx-dualstack.ec.lab AAAA NOERROR ad
expect ed.lab MX NOERROR ad
expect _25._tcp.mx.ed.lab TLSA NOERROR ad
expect _25._tcp.mx-notlsa.ec.lab TLSA NXDOMAIN ad
expect _25._tcp.mx-notlsa.rsa.lab TLSA NXDOMAIN ad
expect mx-noaddr.ec.lab A NOERROR ad
expect nullmx.ec.lab MX NOERROR ad
expect nomx.ec.lab MX NOERROR ad
expect alias.rsa.lab A NOERROR ad
expect alias-insecure.rsa.lab A NOERROR noad
expect insecure.lab MX NOERROR noad
expect mx.insecure.lab A NOERROR noad
expect bogus.lab MX SERVFAIL noad
expect mx.tampered.lab A NOERROR ad
expect _25._tcp.mx.tampered.lab TLSA SERVFAIL noad
expect soon.lab MX NOERROR ad
expect _25._tcp.mx.wild.ec.lab TLSA NOERROR ad
expect host.wild.rsa.lab A NOERROR ad
expect mx.unknownalg.lab A NOERROR noad

# algorithms and denial types straight from the authoritative server
alg() { dig +norec +time=2 +tries=1 @"$LAB_NSD_ADDR" "$1" DNSKEY +short | awk '{print $3}' | sort -u | tr '\n' ' '; }
for za in ".:8" "lab:13" "rsa.lab:8" "ec.lab:13" "ed.lab:15" "tampered.lab:8" "soon.lab:13" "bogus.lab:13"; do
    z=${za%%:*} a=${za##*:}
    [[ $(alg "$z") == "$a " ]] && ok "$z DNSKEY algorithm $a" || bad "$z DNSKEY algorithm: want $a, got $(alg "$z")"
done
for zd in "ec.lab:NSEC3" "soon.lab:NSEC3" "rsa.lab:NSEC" "ed.lab:NSEC"; do
    z=${zd%%:*} d=${zd##*:}
    if dig +norec +dnssec +time=2 +tries=1 @"$LAB_NSD_ADDR" "nonexistent.$z" A | grep -qE "[[:space:]]IN[[:space:]]+$d[[:space:]]"; then ok "$z denial $d"
    else bad "$z denial is not $d"; fi
done
dig +norec +time=2 +tries=1 @"$LAB_NSD_ADDR" ed.lab DS +short | grep -q '^[0-9]* 15 4 ' && ok "ed.lab DS digest SHA-384" \
    || bad "ed.lab DS is not SHA-384"
dig +norec +time=2 +tries=1 @"$LAB_NSD_ADDR" unknownalg.lab DS +short | grep -q '^[0-9]* 253 2 ' && ok "unknownalg.lab DS algorithm 253" \
    || bad "unknownalg.lab DS algorithm is not 253"
[[ -z $(alg insecure.lab) ]] && ok "insecure.lab unsigned" || bad "insecure.lab has DNSKEY"

# signature dates (RRSIG expiration field, YYYYMMDDHHMMSS)
sigexp() { dig +norec +dnssec +time=2 +tries=1 @"$LAB_NSD_ADDR" "$1" "$2" | awk -v t="$2" '$4=="RRSIG" && $5==t {print $9; exit}'; }
to_epoch() { date -u -d "$(sed -E 's/(....)(..)(..)(..)(..)(..)/\1-\2-\3 \4:\5:\6/' <<< "$1")" +%s; }
now=$(date +%s)
e=$(sigexp _25._tcp.mx.soon.lab TLSA); d=$(( ($(to_epoch "$e") - now) / 3600 ))
(( d > 24 && d <= 48 )) && ok "soon.lab TLSA RRSIG expires in ${d}h" || bad "soon.lab TLSA RRSIG expires in ${d}h (want 24..48)"
e=$(sigexp bogus.lab MX); (( $(to_epoch "$e") < now )) && ok "bogus.lab RRSIG expired ($e)" || bad "bogus.lab RRSIG not expired ($e)"

# certificate dates
C=$LAB_DIR/certs
openssl x509 -in "$C/leaf-expired.crt" -noout -checkend 0 >/dev/null && bad "leaf-expired is not expired" || ok "leaf-expired expired"
if openssl x509 -in "$C/leaf-expiring.crt" -noout -checkend $((4 * 86400)) >/dev/null; then bad "leaf-expiring outlives 4 days"
elif ! openssl x509 -in "$C/leaf-expiring.crt" -noout -checkend $((2 * 86400)) >/dev/null; then bad "leaf-expiring expires within 2 days"
else ok "leaf-expiring expires in 2..4 days"; fi
openssl verify -CAfile "$C/ca-root.crt" -untrusted "$C/ca-int.crt" "$C/leaf-rsa.crt" "$C/leaf-ec.crt" >/dev/null \
    && ok "leaf chains verify" || bad "leaf chains do not verify"

if [[ ${1:-} != --no-posttls-finger ]]; then
    if "$LAB_SRC/posttls-finger.sh" > "$LAB_DIR/posttls-finger.summary"; then ok "posttls-finger differential (see $LAB_DIR/posttls-finger.summary)"
    else bad "posttls-finger differential:"; grep DIFFER "$LAB_DIR/posttls-finger.summary"; fi
fi
echo "selftest: $fails failure(s)"
[[ $fails -eq 0 ]]
