#!/usr/bin/env python3
"""Prints the verdict part of a `smtpdane -json` document (stdin) as stable text: state, exit code,
completion, summary counts, and per target / endpoint the status, severity and finding tokens. Timings,
dates and byte counts are left out, so two runs of the same scenario compare equal line by line."""
import json
import sys

d = json.load(sys.stdin)
s = d["summary"]
print(f"state={d['state']} exitCode={d['exitCode']} trust={d['trust']} completion={d['completion']}")
print("summary " + " ".join(f"{k}={s[k]}" for k in ("endpoints", "ok", "warning", "error", "targetProblems")))
for t in d["targets"]:
    tokens = ",".join(f["token"] + ":" + f["severity"] for f in t.get("findings") or [])
    print(f"target {t['target']} kind={t['kind']} status={t['status']} severity={t['severity']} "
          f"judgement={t['judgement']} findings={tokens}")
    for e in t.get("endpoints") or []:
        tokens = ",".join(f["token"] + ":" + f["severity"] for f in e.get("findings") or [])
        match = (e.get("tlsa") or {}).get("match") or {}
        print(f"  endpoint {e['host']} {e['address']}:{e['port']} status={e['status']} severity={e['severity']} "
              f"findings={tokens} match={match.get('record')}@{match.get('depth')}")
