"""A month of plausible Fenliu events, as the four services send them to reporting, and a sender.

Used by the dashboard's browser test (Tests/Browser/check_dashboard.py) and by scripts/bench (the
bulletin over a million events). Deterministic for a seed. Offline tool: nothing here runs inside a
service.
"""

import calendar
import datetime as dt
import json
import os
import random
import threading
import time
import urllib.error
import urllib.request

CHENGDU = dt.timezone(dt.timedelta(hours=8))

# Areas weighted roughly by population; the old city and the new south take most calls.
DISTRICTS = [
    ("510104", 9), ("510105", 8), ("510106", 10), ("510107", 11), ("510108", 9), ("510112", 6), ("510113", 3),
    ("510114", 7), ("510115", 4), ("510116", 6), ("510117", 5), ("510118", 2), ("510121", 3), ("510129", 2),
    ("510131", 1), ("510181", 3), ("510182", 3), ("510183", 2), ("510184", 2), ("510185", 4), ("CDGX", 8), ("TFXQ", 5),
]
NON_POLICE = [
    ("PUBLIC_FACILITIES", 16, "cgj", "城管局"), ("CITY_APPEARANCE", 14, "cgj", "城管局"), ("LABOR_WAGES", 10, "rsj", "人社局"),
    ("AGRI_FORESTRY_GREENING", 3, "nyj", "农业农村局"), ("CONSTRUCTION", 9, "zjj", "住建局"), ("ENVIRONMENT", 9, "sthj", "生态环境局"),
    ("MARKET_REGULATION", 12, "scj", "市场监管局"), ("EPIDEMIC_CONTROL", 2, "wjj", "卫健局"), ("DISPUTE_MEDIATION", 15, "sfj", "司法局"),
    ("OTHER_SERVICE", 10, "zwfw", "政务服务中心"),
]
POLICE = [("CRIME_REPORT", 45), ("EMERGENCY_HELP", 20), ("TRAFFIC", 30), ("POLICE_COMPLAINT", 5)]
AREA_NAMES = {
    "510104": "锦江区", "510105": "青羊区", "510106": "金牛区", "510107": "武侯区", "510108": "成华区", "510112": "龙泉驿区",
    "510113": "青白江区", "510114": "新都区", "510115": "温江区", "510116": "双流区", "510117": "郫都区", "510118": "新津区",
    "510121": "金堂县", "510129": "大邑县", "510131": "蒲江县", "510181": "都江堰市", "510182": "彭州市", "510183": "邛崃市",
    "510184": "崇州市", "510185": "简阳市", "CDGX": "高新区", "TFXQ": "天府新区",
}
RETURN_REASONS = ["不属于本部门职责", "地址不在本辖区", "应由物业公司处理", "涉及多部门，请协调", "诉求已在其他工单办理"]
HOT_PLACES = ["30.655,104.080", "30.570,104.065", "30.695,104.040", "30.630,104.110", "30.545,104.045"]


def _weighted(rng, items, weight_index=1):
    total = sum(item[weight_index] for item in items)
    pick = rng.uniform(0, total)
    for item in items:
        pick -= item[weight_index]
        if pick <= 0:
            return item
    return items[-1]


def _stamp(moment):
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _pg(moment):
    """The form routing and feedback write deadlines in (PostgreSQL text, UTC)."""
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f+00")


class _Log:
    def __init__(self):
        self.events = []

    def add(self, source, type_, key, at, **fields):
        event = {"id": f"{source}:{type_}:{key}", "source": source, "type": type_, "occurredAt": _stamp(at)}
        for name, value in fields.items():
            if value:
                event[name] = value
        self.events.append(event)


