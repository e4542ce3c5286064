#!/usr/bin/env bash
# Install the packages the DANE test lab needs (Debian 12), only those missing.
# Never leaves the distribution's own nsd/unbound/postfix services running: the lab starts its own
# instances, on loopback only, from configuration in $LAB_DIR (see up.sh).
set -euo pipefail

if [[ $(id -u) -ne 0 ]]; then
    echo "install-deps.sh: must run as root" >&2
    exit 1
fi

# package -> a file it provides (cheap "is it installed" test without asking dpkg per file)
declare -A want=(
    [nsd]=/usr/sbin/nsd
    [unbound]=/usr/sbin/unbound
    [ldnsutils]=/usr/bin/ldns-signzone
    [postfix]=/usr/sbin/postfix
    [openssl]=/usr/bin/openssl
    [dnsutils]=/usr/bin/dig
    [iproute2]=/usr/sbin/ip
    [util-linux]=/usr/bin/unshare
)
missing=()
for p in "${!want[@]}"; do
    [[ -x ${want[$p]} ]] || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
    echo "install-deps.sh: all lab packages present"
else
    echo "install-deps.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Postfix must not configure itself as a system MTA: "No configuration" leaves no main.cf.
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    echo "postfix postfix/mailname string lab.invalid" | debconf-set-selections
    # Keep package maintainer scripts from starting daemons (unbound would grab 127.0.0.1:53 and could
    # rewrite resolv.conf via resolvconf hooks; postfix would listen on *:25).
    made_policy=0
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        made_policy=1
    fi
    trap '[[ $made_policy -eq 1 ]] && rm -f /usr/sbin/policy-rc.d' EXIT
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Whatever happened at install time (or before this script), make sure the distribution's services are
# stopped and disabled: only the lab's own instances may run.
for svc in postfix nsd unbound unbound-resolvconf; do
    if [[ -d /run/systemd/system ]]; then
        systemctl disable --now "$svc" >/dev/null 2>&1 || true
    else
        if [[ -x /etc/init.d/$svc ]]; then
            # only the package's own instance (its default pid file), never the lab's
            case $svc in
                postfix) if [[ -f /var/spool/postfix/pid/master.pid ]]; then /etc/init.d/postfix stop >/dev/null 2>&1 || true; fi ;;
                nsd) if [[ -f /run/nsd/nsd.pid ]]; then /etc/init.d/nsd stop >/dev/null 2>&1 || true; fi ;;
                unbound) if [[ -f /run/unbound.pid ]]; then /etc/init.d/unbound stop >/dev/null 2>&1 || true; fi ;;
            esac
            update-rc.d "$svc" disable >/dev/null 2>&1 || true
        fi
    fi
done
# Report (not kill) anything still listening on port 25 of a wildcard address: that is not the lab's.
if ss -ltnH 2>/dev/null | awk '{print $4}' | grep -Eq '^(0\.0\.0\.0|\*|\[::\]):25$'; then
    echo "install-deps.sh: WARNING: something listens on *:25; the lab needs 127.0.0.x:25" >&2
fi
echo "install-deps.sh: done"
