#!/usr/bin/env python3
"""End-to-end suite: the PUBLISHED smtpdane binary, run as a process against the DANE lab (tests/lab).

Called by tests/e2e/run-lab-suite.sh once the lab is up. Prints one `PASS name` or `FAIL name: why` line per
check (build/test.sh counts them) and informational lines starting with `#`.

Checks:
  scenario/<mode>/<name>   every scenario of tests/lab/scenarios.tsv with -json, in both DNSSEC modes
                           (validate: -trust-anchor $LAB_DIR/root.key; resolver: the resolver's AD bit)
  nagios/<name>            every scenario again with -nagios (exit code 0/1/2 and the status-line grammar)
  readme/<n>-<what>        every example of the original README's "Examples", mapped onto lab names
  text/..., terse/..., quiet/...   the human output modes for a few scenarios
  at/, env/, flags/, literal/, match/, sni/, helo/, order/, showcerts/, proxy/   behaviour the table does not pin down
  global-timeout/...       -timeout 2s against a listener that never speaks, or a resolver that never answers:
                           exits within 2.5 s, Nagios UNKNOWN
  differential/<name>      smtpdane's common verdict against posttls-finger's (tests/lab/posttls-finger.sh),
                           disagreements allowed only when listed in tests/e2e/intended-differences.tsv

Expectation syntax (scenarios.tsv "endpoints" column): `ENDPOINT=TOKEN[+TOKEN]` separated by `;`. ENDPOINT is
`host@addr:port`, `host@[v6]:port`, or a bare name for outcomes without an endpoint. See expectation_problems().
"""
import argparse
import json
import os
import re
import shlex
import socket
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lab"))
from socks5 import Socks5Relay  # noqa: E402  (shared with the sandbox suite)
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
RESOLVER = "127.0.0.1:5353"
# Every scenario run: JSON on stdout, no colour, a global deadline, and a short connect timeout. The I/O
# deadline per SMTP/TLS step is 3 x -connect-timeout (ProbeRunner.IoTimeoutFactor), so with 3s a server that
# never speaks (starttls-on-tls-port) ends by the READ deadline (9 s) well before the global one (20 s): the
# scenario tests the read deadline, the global-timeout checks below test the global one.
COMMON = ["-nocolor", "-timeout", "20s", "-connect-timeout", "3s"]
PROCESS_LIMIT = 30  # seconds; a run that takes longer than -timeout 20s + grace is itself a failure
MODES = ("validate", "resolver")

VERDICTS = ("pass", "fail", "insecure", "no-tlsa", "unusable", "none")
# Verdict tokens (dane-rules.md §3, cli.md "Status words"), grouped by what a sending MTA would conclude.
LOOKUP_FAILED = {"dnssec-bogus", "dns-failed"}                  # RFC 7672 §2.1.1: no delivery (temporary failure)
DANE_NOT_APPLICABLE = {"mx-insecure", "srv-insecure", "dnssec-insecure"}  # RFC 7672 §2.2.1, §2.2.2
NOTHING_TO_PROBE = {"null-mx", "no-mx", "srv-not-offered"}      # RFC 7505, RFC 2782 ".", no MX and no host


def common_verdict(doc):
    """THE mapping from a smtpdane JSON report to the common verdict shared with posttls-finger
    (pass | fail | insecure | no-tlsa | unusable | none). Documented in tests/e2e/README.md.

    Per endpoint, the effective findings are the endpoint's own plus its target's (an insecure MX RRset is a
    target-level finding that concerns every host under it); first rule that matches:
      1. dnssec-bogus or dns-failed            -> fail      (lookup failure: RFC 7672 §2.1.1)
      2. mx-insecure, srv-insecure, dnssec-insecure -> insecure (DANE does not apply: RFC 7672 §2.2)
      3. tlsa-absent                           -> no-tlsa   (secure denial of TLSA)
      4. tlsa-unusable                         -> unusable  (only unusable TLSA records: RFC 7672 §3.1.3)
      5. any finding of severity error         -> fail      (mismatch, name, expired chain, STARTTLS, TLS, I/O)
      6. otherwise (ok, or warnings only)      -> pass      (expiring certificate/RRSIG, expired DANE-EE leaf)
    A target without endpoints: `none` when it says there is nothing to probe (null-mx, no-mx,
    srv-not-offered), `fail` otherwise (no-addresses, bogus MX, timeout...).
    Across endpoints and targets the first present in this order wins: fail, insecure, unusable, no-tlsa,
    pass, none (one failing MX host fails the domain: the probe checks every MX, posttls-finger stops at the
    first that works)."""
    found = set()
    for t in doc["targets"]:
        ttoks = {f["token"] for f in t["findings"]}
        terr = any(f["severity"] == "error" for f in t["findings"])
        if not t["endpoints"]:
            found.add("none" if ttoks & NOTHING_TO_PROBE else "fail")
            continue
        for e in t["endpoints"]:
            toks = ttoks | {f["token"] for f in e["findings"]}
            err = terr or any(f["severity"] == "error" for f in e["findings"])
            if toks & LOOKUP_FAILED:
                found.add("fail")
            elif toks & DANE_NOT_APPLICABLE:
                found.add("insecure")
            elif "tlsa-absent" in toks:
                found.add("no-tlsa")
            elif "tlsa-unusable" in toks:
                found.add("unusable")
            elif err:
                found.add("fail")
            else:
                found.add("pass")
    for v in ("fail", "insecure", "unusable", "no-tlsa", "pass", "none"):
        if v in found:
            return v
    return "none"


# ---------------------------------------------------------------------------------------------------------
# scenarios.tsv

