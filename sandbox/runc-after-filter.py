#!/usr/bin/env python3
"""From an `strace -f` log of `runc run`, prints the lines of the container's init process (and its threads)
between the moment runc installs the seccomp filter and the execve of the container's program (argv[2],
default /smtpdane): the syscalls the container runtime itself makes under OUR filter, which the profile
must therefore allow for `docker run --security-opt seccomp=...` to start at all.

    runc-after-filter.py STRACE_LOG [PROGRAM]
"""
import re
import sys

lines = open(sys.argv[1]).read().splitlines()
program = sys.argv[2] if len(sys.argv) > 2 else "/smtpdane"
exec_re = re.compile(r'^(\d+) +execve\("%s"' % re.escape(program))
pid = next((m.group(1) for m in map(exec_re.match, lines) if m), None)
if pid is None:
    sys.exit(f"runc-after-filter: no execve of {program} in {sys.argv[1]}")
group = {pid}
for line in lines:  # threads created by the init process (Go runtime threads are filtered too: TSYNC)
    m = (re.match(r'^(\d+) +clone3?\(.*CLONE_THREAD.*= (\d+)$', line)
         or re.match(r'^(\d+) +<\.\.\. clone3? resumed>.*= (\d+)$', line))
    if m and m.group(1) in group:
        group.add(m.group(2))
start = end = None
load = re.compile(r'^(\d+) +(?:seccomp\(SECCOMP_SET_MODE_FILTER, [^,]+, \{len=|prctl\(PR_SET_SECCOMP, SECCOMP_MODE_FILTER)')
for i, line in enumerate(lines):
    m = load.match(line)
    if m and m.group(1) in group:
        start = i
    if exec_re.match(line) and end is None:
        end = i
if start is None:
    sys.exit("runc-after-filter: the filter load was not found")
for line in lines[start + 1:end]:
    m = re.match(r'^(\d+) ', line)
    if m and m.group(1) in group:
        print(line)
