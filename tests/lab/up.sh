#!/usr/bin/env bash
# Start the smtpdane DANE lab on loopback: fresh certificates and signed zones, NSD (authoritative),
# Unbound (validating resolver), Postfix (receive-only MTA). Idempotent: when the lab in $LAB_DIR is
# already up and healthy it only re-checks it; LAB_FRESH=1 forces a rebuild. Waits (bounded) until each
# service answers; on failure prints the log tail and exits non-zero.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
LAB_WAIT=${LAB_WAIT:-30}    # seconds per service
# A running lab older than this is rebuilt: its time-relative scenarios (RRSIGs expiring ~2 days and a
# certificate expiring ~3 days after start) would otherwise drift.
LAB_MAX_AGE=${LAB_MAX_AGE:-21600}

[[ $(id -u) -eq 0 ]] || lab_die "up.sh needs root (port 25/53 listeners, postfix)"
for b in nsd nsd-checkconf unbound unbound-checkconf ldns-keygen ldns-signzone ldns-key2ds postfix \
         posttls-finger openssl dig ip perl unshare; do
    if ! command -v "$b" >/dev/null 2>&1; then
        lab_log "missing $b: running install-deps.sh"
        "$LAB_SRC/install-deps.sh"
        break
    fi
done

# ---- health checks -------------------------------------------------------------------------------
# smtp_check ADDR PORT EXPECT_STARTTLS(yes|no): banner 220, EHLO 250, STARTTLS advertised as expected.
smtp_check() {
    local addr=$1 port=$2 want=$3
    timeout 5 bash -c '
        addr=$1 port=$2 want=$3
        exec 3<>"/dev/tcp/$addr/$port" || exit 1
        IFS= read -r -t 4 line <&3 || exit 2
        [[ $line == 220* ]] || exit 3
        printf "EHLO lab-check.invalid\r\n" >&3
        tls=no
        while IFS= read -r -t 4 line <&3; do
            [[ ${line^^} == 250?STARTTLS* ]] && tls=yes
            [[ $line == 250\ * ]] && break
            [[ $line == [45]* ]] && exit 4
        done
        printf "QUIT\r\n" >&3
        [[ $tls == "$want" ]] || exit 5
    ' _ "$addr" "$port" "$want"
}
# tls_check ADDR PORT: TLS-on-connect listener answers a handshake and then a 220 banner.
tls_check() {
    printf 'QUIT\r\n' | timeout 5 openssl s_client -quiet -connect "$1:$2" 2>/dev/null | head -1 | grep -q '^220'
}
nsd_check() { dig +norec +time=1 +tries=1 @"$LAB_NSD_ADDR" . SOA | grep -q 'status: NOERROR'; }
unbound_check() {
    local out
    out=$(dig +dnssec +time=2 +tries=1 -p "$LAB_RESOLVER_PORT" @"$LAB_RESOLVER_ADDR" rsa.lab MX) || return 1
    grep -q 'status: NOERROR' <<< "$out" && grep -Eq 'flags:[^;]* ad[ ;]' <<< "$out" || return 1
    # the same resolver on port 53 (for posttls-finger), and a bogus name must SERVFAIL (validation is on)
    dig +time=2 +tries=1 @"$LAB_RESOLVER53_ADDR" rsa.lab MX | grep -q 'status: NOERROR' || return 1
    dig +time=2 +tries=1 -p "$LAB_RESOLVER_PORT" @"$LAB_RESOLVER_ADDR" bogus.lab MX | grep -q 'status: SERVFAIL'
}
smtp_all() {
    local a
    for a in "$LAB_MX_RSA" "$LAB_MX_EC" "$LAB_MX_ED" "$LAB_MX_SELF" "$LAB_MX_EXPIRED" "$LAB_MX_WRONGNAME" \
             "$LAB_MX_EXPIRING" "$LAB_MX_DUALCERT" "$LAB_MX_NOCHAIN"; do
        smtp_check "$a" 25 yes || { echo "smtp $a:25" >&2; return 1; }
    done
    smtp_check "$LAB_MX_EC" 587 yes || { echo "smtp $LAB_MX_EC:587" >&2; return 1; }
    smtp_check "$LAB_MX_NOTLS" 25 no || { echo "smtp $LAB_MX_NOTLS:25 (no STARTTLS)" >&2; return 1; }
    if [[ -n ${LAB_HAVE_V6:-} ]]; then smtp_check "$LAB_MX_V6" 25 yes || { echo "smtp [::1]:25" >&2; return 1; }; fi
    tls_check "$LAB_MX_EC" 465 || { echo "tls-on-connect $LAB_MX_EC:465" >&2; return 1; }
}
# wait_for NAME LOGFILE CHECK...: retry CHECK until it passes or LAB_WAIT seconds elapse.
wait_for() {
    local name=$1 log=$2; shift 2
    local deadline=$((SECONDS + LAB_WAIT))
    until "$@" 2>/dev/null; do
        if (( SECONDS >= deadline )); then
            lab_log "$name did not come up within ${LAB_WAIT}s; last check:"
            "$@" || true
            lab_log "---- tail of $log ----"
            tail -n 30 "$log" >&2 2>/dev/null || true
            exit 1
        fi
        sleep 0.2
    done
    lab_log "$name up"
}
pid_alive() { [[ -f $1 ]] && [[ -d /proc/$(tr -dc '0-9' < "$1") ]]; }

