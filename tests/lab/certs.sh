#!/usr/bin/env bash
# Make the lab's X.509 material in $LAB_DIR/certs with openssl only (no faketime):
#   CA (root) -> intermediate -> leaves (RSA and ECDSA), a self-signed leaf, an expired leaf,
#   a wrong-name leaf, a leaf expiring in ~3 days; and the TLSA RDATA for each (hex files in tlsa/).
# Validity periods that lie in the past are set with `openssl ca -startdate/-enddate`
# (OpenSSL 3.0 has no `req -not_before`).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

D=$LAB_DIR/certs
rm -rf "$D"
mkdir -p "$D/ca" "$D/tlsa"
cd "$D"

# openssl date in the ASN.1 UTCTime form `openssl ca` wants, relative to now.
ut() { date -u -d "$1" +%y%m%d%H%M%SZ; }

cat > ca/openssl.cnf <<CNF
[ca]
default_ca = lab
[lab]
dir = $D/ca
database = \$dir/index.txt
new_certs_dir = \$dir/new
serial = \$dir/serial
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = none
email_in_dn = no
[anything]
commonName = supplied
organizationName = optional
[req]
distinguished_name = dn
prompt = no
[dn]
CN = placeholder
[v3_ca]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[v3_int]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[v3_leaf]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = \${ENV::LAB_SAN}
[v3_self]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
subjectAltName = \${ENV::LAB_SAN}
CNF
mkdir -p ca/new
: > ca/index.txt
echo 1000 > ca/serial
export OPENSSL_CONF=$D/ca/openssl.cnf
export LAB_SAN=DNS:placeholder.invalid

newkey() { # newkey rsa|ec FILE
    case $1 in
        rsa) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$2" 2>/dev/null ;;
        ec) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$2" ;;
    esac
}
# sign NAME ISSUER EXT START END CN  (CSR NAME.csr must exist)
sign() {
    openssl ca -batch -notext -config ca/openssl.cnf -cert "$2.crt" -keyfile "$2.key" \
        -extensions "$3" -startdate "$4" -enddate "$5" -subj "/CN=$6" \
        -in "$1.csr" -out "$1.crt" 2>ca/last.log || { cat ca/last.log >&2; exit 1; }
}
csr() { openssl req -new -key "$1.key" -subj "/CN=$2" -out "$1.csr"; }

# Root CA (self-signed via `openssl ca -selfsign` so dates are explicit)
newkey ec ca-root.key
csr ca-root "Smtpdane Lab Root CA"
openssl ca -batch -notext -selfsign -config ca/openssl.cnf -keyfile ca-root.key -extensions v3_ca \
    -startdate "$(ut '-1 day')" -enddate "$(ut '+10 years')" -subj "/CN=Smtpdane Lab Root CA" \
    -in ca-root.csr -out ca-root.crt 2>ca/last.log || { cat ca/last.log >&2; exit 1; }
# Intermediate
newkey rsa ca-int.key
csr ca-int "Smtpdane Lab Intermediate CA"
sign ca-int ca-root v3_int "$(ut '-1 day')" "$(ut '+5 years')" "Smtpdane Lab Intermediate CA"