class Scenario:
    def __init__(self, cols):
        (self.name, self.desc, probe, endpoints, self.verdict, self.pf_args, pf_verdict) = cols
        self.args = shlex.split(probe)
        self.expect = [parse_expectation(x) for x in endpoints.split(";") if x.strip()]
        self.pf_verdict = self.verdict if pf_verdict == "=" else pf_verdict
        if self.verdict not in VERDICTS:
            raise ValueError(f"{self.name}: unknown verdict {self.verdict}")

    def all_pass(self):
        return all(tokens == ["pass"] for _, tokens in self.expect)

    def expected_exit(self):
        """Default mode (cli.md "Exit codes"): 0 all OK, 1 any warning or error."""
        return 0 if self.all_pass() else 1

    def expected_nagios(self):
        """0 all OK; 1 warnings only (verdict pass with a non-pass token: cert-expiring, rrsig-expiring,
        cert-expired under DANE-EE, per tests/lab/README.md); 2 any error."""
        if self.all_pass():
            return 0
        return 1 if self.verdict == "pass" else 2


def parse_expectation(text):
    key, _, toks = text.strip().partition("=")
    m = re.fullmatch(r"([^@]+)@\[?([0-9A-Fa-f.:]+?)\]?:(\d+)", key)
    ep = (norm(m.group(1)), m.group(2).lower(), int(m.group(3))) if m else None
    return ((ep if ep else norm(key)), toks.split("+"))


def norm(name):
    return name.strip().rstrip(".").lower()


def load_scenarios(path):
    out = []
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 7:
                raise ValueError(f"scenarios.tsv: {len(cols)} columns in: {line}")
            out.append(Scenario(cols))
    return out


def load_intended(path):
    """tests/e2e/intended-differences.tsv: scenario, smtpdane verdict, posttls-finger verdict, reason."""
    out = {}
    with open(path) as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 4 or not cols[3].strip():
                raise ValueError(f"intended-differences.tsv needs 4 columns with a reason: {line!r}")
            out[cols[0]] = (cols[1], cols[2], cols[3])
    return out


# ---------------------------------------------------------------------------------------------------------
# running the binary

class Run:
    def __init__(self, argv, rc, out, err, seconds):
        self.argv, self.rc, self.out, self.err, self.seconds = argv, rc, out, err, seconds

    def cmd(self):
        return " ".join(shlex.quote(a) for a in self.argv[1:])


def run(binary, args, limit=PROCESS_LIMIT, env_extra=None):
    argv = [binary] + args
    env = {k: v for k, v in os.environ.items() if k not in ("DNS_RESOLVER", "NO_COLOR")}
    env.update(env_extra or {})
    t0 = time.monotonic()
    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=limit, env=env, stdin=subprocess.DEVNULL)
        return Run(argv, p.returncode, p.stdout, p.stderr, time.monotonic() - t0)
    except subprocess.TimeoutExpired as e:
        return Run(argv, None, e.stdout or "", e.stderr or "", time.monotonic() - t0)
    except OSError as e:
        return Run(argv, None, "", f"could not start: {e}", time.monotonic() - t0)


def mode_args(mode, lab_dir):
    if mode == "validate":
        return ["-dnssec", "validate", "-trust-anchor", os.path.join(lab_dir, "root.key"), "-resolver", RESOLVER]
    return ["-dnssec", "resolver", "-resolver", RESOLVER]


def basic_problems(r):
    """Problems every run can have: did not finish, stack trace, internal error."""
    if r.rc is None:
        return [r.err if r.err.startswith("could not start") else f"did not exit within {r.seconds:.0f}s"]
    p = []
    if re.search(r"^\s+at \S+\(", r.out + r.err, re.M):
        p.append("stack trace printed")
    if "internal error" in r.out + r.err:
        p.append("internal error: " + (r.out + r.err).strip().splitlines()[-1][:200])
    return p


def parse_json(r):
    try:
        return json.loads(r.out), None
    except ValueError as e:
        return None, f"stdout is not JSON ({e}): {r.out[:200]!r} stderr {r.err[-200:]!r}"


# ---------------------------------------------------------------------------------------------------------
# JSON checks

TOP_FIELDS = {"state": str, "exitCode": int, "targets": list}
TARGET_FIELDS = {"target": str, "kind": str, "status": str, "severity": str, "findings": list, "dns": list,
                 "endpoints": list}
ENDPOINT_FIELDS = {"host": str, "address": str, "port": int, "status": str, "severity": str, "findings": list,
                   "tls": (dict, type(None)), "tlsa": (dict, type(None))}
FINDING_FIELDS = {"token": str, "severity": str, "message": str}
STATES = {"OK": 0, "WARNING": 1, "CRITICAL": 1, "UNKNOWN": 1}   # state -> default-mode exit code
SEVERITIES = {"ok", "warning", "error"}
TOKEN_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def schema_problems(doc, rc):
    p = []

    def fields(obj, spec, where):
        if not isinstance(obj, dict):
            p.append(f"{where} is not an object")
            return False
        for k, ty in spec.items():
            if k not in obj:
                p.append(f"{where}.{k} missing")
            elif not isinstance(obj[k], ty) or (ty is int and isinstance(obj[k], bool)):
                p.append(f"{where}.{k} has type {type(obj[k]).__name__}")
        return not p

    if not fields(doc, TOP_FIELDS, "$"):
        return p
    if doc["state"] not in STATES:
        p.append(f"state {doc['state']!r} is not one of {sorted(STATES)}")
    elif STATES[doc["state"]] != rc:
        p.append(f"state {doc['state']} but exit code {rc}")
    if doc["exitCode"] != rc:
        p.append(f"exitCode field {doc['exitCode']} but the process exited {rc}")
    sev = [e.get("severity") for t in doc["targets"] if isinstance(t, dict) for e in t.get("endpoints") or []
           if isinstance(e, dict)]
    summary = doc.get("summary")
    if isinstance(summary, dict):
        want = {"endpoints": len(sev), "ok": sev.count("ok"), "warning": sev.count("warning"), "error": sev.count("error")}
        got = {k: summary.get(k) for k in want}
        if got != want:
            p.append(f"summary {got} does not count the endpoints {want}")
    for i, t in enumerate(doc["targets"]):
        w = f"targets[{i}]"
        if not fields(t, TARGET_FIELDS, w):
            continue
        check_status(t, w, p)
        for j, f in enumerate(t["findings"]):
            check_finding(f, f"{w}.findings[{j}]", p)
        for j, e in enumerate(t["endpoints"]):
            we = f"{w}.endpoints[{j}]"
            if not fields(e, ENDPOINT_FIELDS, we):
                continue
            check_status(e, we, p)
            for k, f in enumerate(e["findings"]):
                check_finding(f, f"{we}.findings[{k}]", p)
    return p