def generate(month, calls, seed=7, prefix="g"):
    """Events for `calls` calls received in `month` ("YYYY-MM", Chengdu), with their tickets' lives."""
    rng = random.Random(f"{seed}-{month}")
    year, number = (int(part) for part in month.split("-"))
    days = calendar.monthrange(year, number)[1]
    log = _Log()
    for index in range(calls):
        call = f"{prefix}{month}-{index:07d}"
        day = rng.randint(1, days)
        hour = min(23, max(0, int(rng.gauss(14, 4.5))))
        received = dt.datetime(year, number, day, hour, rng.randint(0, 59), rng.randint(0, 59), tzinfo=CHENGDU)
        channel = _weighted(rng, [("CHANNEL_110", 55), ("CHANNEL_12345", 38), ("CHANNEL_119", 3), ("CHANNEL_120", 3), ("CHANNEL_OPEN311", 1)])[0]
        district = _weighted(rng, DISTRICTS)[0]
        attributes = {"incident_id": call}
        if rng.random() < 0.04:
            attributes["place"] = rng.choice(HOT_PLACES)
        elif rng.random() < 0.7:
            attributes["place"] = f"{30.5 + rng.randint(0, 60) * 0.005:.3f},{103.9 + rng.randint(0, 80) * 0.005:.3f}"
        log.add("intake", "call.received", call, received, callId=call, channel=channel, district=district, attributes=attributes)

        if channel == "CHANNEL_119":
            category, destinations = "FIRE", ["FIRE_119"]
        elif channel == "CHANNEL_120":
            category, destinations = "MEDICAL", ["MEDICAL_120"]
        elif channel == "CHANNEL_110" and rng.random() < 0.55:
            category, destinations = _weighted(rng, POLICE)[0], ["POLICE_110"]
        elif channel == "CHANNEL_12345" and rng.random() < 0.04:
            category, destinations = "CRIME_REPORT", ["POLICE_110"]
        else:
            category, destinations = _weighted(rng, NON_POLICE)[0], ["HOTLINE_12345"]
        classified = received + dt.timedelta(seconds=rng.uniform(0.3, 3))
        needs_review = rng.random() < 0.06
        log.add("classification", "call.classified", call, classified, callId=call, channel=channel, district=district, category=category,
                attributes={"destinations": ",".join(destinations), "needs_review": str(needs_review).lower(), "confidence": f"{rng.uniform(0.5, 1):.3f}"})
        if needs_review:
            changed = rng.random() < 0.4
            if changed and destinations == ["HOTLINE_12345"]:
                category, destinations = "CRIME_REPORT", ["POLICE_110"]
            log.add("classification", "call.reviewed", f"{call}:2", classified + dt.timedelta(minutes=rng.uniform(1, 20)), callId=call,
                    channel=channel, district=district, category=category,
                    attributes={"destinations": ",".join(destinations), "changed": str(changed).lower()})
        for destination in destinations:
            _ticket(rng, log, call, channel, district, category, destination, classified)
    return log.events


def _department(category, district, destination):
    if destination == "POLICE_110":
        return f"{district}-gaj", f"{AREA_NAMES[district]}公安分局"
    if destination == "FIRE_119":
        return "119", "市消防救援支队"
    if destination == "MEDICAL_120":
        return "120", "市急救指挥中心"
    for code, _, suffix, name in NON_POLICE:
        if code == category:
            return f"{district}-{suffix}", f"{AREA_NAMES[district]}{name}"
    return f"{district}-zwfw", f"{AREA_NAMES[district]}政务服务中心"


def _ticket(rng, log, call, channel, district, category, destination, classified):
    ticket = f"T-{call}-{destination[-3:]}"
    department, name = _department(category, district, destination)
    created = classified + dt.timedelta(seconds=rng.uniform(0.2, 5))
    emergency = destination != "HOTLINE_12345"
    sign_for = dt.timedelta(minutes=5 if emergency else 30)
    resolve = dt.timedelta(hours=2 if emergency else rng.choice([24, 72, 120]))
    sign_due, resolve_due = created + sign_for, created + resolve
    base = {"ticketId": ticket, "callId": call, "district": district, "category": category, "channel": channel}
    log.add("routing", "ticket.created", ticket, created, departmentId=department, **base,
            attributes={"kind": "WORK_ORDER" if not emergency else "POLICE_HANDOVER", "destination": destination,
                        "priority": "EMERGENCY" if emergency else "NORMAL", "state": "DISPATCHED", "department_name": name,
                        "sign_for_due": _pg(sign_due), "resolve_due": _pg(resolve_due)})
    delivered = created + dt.timedelta(seconds=rng.uniform(0.1, 4))
    log.add("routing", "ticket.delivered", ticket, delivered, ticketId=ticket)
    holder, at = department, delivered
    if not emergency and rng.random() < 0.05:
        at += dt.timedelta(minutes=rng.uniform(5, 60))
        other = rng.choice([item for item in NON_POLICE if item[2] != department.split("-")[-1]])
        new_holder, new_name = f"{district}-{other[2]}", f"{AREA_NAMES[district]}{other[3]}"
        log.add("feedback", "ticket.state_changed", f"{ticket}:returned", at, departmentId=holder, **base,
                attributes={"state": "RETURNED", "previous_state": "ACCEPTED"})
        at += dt.timedelta(minutes=rng.uniform(1, 30))
        sign_due = at + sign_for
        log.add("routing", "ticket.reassigned", f"{ticket}:1", at, departmentId=new_holder, **base,
                attributes={"from_department": holder, "reason": rng.choice(RETURN_REASONS), "returned": "true",
                            "department_name": new_name, "sign_for_due": _pg(sign_due)})
        holder = new_holder
    accepted = at + (sign_for * rng.uniform(0.1, 0.9) if rng.random() < 0.88 else sign_for * rng.uniform(1.1, 3))
    log.add("feedback", "ticket.state_changed", f"{ticket}:accepted", accepted, departmentId=holder, **base,
            attributes={"state": "ACCEPTED", "sign_for_due": _pg(sign_due), "resolve_due": _pg(resolve_due)})
    if not emergency and rng.random() < 0.04:
        resolve_due += dt.timedelta(hours=48)
        log.add("feedback", "ticket.state_changed", f"{ticket}:extended", accepted + dt.timedelta(hours=1), departmentId=holder, **base,
                attributes={"state": "EXTENDED", "resolve_due": _pg(resolve_due)})
    span = resolve_due - created
    late = rng.random() < 0.1
    resolved = created + (span * rng.uniform(0.2, 0.95) if not late else span * rng.uniform(1.05, 1.6))
    if late:
        log.add("feedback", "ticket.overdue", f"{ticket}:resolve", resolve_due, departmentId=holder, **base, attributes={"clock": "resolve"})
    log.add("feedback", "ticket.state_changed", f"{ticket}:resolved", resolved, departmentId=holder, **base,
            attributes={"state": "RESOLVED", "resolve_due": _pg(resolve_due)})
    if emergency or rng.random() > 0.85:
        return
    satisfaction = _weighted(rng, [("SATISFIED", 72), ("BASICALLY_SATISFIED", 16), ("NOT_SATISFIED", 7), ("UNREACHABLE", 5)])[0]
    objects = channel == "CHANNEL_110" and rng.random() < 0.03
    state = "REOPENED" if satisfaction == "NOT_SATISFIED" else "CALLBACK_DONE"
    log.add("feedback", "callback.recorded", f"{ticket}:callback", resolved + dt.timedelta(hours=rng.uniform(1, 20)), departmentId=holder,
            **base, attributes={"satisfaction": satisfaction, "objects_to_diversion": str(objects).lower(), "state": state})


