"""The stand-in receiver's journal (FENLIU_RECEIVER_JOURNAL): one JSON line per accepted delivery,
{"system", "key", "at", "body"}, with the delivery's bytes as text in "body"."""

import json


def journal_body(entry):
    """The delivery's body as a dict: {} when it is not a JSON object."""
    body = entry.get("body")
    if isinstance(body, str):
        try:
            body = json.loads(body)
        except (ValueError, RecursionError):
            return {}
    return body if isinstance(body, dict) else {}