def check_status(obj, where, p):
    if not TOKEN_RE.match(obj["status"]):
        p.append(f"{where}.status {obj['status']!r} is not a kebab-case token")
    if obj["severity"] not in SEVERITIES:
        p.append(f"{where}.severity {obj['severity']!r}")
    if obj["status"] == "pass" and obj["severity"] != "ok":
        p.append(f"{where} status pass with severity {obj['severity']}")


def check_finding(f, where, p):
    if not isinstance(f, dict) or any(k not in f for k in FINDING_FIELDS):
        p.append(f"{where} lacks token/severity/message")
        return
    if not TOKEN_RE.match(f["token"]) or f["severity"] not in SEVERITIES:
        p.append(f"{where} bad token/severity {f['token']!r}/{f['severity']!r}")


def endpoint_key(t, e):
    return (norm(e["host"]), e["address"].lower().strip("[]"), e["port"])


def fmt_key(k):
    host, addr, port = k
    return f"{host}@[{addr}]:{port}" if ":" in addr else f"{host}@{addr}:{port}"


def describe(e):
    toks = ",".join(f"{f['token']}({f['severity'][0]})" for f in e["findings"]) or "-"
    return f"status {e['status']}/{e['severity']} findings {toks}"


def expectation_problems(doc, expect):
    """Each expectation against the report:
    - `host@addr:port=TOKENS`: that endpoint exists; `pass` means its status is pass, its severity ok and its
      target has no warning or error of its own; otherwise every token is among the endpoint's findings or its
      target's findings (target-level tokens such as mx-insecure concern every endpoint under the target), and
      the status names one of them: the endpoint's status when a token is the endpoint's own, else the
      target's status.
    - `name=TOKENS` (no endpoint): every token is among the target-level findings and the name is the target
      or is named in one of those findings.
    - The endpoints in the report are exactly the expected ones (none when only bare names are expected)."""
    p = []
    targets = doc["targets"]
    actual = {}
    for t in targets:
        for e in t["endpoints"]:
            actual[endpoint_key(t, e)] = (t, e)
    want = {k for k, _ in expect if isinstance(k, tuple)}
    for k in sorted(want - set(actual)):
        p.append(f"endpoint {fmt_key(k)} missing")
    for k in sorted(set(actual) - want):
        p.append(f"unexpected endpoint {fmt_key(k)} ({describe(actual[k][1])})")
    for key, tokens in expect:
        if isinstance(key, tuple):
            if key not in actual:
                continue
            t, e = actual[key]
            own = {f["token"] for f in e["findings"]}
            inherited = {f["token"] for f in t["findings"]}
            where = fmt_key(key)
            if tokens == ["pass"]:
                t_bad = [f["token"] for f in t["findings"] if f["severity"] != "ok"]
                if e["status"] != "pass" or e["severity"] != "ok" or t_bad:
                    p.append(f"{where} want pass, got {describe(e)}" + (f"; target findings {','.join(t_bad)}" if t_bad else ""))
                continue
            missing = [x for x in tokens if x not in own | inherited]
            if missing:
                p.append(f"{where} want {'+'.join(tokens)}, missing {','.join(missing)}: {describe(e)}")
                continue
            status = e["status"] if own & set(tokens) else t["status"]
            if status not in tokens:
                p.append(f"{where} status {status}, want one of {'+'.join(tokens)} ({describe(e)})")
        else:
            ttoks = {f["token"] for t in targets for f in t["findings"]}
            named = any(norm(t["target"]) == key or key in " ".join(f["message"].lower() for f in t["findings"])
                        for t in targets)
            missing = [x for x in tokens if x not in ttoks]
            if missing or not named:
                got = "; ".join(f"{t['target']}: {t['status']} [{','.join(f['token'] for f in t['findings'])}]" for t in targets)
                p.append(f"{key} want {'+'.join(tokens)} at target level, got {got}")
    return p


# ---------------------------------------------------------------------------------------------------------
# output helpers

results = {"pass": 0, "fail": 0}
# Checks report from worker threads: one locked write per line, or two lines could interleave and
# build/test.sh would miscount them.
_out_lock = threading.Lock()


def emit(line):
    with _out_lock:
        sys.stdout.write(line.replace("\n", " ") + "\n")
        sys.stdout.flush()


def report(name, problems):
    with _out_lock:
        results["fail" if problems else "pass"] += 1
    emit(f"FAIL {name}: {'; '.join(problems)}" if problems else f"PASS {name}")


def info(text):
    emit(f"# {text}")


# ---------------------------------------------------------------------------------------------------------
# check groups

