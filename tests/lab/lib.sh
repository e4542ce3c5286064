# Shared settings for the lab scripts (sourced, not executed).
# Everything generated lives in $LAB_DIR; nothing is written into the repository.
LAB_DIR=${LAB_DIR:-/tmp/smtpdane-lab}
LAB_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Loopback addresses (127.0.0.0/8 is routed to lo on Linux; nothing leaves the machine).
LAB_NSD_ADDR=127.0.53.1          # authoritative: root, lab., every leaf zone (glue cannot carry ports: :53)
LAB_RESOLVER_ADDR=127.0.0.1      # Unbound, validating, for the probe
LAB_RESOLVER_PORT=5353
LAB_RESOLVER53_ADDR=127.0.53.53  # the same Unbound on port 53, for posttls-finger (glibc resolv.conf has no port)
LAB_TLD=lab

# Mail listeners (Postfix smtpd), see postfix/master.cf.in
LAB_MX_RSA=127.0.25.1        # RSA leaf + intermediate
LAB_MX_EC=127.0.25.2         # ECDSA leaf + intermediate; also :465 (TLS-on-connect) and :587
LAB_MX_ED=127.0.25.3         # ECDSA leaf + intermediate + root CA
LAB_MX_SELF=127.0.25.4       # self-signed leaf
LAB_MX_EXPIRED=127.0.25.5    # expired leaf
LAB_MX_WRONGNAME=127.0.25.6  # leaf for a name that is not the MX host
LAB_MX_EXPIRING=127.0.25.7   # leaf that expires in 3 days
LAB_MX_DUALCERT=127.0.25.8   # RSA and ECDSA leaves on one listener
LAB_MX_NOTLS=127.0.25.9      # STARTTLS not offered
LAB_MX_NOCHAIN=127.0.25.10   # ECDSA leaf only, intermediate not sent
LAB_MX_DOWN=127.0.25.99      # nothing listens here
LAB_MX_V6=::1                # the dual-stack host's AAAA, same identity as LAB_MX_EC

lab_log() { echo "[lab] $*" >&2; }
lab_die() { echo "[lab] ERROR: $*" >&2; exit 1; }

# render TEMPLATE > OUT: replaces {{VAR}} by the value of exported/shell variable VAR,
# {{tlsa:FILE}} by $LAB_DIR/certs/tlsa/FILE and {{ds:ZONE}} by $LAB_DIR/zones/ZONE.ds.
# An unknown placeholder is an error (a silently empty TLSA would make a misleading lab).
lab_render() {
    local tpl=$1
    perl -e '
        use strict; use warnings;
        my ($tpl, $dir) = @ARGV;
        sub slurp { my $f = shift; open(my $h, "<", $f) or die "lab_render: missing $f\n"; local $/; my $s = <$h>; $s =~ s/\s+\z//; return $s; }
        sub val {
            my $k = shift;
            return slurp("$dir/certs/tlsa/$1") if $k =~ /^tlsa:(.+)$/;
            return slurp("$dir/zones/$1.ds") if $k =~ /^ds:(.+)$/;
            die "lab_render: $tpl: unset {{$k}}\n" unless defined $ENV{$k};
            return $ENV{$k};
        }
        open(my $in, "<", $tpl) or die "lab_render: $tpl: $!\n";
        while (my $l = <$in>) { $l =~ s/\{\{([^}]+)\}\}/val($1)/ge; print $l; }
    ' "$tpl" "$LAB_DIR"
}
# Export every LAB_* variable so lab_render (perl) sees it.
lab_export() { local v; for v in $(compgen -v LAB_); do export "$v"; done; }
