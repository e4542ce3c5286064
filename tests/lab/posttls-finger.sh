#!/usr/bin/env bash
# Differential reference: run Postfix's posttls-finger against the lab for the named scenarios
# (default: all in scenarios.tsv), map its output to the common verdict and compare with pf_verdict.
#
#   tests/lab/posttls-finger.sh [SCENARIO...]
#
# posttls-finger uses the C library resolver (no port in resolv.conf), so it runs in a private mount
# namespace (`unshare -m`) where the lab's resolv.conf ($LAB_RESOLVER53_ADDR, port 53, `options trust-ad`)
# is bind-mounted over /etc/resolv.conf. The machine's /etc/resolv.conf is never modified.
# Output: one line per scenario: NAME <tab> pf=VERDICT <tab> expected=VERDICT <tab> agree|DIFFER|skip
#         <tab> same-reason|other-reason(posttls-finger's reason as a probe token; informational)
# Exit 0 when every compared scenario agrees, 1 otherwise. Logs: $LAB_DIR/posttls-finger/NAME.log
set -uo pipefail
. "$(dirname "$0")/lib.sh"
PF_TIMEOUT=${PF_TIMEOUT:-5}

if [[ ${LAB_PF_INSIDE:-} != 1 ]]; then
    [[ $(id -u) -eq 0 ]] || lab_die "needs root (unshare -m, bind mount)"
    [[ -f $LAB_DIR/resolv.conf && -f $LAB_DIR/pf/main.cf ]] || lab_die "lab not set up: run tests/lab/up.sh"
    dig +time=2 +tries=1 @"$LAB_RESOLVER53_ADDR" rsa.lab MX | grep -q 'status: NOERROR' \
        || lab_die "lab resolver $LAB_RESOLVER53_ADDR:53 does not answer: run tests/lab/up.sh"
    exec unshare -m --propagation private env LAB_PF_INSIDE=1 LAB_DIR="$LAB_DIR" bash "$0" "$@"
fi

# ---- inside the private mount namespace ----
mount --bind "$LAB_DIR/resolv.conf" /etc/resolv.conf || lab_die "bind mount of resolv.conf failed"
# Never let posttls-finger reach a non-lab resolver: check what it will read.
grep -qx "nameserver $LAB_RESOLVER53_ADDR" /etc/resolv.conf || lab_die "resolv.conf is not the lab's; refusing"
[[ $(grep -c '^nameserver' /etc/resolv.conf) -eq 1 ]] || lab_die "unexpected nameservers in resolv.conf"

OUT=$LAB_DIR/posttls-finger
mkdir -p "$OUT"

# classify LOG -> "VERDICT REASON": the common verdict (see README.md "posttls-finger mapping") and the
# closest probe status token, so a failure for the wrong reason is visible.
classify() {
    local log=$1
    if grep -q 'Verified TLS connection established' "$log"; then echo "pass pass"; return; fi
    # insecure MX with secure TLSA: Postfix applies DANE (smtp_tls_dane_insecure_mx_policy=dane) but logs
    # the result as "Trusted", not "Verified"
    if grep -q 'Trusted TLS connection established' "$log"; then
        if grep -q 'MX RRset insecure' "$log"; then echo "insecure mx-insecure"; else echo "pass pass"; fi
        return
    fi
    if grep -q 'does not accept mail (nullMX)' "$log"; then echo "none null-mx"; return; fi
    if grep -q 'Untrusted TLS connection established' "$log"; then
        if grep -q 'no usable TLSA records found' "$log"; then echo "unusable tlsa-unusable"; return; fi
        if grep -q 'no TLSA records found' "$log"; then
            # TLSA queried and securely absent vs. not queried at all (host address insecure)
            if grep -qE 'dns_query: _[0-9]+\._tcp\.[^ ]+ \(TLSA\)' "$log"; then echo "no-tlsa tlsa-absent"
            else echo "insecure dnssec-insecure"; fi
            return
        fi
        # TLSA present and usable, verification failed
        if grep -q 'no matching DANE TLSA records' "$log"; then echo "fail tlsa-mismatch"
        elif grep -q 'hostname mismatch' "$log"; then echo "fail name-mismatch"
        elif grep -q 'certificate has expired' "$log"; then echo "fail cert-expired"
        else echo "fail tls-failed"; fi
        return
    fi
    if grep -q 'TLSA lookup error' "$log"; then echo "fail dnssec-bogus"; return; fi
    if grep -q 'Destination address lookup failed' "$log"; then
        # the destination itself has no MX and no address (secure NXDOMAIN/NODATA): nothing to deliver to;
        # an MX host without addresses, or a lookup failure ("try again"), is a failure
        if grep -q 'no MX host for .* has a valid address record' "$log"; then echo "fail no-addresses"
        elif grep -q 'try again' "$log"; then echo "fail dnssec-bogus"
        else echo "none no-mx"; fi
        return
    fi
    if grep -q 'Connection refused\|Connection timed out' "$log"; then echo "fail connect-failed"; return; fi
    if grep -q 'timeout while reading server greeting' "$log"; then echo "fail timeout"; return; fi
    if grep -q 'SSL_connect error' "$log"; then echo "fail tls-failed"; return; fi
    # EHLO answered without STARTTLS while the level is dane: posttls-finger just quits
    if grep -q '< 250 ' "$log" && ! grep -q '< 250.STARTTLS' "$log"; then echo "fail starttls-not-offered"; return; fi
    echo "fail unknown"
}

want=("$@")
rc=0
while IFS=$'\t' read -r name desc probe endpoints verdict pfargs pfverdict; do
    [[ -z $name || $name == \#* ]] && continue
    if [[ ${#want[@]} -gt 0 ]]; then
        hit=0; for w in "${want[@]}"; do [[ $w == "$name" ]] && hit=1; done
        [[ $hit == 1 ]] || continue
    fi
    if [[ $pfargs == - || $pfverdict == - ]]; then
        printf '%s\tpf=-\texpected=-\tskip\n' "$name"
        continue
    fi
    [[ $pfverdict == = ]] && pfverdict=$verdict
    set -f; read -r -a args <<< "$pfargs"; set +f
    MAIL_CONFIG=$LAB_DIR/pf timeout "$((PF_TIMEOUT + 5))" \
        posttls-finger -t "$PF_TIMEOUT" -T "$PF_TIMEOUT" -v -l dane "${args[@]}" > "$OUT/$name.log" 2>&1
    echo "exit=$?" >> "$OUT/$name.log"
    read -r got reason <<< "$(classify "$OUT/$name.log")"
    # informational: is posttls-finger's reason among the scenario's expected tokens?
    tok=other-reason
    [[ ";$endpoints+" =~ [=+]$reason[+\;] ]] && tok=same-reason
    if [[ $got == "$pfverdict" ]]; then
        note=agree
        [[ $pfverdict != "$verdict" ]] && note="agree (intended difference: probe $verdict)"
    else
        note=DIFFER; rc=1
    fi
    printf '%s\tpf=%s\texpected=%s\t%s\t%s(%s)\n' "$name" "$got" "$pfverdict" "$note" "$tok" "$reason"
done < "$LAB_SRC/scenarios.tsv"
exit $rc