def scenario_checks(binary, lab_dir, scenarios, pool):
    """Every scenario in both modes. Returns {mode: {name: (doc or None)}}."""
    jobs = {}
    for mode in MODES:
        for s in scenarios:
            jobs[(mode, s.name)] = pool.submit(run, binary, mode_args(mode, lab_dir) + ["-json"] + COMMON + s.args)
    docs = {m: {} for m in MODES}
    for mode in MODES:
        agreed = 0
        for s in scenarios:
            r = jobs[(mode, s.name)].result()
            p = basic_problems(r)
            doc = None
            if r.rc is not None:
                doc, err = parse_json(r)
                if err:
                    p.append(err)
            if doc is not None:
                sp = schema_problems(doc, r.rc)
                p += sp
                if not sp:
                    want_trust = "validated" if mode == "validate" else "resolver-ad-bit"
                    if doc.get("trust") != want_trust:
                        p.append(f"trust {doc.get('trust')!r}, want {want_trust}")
                    # every scenario ends by its own deadlines (read deadline 9 s), not by the global one
                    if doc.get("completion") != "completed":
                        p.append(f"completion {doc.get('completion')!r}, want completed")
                    if r.rc != s.expected_exit():
                        p.append(f"exit {r.rc}, want {s.expected_exit()}")
                    p += expectation_problems(doc, s.expect)
                    v = common_verdict(doc)
                    if v != s.verdict:
                        p.append(f"common verdict {v}, want {s.verdict}")
                    docs[mode][s.name] = doc
            if not p:
                agreed += 1
            report(f"scenario/{mode}/{s.name}", p and p + [f"({r.seconds:.1f}s) smtpdane {r.cmd()}"])
        info(f"{mode}: {agreed}/{len(scenarios)} scenarios agreed with scenarios.tsv")
    return docs


NAGIOS_LINE = re.compile(r"^SMTPDANE (OK|WARNING|CRITICAL|UNKNOWN) - .* \| .*endpoints=")
NAGIOS_STATE = {0: "OK", 1: "WARNING", 2: "CRITICAL", 3: "UNKNOWN"}
_RANGE = r"@?(~|-?[0-9.]+)?:?(-?[0-9.]+)?"
PERFDATUM = re.compile(rf"^[A-Za-z_][A-Za-z0-9_]*=(-?[0-9.]+|U)(s|ms|us|%|B|KB|MB|TB|c)?(;({_RANGE})?){{0,2}}(;(-?[0-9.]+)?){{0,2}}$")


def nagios_problems(r, want_rc):
    p = basic_problems(r)
    if r.rc is None:
        return p
    first = r.out.splitlines()[0] if r.out else ""
    if r.rc != want_rc:
        p.append(f"exit {r.rc}, want {want_rc}")
    if not NAGIOS_LINE.match(first):
        p.append(f"first line {first[:160]!r} does not match {NAGIOS_LINE.pattern}")
    elif not first.startswith(f"SMTPDANE {NAGIOS_STATE.get(r.rc)} "):
        p.append(f"status word does not match exit {r.rc}: {first[:80]!r}")
    else:
        # Nagios plugin guidelines, "Performance data": 'label'=value[UOM];[warn];[crit];[min];[max]
        for item in first.split(" | ", 1)[1].split():
            if not PERFDATUM.match(item):
                p.append(f"perfdata item {item!r} is malformed")
    if r.err:
        p.append(f"stderr not empty: {r.err[:160]!r}")
    return p


def nagios_checks(binary, lab_dir, scenarios, pool):
    jobs = [(s, pool.submit(run, binary, mode_args("validate", lab_dir) + ["-nagios"] + COMMON + s.args)) for s in scenarios]
    for s, j in jobs:
        r = j.result()
        p = nagios_problems(r, s.expected_nagios())
        report(f"nagios/{s.name}", p and p + [f"smtpdane {r.cmd()}"])


def json_case(binary, lab_dir, name, args, expect, want_rc, extra=None, base=None, env_extra=None):
    """One -json run with endpoint expectations (same syntax as scenarios.tsv) and an optional extra check
    (a function of the document and the run). base replaces the validate-mode resolver/anchor flags."""
    r = run(binary, (mode_args("validate", lab_dir) if base is None else base) + ["-json"] + COMMON + args,
            env_extra=env_extra)
    p = basic_problems(r)
    if r.rc is not None:
        doc, err = parse_json(r)
        if err:
            p.append(err)
        else:
            p += schema_problems(doc, r.rc)
            if r.rc != want_rc:
                p.append(f"exit {r.rc}, want {want_rc}")
            p += expectation_problems(doc, [parse_expectation(x) for x in expect.split(";")])
            if extra and not p:
                p += extra(doc, r)
    report(name, p and p + [f"smtpdane {r.cmd()}"])


def first_endpoint(doc):
    return doc["targets"][0]["endpoints"][0]


def cert_info_problems(doc, r):
    e = first_endpoint(doc)
    p = []
    tls = e.get("tls") or {}
    if not tls.get("version") or not tls.get("cipherSuite"):
        p.append(f"tls version/cipher missing: {tls}")
    if not tls.get("chain"):
        p.append("tls.chain empty")
    if tls.get("ocsp") is None:
        p.append("tls.ocsp not reported under -show-cert-info")
    if not e.get("certificateInfo"):
        p.append("certificateInfo empty under -show-cert-info")
    return p


