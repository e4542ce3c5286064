#!/usr/bin/env bash
# Stop the lab: exactly the processes up.sh started, from the pid files in $LAB_DIR.
# Safe to call twice, and when the lab was never (fully) started. Leaves $LAB_DIR in place (logs);
# `down.sh --clean` also removes it.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

# is_ours PID NAME: the process exists, is NAME, and was started with a file from $LAB_DIR
# (guards against a recycled PID).
is_ours() {
    local pid=$1 name=$2
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    [[ -r /proc/$pid/comm ]] || return 1
    # NSD renames its processes ("nsd: xfrd", "nsd: main"): compare the command name's prefix
    [[ $(cat "/proc/$pid/comm") == "$name"* ]] || return 1
    tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$LAB_DIR" || return 1
}

# Phase 1 signals every lab process, phase 2 waits for all of them (stopping them one after the other
# costs seconds each).
pending=()
signal_pid() { # signal_pid PIDFILE NAME
    local pf=$1 name=$2 pid
    [[ -f $pf ]] || return 0
    pid=$(tr -dc '0-9' < "$pf")
    if is_ours "$pid" "$name"; then
        kill -TERM "$pid" 2>/dev/null
        pending+=("$pid:$name:$pf")
    elif [[ -d /proc/$pid ]]; then
        lab_log "WARNING: $pf names pid $pid, which is not this lab's $name; not touching it"
    else
        rm -f "$pf"
    fi
}

# Postfix: the master's pid file is in the lab's queue directory; TERM to the master ends its children
# (what `postfix stop` does, without the postfix-script overhead).
if [[ -f $LAB_DIR/postfix-queue/pid/master.pid ]]; then
    pid=$(tr -dc '0-9' < "$LAB_DIR/postfix-queue/pid/master.pid")
    if [[ -n $pid && -d /proc/$pid && $(cat /proc/$pid/comm 2>/dev/null) == master ]] \
       && tr '\0' '\n' < "/proc/$pid/environ" | grep -qxF -- "MAIL_CONFIG=$LAB_DIR/postfix"; then
        kill -TERM "$pid" 2>/dev/null
        pending+=("$pid:postfix master:")
    fi
fi
signal_pid "$LAB_DIR/unbound.pid" unbound
signal_pid "$LAB_DIR/nsd.pid" nsd

for _ in $(seq 100); do
    alive=0
    for p in "${pending[@]}"; do [[ -d /proc/${p%%:*} ]] && alive=1; done
    [[ $alive == 0 ]] && break
    sleep 0.1
done
for p in "${pending[@]}"; do
    pid=${p%%:*}; rest=${p#*:}; name=${rest%%:*}; pf=${rest#*:}
    if [[ -d /proc/$pid ]]; then
        lab_log "$name ($pid) did not stop on TERM within 10s; sending KILL"
        kill -KILL "$pid" 2>/dev/null
    fi
    lab_log "stopped $name ($pid)"
    [[ -n $pf ]] && rm -f "$pf"
done

if [[ ${1:-} == --clean ]]; then
    case $LAB_DIR in
        /|/tmp|/tmp/|"") lab_die "refusing to remove LAB_DIR=$LAB_DIR" ;;
    esac
    rm -rf "$LAB_DIR"
    lab_log "removed $LAB_DIR"
fi
exit 0