ip -6 addr show dev lo 2>/dev/null | grep -q 'inet6 ::1/' && LAB_HAVE_V6=1 || LAB_HAVE_V6=

# ---- already up? -----------------------------------------------------------------------------------
lab_age_ok() {
    local started
    started=$(sed -n 's/^LAB_STARTED_EPOCH=//p' "$LAB_DIR/lab.env" 2>/dev/null)
    [[ -n $started ]] && (( $(date +%s) - started < LAB_MAX_AGE ))
}
if [[ -z ${LAB_FRESH:-} ]] && lab_age_ok && pid_alive "$LAB_DIR/nsd.pid" && pid_alive "$LAB_DIR/unbound.pid" \
   && pid_alive "$LAB_DIR/postfix-queue/pid/master.pid" && nsd_check && unbound_check && smtp_all; then
    lab_log "already up in $LAB_DIR (LAB_FRESH=1 to rebuild)"
    exit 0
fi

# ---- (re)build ---------------------------------------------------------------------------------------
"$LAB_SRC/down.sh"
mkdir -p "$LAB_DIR"
chmod 755 "$LAB_DIR"
# The lab's addresses must be free (another lab, or a distribution daemon).
for ap in "$LAB_NSD_ADDR:53" "$LAB_RESOLVER_ADDR:$LAB_RESOLVER_PORT" "$LAB_RESOLVER53_ADDR:53" "$LAB_MX_RSA:25" \
          "0.0.0.0:25" "[::]:25" "*:25" "0.0.0.0:53" "*:53"; do
    if ss -lntuH 2>/dev/null | awk '{print $5}' | grep -qx -- "$ap"; then
        lab_die "$ap is already in use by a process this lab did not start: $(ss -lntupH | grep -F -- "$ap" | head -2)"
    fi
done

t0=$SECONDS
"$LAB_SRC/certs.sh"
"$LAB_SRC/zones.sh"
lab_export
lab_render "$LAB_SRC/unbound.conf.in" > "$LAB_DIR/unbound.conf"
unbound-checkconf "$LAB_DIR/unbound.conf" >/dev/null || lab_die "unbound-checkconf failed"

# Postfix instance
mkdir -p "$LAB_DIR/postfix" "$LAB_DIR/postfix-queue" "$LAB_DIR/postfix-data"
chown postfix "$LAB_DIR/postfix-data"
lab_render "$LAB_SRC/postfix/main.cf.in" > "$LAB_DIR/postfix/main.cf"
if [[ -n $LAB_HAVE_V6 ]]; then
    lab_render "$LAB_SRC/postfix/master.cf.in" > "$LAB_DIR/postfix/master.cf"
else
    lab_log "no ::1 on lo: the dual-stack listener [::1]:25 is left out"
    lab_render "$LAB_SRC/postfix/master.cf.in" | grep -v '^\[' > "$LAB_DIR/postfix/master.cf"
fi
# posttls-finger's own configuration directory (MAIL_CONFIG), see posttls-finger.sh
mkdir -p "$LAB_DIR/pf"
lab_render "$LAB_SRC/postfix/pf-main.cf.in" > "$LAB_DIR/pf/main.cf"
: > "$LAB_DIR/pf/master.cf"
printf 'nameserver %s\noptions trust-ad edns0 attempts:1 timeout:3\n' "$LAB_RESOLVER53_ADDR" > "$LAB_DIR/resolv.conf"

: > "$LAB_DIR/nsd.log"; : > "$LAB_DIR/unbound.log"; : > "$LAB_DIR/postfix.log"
nsd -c "$LAB_DIR/nsd.conf" || { tail -n 20 "$LAB_DIR/nsd.log" >&2; lab_die "nsd failed to start"; }
wait_for nsd "$LAB_DIR/nsd.log" nsd_check
unbound -c "$LAB_DIR/unbound.conf" || { tail -n 20 "$LAB_DIR/unbound.log" >&2; lab_die "unbound failed to start"; }
wait_for unbound "$LAB_DIR/unbound.log" unbound_check
postfix -c "$LAB_DIR/postfix" check 2>>"$LAB_DIR/postfix.log" || { tail -n 20 "$LAB_DIR/postfix.log" >&2; lab_die "postfix check failed"; }
postfix -c "$LAB_DIR/postfix" start 2>>"$LAB_DIR/postfix.log" || { tail -n 20 "$LAB_DIR/postfix.log" >&2; lab_die "postfix failed to start"; }
wait_for postfix "$LAB_DIR/postfix.log" smtp_all

cat > "$LAB_DIR/lab.env" <<ENV
# written by tests/lab/up.sh; source it to find the lab
LAB_DIR=$LAB_DIR
LAB_RESOLVER=$LAB_RESOLVER_ADDR:$LAB_RESOLVER_PORT
LAB_RESOLVER53=$LAB_RESOLVER53_ADDR:53
LAB_TRUST_ANCHOR=$LAB_DIR/root.key
LAB_STARTED=$(date -u +%FT%TZ)
LAB_STARTED_EPOCH=$(date +%s)
ENV
lab_log "lab up in $((SECONDS - t0))s: resolver $LAB_RESOLVER_ADDR:$LAB_RESOLVER_PORT (and $LAB_RESOLVER53_ADDR:53), trust anchor $LAB_DIR/root.key"