def readme_checks(binary, lab_dir, pool):
    """The original README's "Examples", in order, mapped onto the lab (tests/e2e/README.md lists the mapping)."""
    ec25, ec465, ec587 = "mx.ec.lab@127.0.25.2:25", "mx.ec.lab@127.0.25.2:465", "mx.ec.lab@127.0.25.2:587"
    cases = [
        # smtpdane mx1.example.org
        ("readme/01-host", ["mx.rsa.lab"], "mx.rsa.lab@127.0.25.1:25=pass", 0, None),
        # several hosts in one run, in parallel, reported in target order
        ("readme/01b-two-hosts", ["mx.rsa.lab", "mx.ec.lab"], f"mx.rsa.lab@127.0.25.1:25=pass;{ec25}=pass", 0,
         lambda d, r: [] if [t["target"] for t in d["targets"]] == ["mx.rsa.lab", "mx.ec.lab"]
         else [f"targets out of order: {[t['target'] for t in d['targets']]}"]),
        # smtpdane -mx example.org
        ("readme/02-mx", ["-mx", "rsa.lab"], "mx.rsa.lab@127.0.25.1:25=pass", 0, None),
        # smtpdane -submission example.org
        ("readme/03-submission", ["-submission", "ec.lab"], f"{ec587}=pass", 0, None),
        # smtpdane -4 -port 26 mx1.example.org  (the lab's other STARTTLS port is 587)
        ("readme/04-ipv4-port", ["-4", "-port", "587", "mx.ec.lab"], f"{ec587}=pass", 0, None),
        # smtpdane -port 465 -tls-on-connect smtp.example.org
        ("readme/05-tls-on-connect", ["-port", "465", "-tls-on-connect", "mx.ec.lab"], f"{ec465}=pass", 0, None),
        # smtpdane -tls-on-connect -submission example.org:465
        ("readme/06-submission-port-override", ["-tls-on-connect", "-submission", "ec.lab:465"], f"{ec465}=pass", 0, None),
        # smtpdane -aka mail.example.net mail.example.org  (the leaf names only wrong.name.invalid, TLSA 2 1 1)
        ("readme/07-aka", ["-aka", "wrong.name.invalid", "mx-wrongname.ed.lab"], "mx-wrongname.ed.lab@127.0.25.6:25=pass", 0, None),
        # smtpdane -show-cert-info -mx example.org
        ("readme/08-show-cert-info", ["-show-cert-info", "-mx", "ec.lab"], f"{ec25}=pass", 0, cert_info_problems),
        # smtpdane -expiration-warning $((3*31*24))h -mx example.org: the lab's certificates live 1 year (CAs
        # 5-10 years), so 93 days do not warn; 9000 h (375 days) does; 0s disables the 3-day leaf's warning
        ("readme/09-expiration-warning-93d", ["-expiration-warning", f"{3 * 31 * 24}h", "-mx", "ec.lab"], f"{ec25}=pass", 0, None),
        ("readme/09b-expiration-warning-375d", ["-expiration-warning", "9000h", "-mx", "ec.lab"], f"{ec25}=cert-expiring", 1,
         lambda d, r: [] if first_endpoint(d)["severity"] == "warning" else [f"severity {first_endpoint(d)['severity']}, want warning"]),
        ("readme/09c-expiration-warning-0s", ["-expiration-warning", "0s", "mx-expiring.ed.lab"], "mx-expiring.ed.lab@127.0.25.7:25=pass", 0, None),
        # smtpdane -expect-ocsp -mx example.org  (Postfix in the lab staples nothing)
        ("readme/10-expect-ocsp", ["-expect-ocsp", "-mx", "ec.lab"], f"{ec25}=ocsp-missing", 1,
         lambda d, r: [] if first_endpoint(d)["severity"] == "error" else [f"severity {first_endpoint(d)['severity']}, want error"]),
    ]
    futures = [pool.submit(json_case, binary, lab_dir, *c) for c in cases]
    # smtpdane -nagios -expect-ocsp -mx spodhuis.org
    nag = pool.submit(run, binary, mode_args("validate", lab_dir) + ["-nagios", "-expect-ocsp", "-mx", "ec.lab"])
    for f in futures:
        f.result()
    r = nag.result()
    p = nagios_problems(r, 2)
    if r.rc == 2 and "ocsp-missing" not in r.out:
        p.append(f"ocsp-missing not named in the Nagios output: {r.out[:300]!r}")
    report("readme/11-nagios-expect-ocsp", p and p + [f"smtpdane {r.cmd()}"])


def lab_started_epoch(lab_dir):
    with open(os.path.join(lab_dir, "lab.env")) as f:
        for line in f:
            if line.startswith("LAB_STARTED_EPOCH="):
                return int(line.split("=", 1)[1])
    raise ValueError("LAB_STARTED_EPOCH missing from lab.env")


def rfc3339(epoch):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))


def tlsa_match(record_prefix, depth, base=None):
    """dane-rules.md §3.8: report which record matched at which depth (and, for CNAMEs, the base domain)."""
    def check(doc, r):
        e = first_endpoint(doc)
        t = e.get("tlsa") or {}
        m = t.get("match") or {}
        p = []
        if not str(m.get("record", "")).startswith(record_prefix + " ") or m.get("depth") != depth:
            p.append(f"tlsa.match {m}, want {record_prefix} at depth {depth}")
        if base and norm(t.get("baseDomain", "")) != base:
            p.append(f"tlsa.baseDomain {t.get('baseDomain')!r}, want {base}")
        return p
    return check


def trace_has(*patterns):
    """-debug writes the protocol trace to stderr; stdout must stay one JSON document."""
    def check(doc, r):
        return [f"-debug trace lacks {pat!r}" for pat in patterns if not re.search(pat, r.err, re.M)]
    return check


