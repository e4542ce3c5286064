#!/usr/bin/env python3
"""Checks that sandbox/apparmor/smtpdane allows every path the binary was observed to touch.

    apparmor_covers.py PROFILE OBSERVED_FILES [BINARY_PATH]

This kernel cannot load AppArmor profiles, so this is the closest check to enforcement we can make: the
paths come from strace (sandbox/observed-files.txt, written by sandbox/derive-seccomp.sh), the rules from
the profile, matched with AppArmor's globbing (*, **, ?, [...], {a,b}, @{variables}). Prints one
"PASS apparmor-covers PATH" or "FAIL apparmor-covers PATH: why" line per path.
Paths that only exist in the traces' test set-up are mapped: the binary (wherever it was built) to the
first @{smtpdane_bin} entry, /proc/self to /proc/<pid>, deliberately missing files (/nonexistent...) skipped.
The lab trust anchor and the binary appear as the tokens @{smtpdane_trust_anchor} and @{smtpdane_bin}: they
must be granted by a rule naming them.
"""
import os
import re
import sys

# Values of the tunables the profile uses from /etc/apparmor.d/tunables (Debian 12 apparmor 3.0).
# Written without the trailing slash: rules always follow them with one (AppArmor folds "//" anyway).
BUILTIN = {"PROC": ["/proc"], "pid": ["[0-9]+"], "HOME": ["/home/[^/]+", "/root"]}


def glob_to_regex(glob):
    out, i = "", 0
    while i < len(glob):
        c = glob[i]
        if glob.startswith("**", i):
            out += ".*"; i += 2; continue
        if c == "*":
            out += "[^/]*"
        elif c == "?":
            out += "[^/]"
        elif c == "[":
            j = glob.index("]", i)
            out += glob[i:j + 1]; i = j
        elif c == "{":
            depth, j = 0, i
            while True:
                if glob[j] == "{": depth += 1
                elif glob[j] == "}":
                    depth -= 1
                    if depth == 0: break
                j += 1
            parts, depth, start = [], 0, i + 1
            for k in range(i + 1, j):
                if glob[k] == "{": depth += 1
                elif glob[k] == "}": depth -= 1
                elif glob[k] == "," and depth == 0:
                    parts.append(glob[start:k]); start = k + 1
            parts.append(glob[start:j])
            out += "(?:" + "|".join(glob_to_regex(p) for p in parts) + ")"; i = j
        else:
            out += re.escape(c)
        i += 1
    return out


def main():
    profile_path, observed_path = sys.argv[1:3]
    binary = sys.argv[3] if len(sys.argv) > 3 else None   # older observation files name the binary's path
    text = open(profile_path).read()
    variables = {}
    for m in re.finditer(r"^@\{(\w+)\}\s*(\+?=)\s*(.+)$", text, re.M):
        variables.setdefault(m.group(1), [])
        variables[m.group(1)] += m.group(3).split()

    def expand(glob):  # @{var} -> {v1,v2}; the builtin ones are regex fragments already
        def sub(m):
            name = m.group(1)
            if name in BUILTIN:
                return "\0" + str(list(BUILTIN).index(name)) + "\0"
            return "{" + ",".join(variables[name]) + "}"
        prev = None
        while prev != glob:
            prev, glob = glob, re.sub(r"@\{(\w+)\}", sub, glob)
        rx = glob_to_regex(glob)
        for idx, name in enumerate(BUILTIN):
            rx = rx.replace(re.escape("\0" + str(idx) + "\0"), "(?:" + "|".join(BUILTIN[name]) + ")")
        return re.compile(rx + r"\Z")

    body = text[text.index("profile smtpdane"):]
    allow, deny, named = [], [], []
    for m in re.finditer(r"^\s*(deny\s+)?(owner\s+)?((?:/|@\{)\S*)\s+([rwmlkix]+),", body, re.M):
        (deny if m.group(1) else allow).append((expand(m.group(3)), m.group(4)))
        if not m.group(1):
            named.append(m.group(3))
    first_bin = variables["smtpdane_bin"][0]

    for line in open(observed_path):
        if line.startswith("#") or not line.strip():
            continue
        path = line.split("\t")[0]
        if path.startswith("/nonexistent"):
            continue
        if path.startswith("@{"):
            ok = path in named
            print(f"PASS apparmor-covers {path}" if ok else f"FAIL apparmor-covers {path}: no rule names it")
            continue
        real = first_bin if path == binary else re.sub(r"^/proc/self/", "/proc/4242/", path)
        real = real.replace("/**/", "/x/y/")   # folded cgroup directories
        real = re.sub("/+", "/", real)
        if os.path.isdir(real) and not real.endswith("/"):
            real += "/"   # AppArmor names directories with a trailing slash
        if any(rx.match(real) and "w" in perms for rx, perms in deny):
            print(f"FAIL apparmor-covers {path}: denied")
        elif any(rx.match(real) and "r" in perms for rx, perms in allow):
            print(f"PASS apparmor-covers {path}")
        else:
            print(f"FAIL apparmor-covers {path}: no read rule matches {real}")


if __name__ == "__main__":
    main()