def _headers(key_variable):
    """JSON, and a key of the running stack when one is in the environment (scripts/bench exports
    keys.env; the browser test runs reporting without keys)."""
    headers = {"Content-Type": "application/json"}
    if os.environ.get(key_variable):
        headers["Authorization"] = "Bearer " + os.environ[key_variable]
    return headers


def batches(events, max_bytes=60_000, max_events=500):
    """Splits events into IngestEvents bodies within the service's body and count limits."""
    batch, size = [], 20
    for event in events:
        encoded = json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode()
        if batch and (size + len(encoded) + 1 > max_bytes or len(batch) >= max_events):
            yield batch
            batch, size = [], 20
        batch.append(encoded)
        size += len(encoded) + 1
    if batch:
        yield batch


def post(base_url, events, threads=4):
    """Sends events to reporting's IngestEvents; returns (accepted, duplicates)."""
    work = list(batches(events))
    totals = {"accepted": 0, "duplicates": 0}
    lock = threading.Lock()

    def send():
        while True:
            with lock:
                if not work:
                    return
                batch = work.pop()
            body = b'{"events":[' + b",".join(batch) + b"]}"
            request = urllib.request.Request(
                base_url.rstrip("/") + "/fenliu.reporting.v1.ReportingService/IngestEvents", data=body,
                headers=_headers("FENLIU_SERVICE_KEY_INTAKE"), method="POST")
            for attempt in range(6):
                try:
                    with urllib.request.urlopen(request, timeout=120) as response:
                        answer = json.loads(response.read() or b"{}")
                    break
                except urllib.error.HTTPError as error:
                    # Two batches about one ticket can deadlock in PostgreSQL; the batch is applied
                    # once per event id, so sending it again is safe.
                    if attempt == 5 or error.code not in (409, 500, 503):
                        raise
                    time.sleep(0.2 * (attempt + 1))
            with lock:
                totals["accepted"] += answer.get("accepted", 0)
                totals["duplicates"] += answer.get("duplicates", 0)

    workers = [threading.Thread(target=send) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return totals["accepted"], totals["duplicates"]


def call(base_url, method, request):
    """A Connect unary call to reporting, JSON in and out."""
    http = urllib.request.Request(
        base_url.rstrip("/") + "/fenliu.reporting.v1.ReportingService/" + method, data=json.dumps(request).encode(),
        headers=_headers("FENLIU_KEY_ADMIN" if method == "RebuildMonth" else "FENLIU_KEY_REPORTING"), method="POST")
    with urllib.request.urlopen(http, timeout=1800) as response:
        return json.loads(response.read() or b"{}")


def months_before(month, count):
    """`count` months ending with `month`, oldest first."""
    year, number = (int(part) for part in month.split("-"))
    result = []
    for _ in range(count):
        result.append(f"{year:04d}-{number:02d}")
        number -= 1
        if number == 0:
            year, number = year - 1, 12
    return list(reversed(result))