def extra_checks(binary, lab_dir, pool):
    """Behaviour the scenario table does not pin down: -at, DNS_RESOLVER, Go-style flags, IP literals, SNI and
    EHLO name (RFC 7672 §8.1; the original tool ignored -helo with TLS-on-connect), match depth, endpoint
    order, -showcerts."""
    start = lab_started_epoch(lab_dir)
    ta = os.path.join(lab_dir, "root.key")
    multi_order = lambda d, r: [] if [(norm(e["host"]), e["preference"]) for e in d["targets"][0]["endpoints"]] == \
        [("mx.rsa.lab", 10), ("broken.rsa.lab", 20)] else \
        [f"endpoint order {[(e['host'], e['preference']) for e in d['targets'][0]['endpoints']]}, want mx.rsa.lab/10 then broken.rsa.lab/20"]
    pem = lambda d, r: [] if (first_endpoint(d).get("chainPem") or "").count("-----BEGIN CERTIFICATE-----") == 2 \
        else [f"chainPem does not hold the 2 served certificates: {str(first_endpoint(d).get('chainPem'))[:80]!r}"]
    cases = [
        # -at judges certificates as of that time: the 3-day leaf (TLSA 2 1 1) has expired 5 days after start
        ("at/cert-expired-later", ["-at", rfc3339(start + 5 * 86400), "mx-expiring.ed.lab"],
         "mx-expiring.ed.lab@127.0.25.7:25=cert-expired", 1, None),
        # ... and RRSIG windows in validate mode: soon.lab's signatures (48 h) have expired 3 days after start
        ("at/rrsig-expired-later-validate", ["-at", rfc3339(start + 3 * 86400), "-mx", "soon.lab"],
         "soon.lab=dnssec-bogus", 1, None),
        # DNS_RESOLVER instead of -resolver (cli.md "Environment")
        ("env/dns-resolver", ["-mx", "rsa.lab"], "mx.rsa.lab@127.0.25.1:25=pass", 0, None,
         ["-dnssec", "validate", "-trust-anchor", ta], {"DNS_RESOLVER": RESOLVER}),
        # the Go flag package's spellings
        ("flags/go-style", ["--mx=true", "--port=25", "rsa.lab"], "mx.rsa.lab@127.0.25.1:25=pass", 0, None,
         ["--dnssec=validate", f"--trust-anchor={ta}", f"--resolver={RESOLVER}"]),
        # IP literals: the TLSA base domain comes from -aka / -tlsa-name, or DANE cannot apply
        ("literal/v6-aka", ["-aka", "mx-dualstack.ec.lab", "[::1]:25"], "::1@[::1]:25=pass", 0,
         tlsa_match("2 1 1", 1, "mx-dualstack.ec.lab")),
        ("literal/v4-tlsa-name", ["-tlsa-name", "mx.rsa.lab", "127.0.25.1"], "127.0.25.1@127.0.25.1:25=pass", 0,
         tlsa_match("3 1 1", 0, "mx.rsa.lab")),
        ("literal/v4-without-name", ["127.0.25.1"], "127.0.25.1@127.0.25.1:25=dane-not-applicable", 1, None),
        # which record matched at which depth
        ("match/ee-depth-0", ["-mx", "rsa.lab"], "mx.rsa.lab@127.0.25.1:25=pass", 0, tlsa_match("3 1 1", 0, "mx.rsa.lab")),
        ("match/ta-intermediate-depth-1", ["-mx", "ec.lab"], "mx.ec.lab@127.0.25.2:25=pass", 0, tlsa_match("2 1 1", 1, "mx.ec.lab")),
        ("match/ta-root-depth-2", ["-mx", "ed.lab"], "mx.ed.lab@127.0.25.3:25=pass", 0, tlsa_match("2 1 1", 2, "mx.ed.lab")),
        ("match/ee-full-cert-self-signed", ["mx-self.ed.lab"], "mx-self.ed.lab@127.0.25.4:25=pass", 0, tlsa_match("3 0 1", 0)),
        # RFC 7672 §2.2.2 / §8.1: CNAME'd MX host: TLSA base domain and SNI are the expanded name
        ("sni/cname-expanded-name", ["-debug", "-mx", "cname.rsa.lab"], "alias.rsa.lab@127.0.25.2:25=pass", 0,
         lambda d, r: tlsa_match("2 1 1", 1, "mx.ec.lab")(d, r) + trace_has(r"SNI mx\.ec\.lab\b")(d, r)),
        ("helo/starttls", ["-debug", "-helo", "probe.lab.invalid", "mx.rsa.lab"], "mx.rsa.lab@127.0.25.1:25=pass", 0,
         trace_has(r"C: EHLO probe\.lab\.invalid")),
        ("helo/tls-on-connect", ["-debug", "-helo", "probe.lab.invalid", "-port", "465", "-tls-on-connect", "mx.ec.lab"],
         "mx.ec.lab@127.0.25.2:465=pass", 0, trace_has(r"C: EHLO probe\.lab\.invalid")),
        # stable order: MX preference, then host name (cli.md "Output")
        ("order/mx-preference", ["-mx", "multi.rsa.lab"],
         "mx.rsa.lab@127.0.25.1:25=pass;broken.rsa.lab@127.0.25.1:25=tlsa-mismatch", 1, multi_order),
        ("showcerts/pem", ["-showcerts", "-mx", "rsa.lab"], "mx.rsa.lab@127.0.25.1:25=pass", 0, pem),
    ]
    proxy = Socks5Relay()
    via_proxy = lambda d, r: [] if ("127.0.25.1", 25) in proxy.connects else \
        [f"the connection did not go through the SOCKS5 proxy (it saw {proxy.connects})"]
    ec587 = "mx.ec.lab@127.0.25.2:587=pass"
    cases += [
        ("proxy/socks5", ["-proxy-tcp", proxy.url, "-mx", "rsa.lab"], "mx.rsa.lab@127.0.25.1:25=pass", 0, via_proxy),
        # -srv NAME is the general form of -submission
        ("flags/srv-name", ["-srv", "submission", "ec.lab"], ec587, 0, None),
        # ports: a service name, and a leading zero is decimal (the original parsed 025 as octal)
        ("flags/port-service-name", ["-port", "submission", "mx.ec.lab"], ec587, 0, None),
        ("flags/port-leading-zero", ["-port", "0587", "mx.ec.lab"], ec587, 0, None),
        # -6 keeps the IPv6 endpoint only
        ("flags/ipv6-only", ["-6", "-mx", "dualstack.ec.lab"], "mx-dualstack.ec.lab@[::1]:25=pass", 0, None),
    ]
    futures = [pool.submit(json_case, binary, lab_dir, *c) for c in cases]
    for f in futures:
        f.result()
    proxy.close()


