#!/usr/bin/env python3
"""Turns the config.json written by `runc spec` into a Docker-like container for smtpdane, for tracing
(derive-seccomp.sh) and testing (tests/sandbox) with the container runtime Docker uses.

    oci-config.py CONFIG.json NO_NEW_PRIVILEGES(true|false) PROFILE.json|allow-all -- ARGS...
    oci-config.py --allow-all-profile > allow-all.json

- the seccomp profile goes in linux.seccomp as Docker passes it (the OCI format; the "comment" fields are
  extra keys runc ignores); "allow-all" = the generated profile with defaultAction SCMP_ACT_ALLOW, used to
  trace what runc itself does after installing a filter;
- read-only root, no terminal, the default /proc, /dev, /sys mounts and namespaces of `runc spec`, except
  the network namespace: the container shares the host's so it reaches the test lab on loopback
  (docker --network host);
- env OCI_USER=UID:GID: run as that user with every capability dropped (docker --user … --cap-drop ALL).
"""
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))


def allow_all():
    seccomp = json.load(open(os.path.join(here, "seccomp.json")))
    seccomp["defaultAction"] = "SCMP_ACT_ALLOW"
    seccomp.pop("defaultErrnoRet", None)
    return seccomp


if sys.argv[1] == "--allow-all-profile":  # derive-seccomp.sh: the same profile, allowing everything
    json.dump(allow_all(), sys.stdout, indent=1)
    sys.exit(0)
config_path, nnp, profile = sys.argv[1:4]
assert sys.argv[4] == "--"
args = sys.argv[5:]
c = json.load(open(config_path))
if profile == "allow-all":
    seccomp = allow_all()
else:
    seccomp = json.load(open(profile))
seccomp.pop("comment", None)
c["process"]["args"] = args
c["process"]["terminal"] = False
c["process"]["noNewPrivileges"] = nnp == "true"
c["root"]["readonly"] = True
c["hostname"] = "smtpdane"
c["linux"]["namespaces"] = [n for n in c["linux"]["namespaces"] if n["type"] != "network"]
c["linux"]["seccomp"] = seccomp
if os.environ.get("OCI_USER"):  # docker --user UID:GID --cap-drop ALL
    uid, gid = (int(x) for x in os.environ["OCI_USER"].split(":"))
    c["process"]["user"] = {"uid": uid, "gid": gid}
    c["process"]["capabilities"] = {k: [] for k in c["process"]["capabilities"]}
json.dump(c, open(config_path, "w"), indent=1)