# leaf NAME KEYTYPE CN SANS START END [ISSUER]
leaf() {
    local name=$1 kt=$2 cn=$3 san=$4 start=$5 end=$6 issuer=${7:-ca-int}
    newkey "$kt" "$name.key"
    csr "$name" "$cn"
    LAB_SAN=$san sign "$name" "$issuer" v3_leaf "$start" "$end" "$cn"
}
now_m1=$(ut '-1 day'); y1=$(ut '+1 year')
RSA_SAN=DNS:mx.rsa.lab,DNS:mx2.rsa.lab,DNS:broken.rsa.lab,DNS:mx-sha512.rsa.lab,DNS:mx-notlsa.rsa.lab,DNS:mx.soon.lab,DNS:mx.bogus.lab,DNS:mx.tampered.lab,DNS:mx.insecure.lab,DNS:mx.unknownalg.lab
EC_SAN=DNS:mx.ec.lab,DNS:mx-dualstack.ec.lab,DNS:mx-notlsa.ec.lab,DNS:mx-pkix.ec.lab,DNS:mx-nostarttls.ec.lab,DNS:mx-down.ec.lab,DNS:mx-nochain.ec.lab,DNS:*.wild.ec.lab
leaf leaf-rsa rsa mx.rsa.lab "$RSA_SAN" "$now_m1" "$y1"
leaf leaf-ec ec mx.ec.lab "$EC_SAN" "$now_m1" "$y1"
leaf leaf-ed ec mx.ed.lab "DNS:mx.ed.lab" "$now_m1" "$y1"
leaf leaf-dual-rsa rsa mx-dualcert.rsa.lab "DNS:mx-dualcert.rsa.lab" "$now_m1" "$y1"
leaf leaf-dual-ec ec mx-dualcert.rsa.lab "DNS:mx-dualcert.rsa.lab" "$now_m1" "$y1"
leaf leaf-expired ec mx-expired.ed.lab "DNS:mx-expired.ed.lab,DNS:mx-expired-ee.ed.lab" "$(ut '-60 days')" "$(ut '-1 day')"
leaf leaf-wrongname ec wrong.name.invalid "DNS:wrong.name.invalid" "$now_m1" "$y1"
leaf leaf-expiring rsa mx-expiring.ed.lab "DNS:mx-expiring.ed.lab" "$now_m1" "$(ut '+3 days')"
# Self-signed leaf (not a CA)
newkey ec leaf-self.key
LAB_SAN=DNS:mx-self.ed.lab openssl req -new -x509 -key leaf-self.key -subj "/CN=mx-self.ed.lab" -days 365 \
    -extensions v3_self -config ca/openssl.cnf -out leaf-self.crt
rm -f ./*.csr

# Server chain files for Postfix smtpd_tls_chain_files: key, leaf, then issuers.
chain() { local out=$1; shift; cat "$@" > "$out"; chmod 600 "$out"; }
chain chain-rsa.pem leaf-rsa.key leaf-rsa.crt ca-int.crt
chain chain-ec.pem leaf-ec.key leaf-ec.crt ca-int.crt
chain chain-ec-leafonly.pem leaf-ec.key leaf-ec.crt
chain chain-ed.pem leaf-ed.key leaf-ed.crt ca-int.crt ca-root.crt
chain chain-dual-rsa.pem leaf-dual-rsa.key leaf-dual-rsa.crt ca-int.crt
chain chain-dual-ec.pem leaf-dual-ec.key leaf-dual-ec.crt ca-int.crt
chain chain-self.pem leaf-self.key leaf-self.crt
chain chain-expired.pem leaf-expired.key leaf-expired.crt ca-int.crt
chain chain-wrongname.pem leaf-wrongname.key leaf-wrongname.crt ca-int.crt
chain chain-expiring.pem leaf-expiring.key leaf-expiring.crt ca-int.crt
cat ca-root.crt > ca-bundle.pem   # PKIX trust for tools that want it (not used by DANE checks)

# TLSA RDATA (hex, lower case) per certificate: <name>.<usage-agnostic selector><mtype>
#   .s0m1 = full cert SHA-256, .s1m1 = SPKI SHA-256, .s1m2 = SPKI SHA-512
for c in ca-root ca-int leaf-rsa leaf-ec leaf-ed leaf-dual-rsa leaf-dual-ec leaf-self leaf-expired \
         leaf-wrongname leaf-expiring; do
    openssl x509 -in "$c.crt" -outform DER -out "tlsa/$c.der"
    openssl x509 -in "$c.crt" -noout -pubkey | openssl pkey -pubin -outform DER -out "tlsa/$c.spki"
    openssl dgst -sha256 -binary "tlsa/$c.der" | od -An -v -tx1 | tr -d ' \n' > "tlsa/$c.s0m1"
    openssl dgst -sha256 -binary "tlsa/$c.spki" | od -An -v -tx1 | tr -d ' \n' > "tlsa/$c.s1m1"
    openssl dgst -sha512 -binary "tlsa/$c.spki" | od -An -v -tx1 | tr -d ' \n' > "tlsa/$c.s1m2"
done
lab_log "certificates in $D"