ANSI = re.compile(r"\x1b\[")
SUMMARY = re.compile(r"^(\d+) endpoints: (\d+) ok, (\d+) warning, (\d+) error$", re.M)


def text_checks(binary, lab_dir, pool):
    va = mode_args("validate", lab_dir)
    plain = va + ["-timeout", "20s"]   # no -nocolor: stdout is a pipe, so no colour either (cli.md)
    jobs = {
        "text-ok": pool.submit(run, binary, plain + ["-mx", "rsa.lab"]),
        "text-fail": pool.submit(run, binary, plain + ["broken.rsa.lab"]),
        "terse-ok": pool.submit(run, binary, plain + ["-terse", "-mx", "rsa.lab"]),
        "quiet-ok": pool.submit(run, binary, plain + ["-quiet", "-mx", "rsa.lab"]),
        "quiet-multi": pool.submit(run, binary, plain + ["-q", "-mx", "multi.rsa.lab"]),
        "quiet-warning": pool.submit(run, binary, plain + ["-quiet", "mx-expiring.ed.lab"]),
    }
    R = {k: v.result() for k, v in jobs.items()}

    def common(r, want_rc, summary):
        p = basic_problems(r)
        if r.rc is None:
            return p
        if r.rc != want_rc:
            p.append(f"exit {r.rc}, want {want_rc}")
        if ANSI.search(r.out + r.err):
            p.append("ANSI colour codes although stdout is not a terminal")
        m = SUMMARY.search(r.err)
        if summary and (not m or m.group(0) != summary):
            p.append(f"stderr summary {m.group(0) if m else None!r}, want {summary!r}")
        return p

    r = R["text-ok"]
    p = common(r, 0, "1 endpoints: 1 ok, 0 warning, 0 error")
    if not re.search(r"^\[mx\.rsa\.lab 127\.0\.25\.1:25\] pass", r.out, re.M):
        p.append(f"no '[mx.rsa.lab 127.0.25.1:25] pass' block: {r.out[:300]!r}")
    report("text/default-pass", p)

    r = R["text-fail"]
    p = common(r, 1, "1 endpoints: 0 ok, 0 warning, 1 error")
    if not re.search(r"^\[broken\.rsa\.lab 127\.0\.25\.1:25\] tlsa-mismatch", r.out, re.M):
        p.append(f"no '[broken.rsa.lab 127.0.25.1:25] tlsa-mismatch' block: {r.out[:300]!r}")
    report("text/default-fail", p)

    r = R["terse-ok"]
    p = common(r, 0, None)
    if not re.search(r"mx\.rsa\.lab.*127\.0\.25\.1:25.*pass", r.out):
        p.append(f"terse output does not name the endpoint and pass: {r.out[:300]!r}")
    if R["text-ok"].rc == 0 and len(r.out.splitlines()) >= len(R["text-ok"].out.splitlines()):
        p.append(f"-terse is not shorter ({len(r.out.splitlines())} lines vs {len(R['text-ok'].out.splitlines())})")
    report("terse/pass", p)

    r = R["quiet-ok"]
    p = common(r, 0, None)
    if "mx.rsa.lab" in r.out:
        p.append(f"-quiet printed a passing endpoint: {r.out[:300]!r}")
    report("quiet/pass-prints-nothing", p)

    r = R["quiet-multi"]
    p = common(r, 1, None)
    if not re.search(r"broken\.rsa\.lab.*tlsa-mismatch", r.out):
        p.append(f"-quiet did not print the failing endpoint broken.rsa.lab: {r.out[:300]!r}")
    if re.search(r"^\[mx\.rsa\.lab ", r.out, re.M):
        p.append("-quiet printed the passing endpoint mx.rsa.lab")
    report("quiet/prints-only-problems", p)

    r = R["quiet-warning"]
    p = common(r, 1, None)
    if "cert-expiring" not in r.out:
        p.append(f"-quiet hid the warning (cert-expiring): {r.out[:300]!r}")
    report("quiet/keeps-warnings", p)


def global_timeout_checks(binary, lab_dir, pool):
    """STARTTLS against the TLS-on-connect listener: the server waits for a ClientHello and never greets. With
    -connect-timeout 10s the read deadline (30 s) is far away; -timeout 2s must end the run (cli.md)."""
    args = ["-timeout", "2s", "-connect-timeout", "10s", "-port", "465", "mx.ec.lab"]
    jobs = {
        "json": pool.submit(run, binary, mode_args("validate", lab_dir) + ["-json", "-nocolor"] + args, 10),
        "nagios": pool.submit(run, binary, mode_args("validate", lab_dir) + ["-nagios"] + args, 10),
        "text": pool.submit(run, binary, mode_args("resolver", lab_dir) + ["-nocolor"] + args, 10),
    }
    # A resolver that swallows every query (a bound UDP socket nobody reads): the deadline must also bound DNS.
    sink = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sink.bind(("127.0.0.1", 0))
    hole = f"127.0.0.1:{sink.getsockname()[1]}"
    jobs["dns"] = pool.submit(run, binary, ["-dnssec", "validate", "-trust-anchor", os.path.join(lab_dir, "root.key"),
                                            "-resolver", hole, "-nagios", "-timeout", "2s", "-mx", "rsa.lab"], 10)
    limit = 2.5
    r = jobs["json"].result()
    p = basic_problems(r)
    if r.rc is not None:
        if r.seconds > limit:
            p.append(f"took {r.seconds:.2f}s, limit {limit}s")
        doc, err = parse_json(r)
        if err:
            p.append(err)
        else:
            p += schema_problems(doc, r.rc)
            if r.rc != 1:
                p.append(f"exit {r.rc}, want 1")
            if doc.get("completion") != "global-timeout":
                p.append(f"completion {doc.get('completion')!r}, want global-timeout")
            toks = [f["token"] for t in doc["targets"] for e in t["endpoints"] for f in e["findings"]] + \
                   [f["token"] for t in doc["targets"] for f in t["findings"]]
            if "timeout" not in toks:
                p.append(f"no timeout token: {toks}")
    report("global-timeout/json", p and p + [f"smtpdane {r.cmd()}"])

    r = jobs["nagios"].result()
    p = nagios_problems(r, 3)
    if r.rc is not None and r.seconds > limit:
        p.append(f"took {r.seconds:.2f}s, limit {limit}s")
    if r.rc == 3 and "timeout" not in r.out:
        p.append(f"no timeout token in the Nagios output: {r.out[:300]!r}")
    report("global-timeout/nagios-unknown", p and p + [f"smtpdane {r.cmd()}"])

    r = jobs["text"].result()
    p = basic_problems(r)
    if r.rc is not None:
        if r.seconds > limit:
            p.append(f"took {r.seconds:.2f}s, limit {limit}s")
        if r.rc != 1:
            p.append(f"exit {r.rc}, want 1")
        if "timeout" not in r.out:
            p.append(f"no timeout token in the text output: {r.out[:300]!r}")
    report("global-timeout/text-resolver-mode", p and p + [f"smtpdane {r.cmd()}"])

    r = jobs["dns"].result()
    sink.close()
    p = nagios_problems(r, 3)
    if r.rc is not None and r.seconds > limit:
        p.append(f"took {r.seconds:.2f}s, limit {limit}s")
    report("global-timeout/dns-black-hole-nagios", p and p + [f"smtpdane {r.cmd()}"])


