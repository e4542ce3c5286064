#!/usr/bin/env python3
"""Lists the paths a program touched in `strace -f` logs: for every path-taking system call (open, stat,
readlink, statfs, access families) the first quoted absolute path and its result (ok or the errno name),
joining calls that strace split into "<unfinished ...>" / "<... resumed>" halves.

    trace-files.py SUBSTITUTION... -- TRACE...      (SUBSTITUTION: PATH=TOKEN, e.g. /tmp/lab/root.key=@{anchor})

Prints "path<TAB>syscalls<TAB>results<TAB>number of traces" sorted by path. execve is left out (the program
itself). Container-specific cgroup directories are folded: /sys/fs/cgroup/memory/a/b/memory.stat ->
/sys/fs/cgroup/memory/**/memory.stat.
"""
import re
import sys

CALLS = r"(openat2?|open|readlinkat|readlink|lstat|stat|newfstatat|statfs|access|faccessat2?|statx)"
start = re.compile(r'^(\d+) +' + CALLS + r'\([^"]*"(/[^"]*)"(.*)$')
resumed = re.compile(r'^(\d+) +<\.\.\. ' + CALLS + r' resumed>(.*)$')
result = re.compile(r'= (-?\d+|0x[0-9a-f]+)(?: ([A-Z][A-Z0-9]+))?')

split = sys.argv.index("--")
subs = dict(a.split("=", 1) for a in sys.argv[1:split])
table = {}
for n, path in enumerate(sys.argv[split + 1:]):
    pending = {}
    for line in open(path, errors="replace"):
        m = start.match(line)
        if m:
            pid, call, p, rest = m.groups()
            if "<unfinished ...>" in rest:
                pending[pid] = (call, p)
                continue
        else:
            m = resumed.match(line)
            if not m or m.group(1) not in pending:
                continue
            pid, _, rest = m.groups()
            call, p = pending.pop(pid)
        r = result.search(rest)
        outcome = "ok" if r and not r.group(1).startswith("-") else (r.group(2) if r else "?")
        p = subs.get(p, p)
        p = re.sub(r"^(/sys/fs/cgroup/[^/]+/).+/([^/]+)$", r"\1**/\2", p)
        e = table.setdefault(p, [set(), set(), set()])
        e[0].add(call); e[1].add(outcome); e[2].add(n)
for p in sorted(table):
    calls, outcomes, traces = table[p]
    print(f"{p}\t{','.join(sorted(calls))}\t{','.join(sorted(outcomes))}\t{len(traces)}")
