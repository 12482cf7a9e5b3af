"""Keys for a local Fenliu stack (scripts/up): writes KEYS_ENV (the keys themselves, for people and
tests) and KEYS_JSON (only their SHA-256 hashes, what the services load with FENLIU_KEYS_FILE).
Keys already in KEYS_ENV are kept, so a restarted stack keeps its keys.

usage: keys.py KEYS_ENV KEYS_JSON SEED_DIRECTORY_JSON
"""

import base64
import hashlib
import json
import os
import secrets
import sys

ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"


def new_key():
    key_id = "".join(secrets.choice(ALPHABET) for _ in range(12))
    secret = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip("=")
    return f"fk_{key_id}_{secret}"


def variable(name):
    return "".join(c if c.isalnum() else "_" for c in name).upper()


def main():
    env_path, json_path, seed_path = sys.argv[1:4]
    existing = {}
    if os.path.exists(env_path):
        for line in open(env_path, encoding="utf-8"):
            if "=" in line and not line.startswith("#"):
                name, value = line.rstrip("\n").split("=", 1)
                existing[name] = value

    # (variable, label, scopes)
    wanted = [
        ("FENLIU_KEY_ADMIN", "administrator", ["admin"]),
        ("FENLIU_KEY_SUPERVISOR", "12345 centre supervisor", ["supervisor"]),
        ("FENLIU_KEY_REVIEWER", "classification reviewer", ["reviewer"]),
        ("FENLIU_KEY_REPORTING", "reporting reader", ["reporting"]),
        ("FENLIU_KEY_110", "110 dispatch system", ["channel:CHANNEL_110", "department:police-110"]),
        ("FENLIU_KEY_12345", "12345 hotline platform", ["channel:CHANNEL_12345", "department:municipal-12345"]),
        ("FENLIU_KEY_119", "119 fire dispatch", ["channel:CHANNEL_119", "department:fire-119"]),
        ("FENLIU_KEY_120", "120 ambulance dispatch", ["channel:CHANNEL_120", "department:medical-120"]),
        ("FENLIU_KEY_OPEN311", "Open311 demo app", ["open311:demo"]),
    ]
    for service in ["intake", "classification", "routing", "feedback", "reporting"]:
        wanted.append((f"FENLIU_SERVICE_KEY_{service.upper()}", f"fenliu-{service}", [f"service:{service}"]))
    for department in json.load(open(seed_path, encoding="utf-8"))["departments"]:
        wanted.append((f"FENLIU_KEY_DEPT_{variable(department['id'])}", department.get("name", department["id"]), [f"department:{department['id']}"]))

    values = {}
    hashes = []
    for name, label, scopes in wanted:
        key = existing.get(name) or new_key()
        values[name] = key
        key_id, secret = key[3:].split("_", 1)
        hashes.append({"id": key_id, "label": label, "scopes": scopes, "secret_sha256": hashlib.sha256(secret.encode()).hexdigest()})
    values["FENLIU_DATA_KEYS"] = existing.get("FENLIU_DATA_KEYS") or "k1:" + base64.b64encode(secrets.token_bytes(32)).decode()
    values["FENLIU_DATA_INDEX_KEY"] = existing.get("FENLIU_DATA_INDEX_KEY") or base64.b64encode(secrets.token_bytes(32)).decode()

    os.makedirs(os.path.dirname(os.path.abspath(env_path)), exist_ok=True)
    with open(env_path + ".partial", "w", encoding="utf-8") as out:
        out.write("# Keys of the local Fenliu stack (scripts/up). Secret: do not commit, do not share.\n")
        for name, value in values.items():
            out.write(f"{name}={value}\n")
    os.chmod(env_path + ".partial", 0o600)
    os.replace(env_path + ".partial", env_path)
    with open(json_path + ".partial", "w", encoding="utf-8") as out:
        json.dump({"keys": hashes}, out, ensure_ascii=False, indent=1)
    os.replace(json_path + ".partial", json_path)


if __name__ == "__main__":
    main()
