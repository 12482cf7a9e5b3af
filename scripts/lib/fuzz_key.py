"""Makes one key holding every scope on every service of a running stack, for scripts/fuzz-api, and
prints it. The stack's admin key (FENLIU_KEY_ADMIN) creates it through each service's
AdminService/CreateKey with the same id and secret hash, as README "Keys and scopes" describes.

usage: fuzz_key.py   (environment: FENLIU_<SERVICE>_URL, FENLIU_KEY_ADMIN)
"""

import hashlib
import json
import os
import secrets
import sys
import urllib.error
import urllib.request

SERVICES = ["intake", "classification", "routing", "feedback", "reporting"]
SCOPES = [
    "admin", "supervisor", "reviewer", "reporting", "channel:CHANNEL_110", "department:police-110", "open311:fuzz",
] + [f"service:{service}" for service in SERVICES]


def main():
    key_id = "fuzz" + secrets.token_hex(4)
    secret = secrets.token_urlsafe(32)
    request = {
        "label": "schemathesis", "scopes": SCOPES, "id": key_id,
        "secretSha256": hashlib.sha256(secret.encode()).hexdigest(), "requestsPerMinute": 1000000,
    }
    for service in SERVICES:
        url = os.environ[f"FENLIU_{service.upper()}_URL"] + "/fenliu.admin.v1.AdminService/CreateKey"
        call = urllib.request.Request(url, json.dumps(request).encode(), {
            "Content-Type": "application/json", "Authorization": "Bearer " + os.environ["FENLIU_KEY_ADMIN"],
        })
        try:
            urllib.request.urlopen(call, timeout=30).read()
        except urllib.error.HTTPError as error:
            sys.exit(f"CreateKey on {service} failed: {error.code} {error.read().decode(errors='replace')}")
    print(f"fk_{key_id}_{secret}")


if __name__ == "__main__":
    main()
