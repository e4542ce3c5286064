#!/usr/bin/python3
"""Compiles an OCI/Docker seccomp profile (sandbox/seccomp.json) into a classic-BPF program for
`bwrap --seccomp FD` (or any loader taking raw BPF), with Debian's libseccomp binding (apt python3-seccomp).

    seccomp-bpf.py PROFILE.json OUT.bpf [--drop SYSCALL]...

--drop removes every rule for a syscall (tests use it to prove a filter without `connect` breaks the probe).
Supports what sandbox/seccomp.json uses: defaultAction SCMP_ACT_ERRNO/ALLOW (+ defaultErrnoRet), actions
SCMP_ACT_ALLOW / SCMP_ACT_ERRNO (+ errnoRet), args with SCMP_CMP_EQ / NE / MASKED_EQ. Architectures other
than SCMP_ARCH_X86_64 are rejected (the binary is x86_64 only).
"""
import json
import sys

import seccomp

OPS = {"SCMP_CMP_EQ": seccomp.EQ, "SCMP_CMP_NE": seccomp.NE, "SCMP_CMP_MASKED_EQ": seccomp.MASKED_EQ}


def action(kind, errno):
    if kind == "SCMP_ACT_ALLOW":
        return seccomp.ALLOW
    if kind == "SCMP_ACT_ERRNO":
        return seccomp.ERRNO(errno)
    sys.exit(f"seccomp-bpf: unsupported action {kind}")


def main():
    argv = sys.argv[1:]
    drop = set()
    while "--drop" in argv:
        i = argv.index("--drop")
        drop.add(argv[i + 1])
        del argv[i:i + 2]
    src, out = argv
    profile = json.load(open(src))
    if profile.get("architectures", ["SCMP_ARCH_X86_64"]) != ["SCMP_ARCH_X86_64"]:
        sys.exit("seccomp-bpf: only SCMP_ARCH_X86_64 is supported")
    default = (profile["defaultAction"], profile.get("defaultErrnoRet", 1))
    f = seccomp.SyscallFilter(defaction=action(*default))
    for entry in profile["syscalls"]:
        if (entry["action"], entry.get("errnoRet", 1) if entry["action"] == "SCMP_ACT_ERRNO" else default[1]) == default:
            continue  # same as the default action: libseccomp refuses such rules, and they change nothing
        act = action(entry["action"], entry.get("errnoRet", 1))
        args = []
        for a in entry.get("args") or []:
            op = OPS[a["op"]]
            if op == seccomp.MASKED_EQ:
                args.append(seccomp.Arg(a["index"], op, a["value"], a.get("valueTwo", 0)))
            else:
                args.append(seccomp.Arg(a["index"], op, a["value"]))
        for name in entry["names"]:
            if name in drop:
                continue
            f.add_rule(act, name, *args)
    with open(out, "wb") as fh:
        f.export_bpf(fh)


if __name__ == "__main__":
    main()