def differential_checks(scenarios, docs, intended, pf_script):
    """posttls-finger's verdict (tests/lab/posttls-finger.sh) against smtpdane's common_verdict(), per scenario
    with a posttls-finger column, for the JSON of both modes."""
    proc = subprocess.run([pf_script], capture_output=True, text=True, timeout=300)
    pf = {}
    for line in proc.stdout.splitlines():
        cols = line.split("\t")
        if len(cols) >= 4 and cols[1].startswith("pf="):
            pf[cols[0]] = cols[1][3:]
    if not pf:
        report("differential/posttls-finger-ran", [f"no output from {pf_script} (rc {proc.returncode}): {proc.stderr[-300:]!r}"])
        return
    report("differential/posttls-finger-ran", [])
    by_name = {s.name: s for s in scenarios}
    for name in intended:
        if name not in by_name:
            report(f"differential/{name}", [f"intended-differences.tsv names an unknown scenario {name}"])
    compared = agreed = intended_n = 0
    for s in scenarios:
        if s.pf_args == "-":
            continue
        compared += 1
        got_pf = pf.get(s.name)
        p = []
        if got_pf is None or got_pf == "-":
            p.append("posttls-finger produced no verdict")
        else:
            for mode in MODES:
                doc = docs[mode].get(s.name)
                if doc is None:
                    p.append(f"{mode}: no smtpdane report to compare")
                    continue
                ours = common_verdict(doc)
                if ours == got_pf:
                    if s.name in intended:
                        p.append(f"{mode}: listed as an intended difference but both say {ours}: update intended-differences.tsv")
                elif s.name in intended and intended[s.name][:2] == (ours, got_pf):
                    pass
                else:
                    p.append(f"{mode}: smtpdane {ours}, posttls-finger {got_pf}" +
                             (f" (intended-differences.tsv expects smtpdane {intended[s.name][0]}, posttls-finger {intended[s.name][1]})" if s.name in intended else ""))
        if not p:
            if s.name in intended:
                intended_n += 1
            else:
                agreed += 1
        report(f"differential/{s.name}", p)
    info(f"differential: {agreed + intended_n}/{compared} compared scenarios agree with posttls-finger "
         f"({agreed} same verdict, {intended_n} documented intended differences); "
         f"{len(scenarios) - compared} not comparable")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", required=True)
    ap.add_argument("--lab-dir", required=True)
    ap.add_argument("--scenarios", default=os.path.join(ROOT, "tests", "lab", "scenarios.tsv"))
    ap.add_argument("--intended", default=os.path.join(HERE, "intended-differences.tsv"))
    ap.add_argument("--posttls-finger", default=os.path.join(ROOT, "tests", "lab", "posttls-finger.sh"))
    ap.add_argument("--no-differential", action="store_true")
    ap.add_argument("--jobs", type=int, default=8)
    ap.add_argument("--only", help="comma-separated groups: scenario,nagios,readme,text,extra,timeout,differential")
    a = ap.parse_args()
    groups = set((a.only or "scenario,nagios,readme,text,extra,timeout,differential").split(","))
    scenarios = load_scenarios(a.scenarios)
    intended = load_intended(a.intended)
    t0 = time.monotonic()
    with ThreadPoolExecutor(max_workers=a.jobs) as pool:
        # The global-timeout checks measure wall time: run them first, before the pool is busy.
        if "timeout" in groups:
            global_timeout_checks(a.binary, a.lab_dir, pool)
        docs = {m: {} for m in MODES}
        if groups & {"scenario", "differential"}:
            docs = scenario_checks(a.binary, a.lab_dir, scenarios, pool)
        if "nagios" in groups:
            nagios_checks(a.binary, a.lab_dir, scenarios, pool)
        if "readme" in groups:
            readme_checks(a.binary, a.lab_dir, pool)
        if "text" in groups:
            text_checks(a.binary, a.lab_dir, pool)
        if "extra" in groups:
            extra_checks(a.binary, a.lab_dir, pool)
    if "differential" in groups and not a.no_differential:
        differential_checks(scenarios, docs, intended, a.posttls_finger)
    info(f"lab suite: {results['pass']} passed, {results['fail']} failed in {time.monotonic() - t0:.0f}s")
    return 0 if results["fail"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
