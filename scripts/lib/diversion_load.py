"""Load driver for scripts/bench: sends calls to intake and waits until routing has their tickets.

Uses only the standard library, so it runs wherever scripts/bench does. Prints submit latency
percentiles, submit throughput, and how long each call took from submission to its first ticket
(intake -> outbox -> classification -> outbox -> routing, over real HTTP).
"""
import concurrent.futures
import datetime
import json
import os
import sys
import time
import urllib.request

DESCRIPTIONS = [
    ("CHANNEL_110", "报警人称：{n}号路口路灯坏了一个星期，晚上很黑，请求维修。"),
    ("CHANNEL_12345", "来电人反映：小区门口烧烤摊占道经营到凌晨{n}点，油烟很大。"),
    ("CHANNEL_12345", "来电人反映：在某建筑工地做工，老板拖欠{n}名工人工资三个月。"),
    ("CHANNEL_110", "报警人称：楼上邻居装修噪音很大，双方只是口角，未动手，第{n}次反映。"),
    ("CHANNEL_12345", "来电人反映：{n}栋三楼冒出浓烟，好像着火了，有老人被困。"),
    ("CHANNEL_110", "报警人称：在{n}路公交车上手机被偷。"),
]
DISTRICTS = ["510104", "510105", "510106", "510107", "510108", "510112", "CDGX", "TFXQ"]


def post(url, body, timeout=30):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json",
                                              # The stack's supervisor key (scripts/bench exports keys.env).
                                              "Authorization": "Bearer " + os.environ.get("FENLIU_KEY_SUPERVISOR", "")})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read() or b"{}")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    intake, routing, count, concurrency = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    run = str(int(time.time()))
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def submit(i):
        channel, text = DESCRIPTIONS[i % len(DESCRIPTIONS)]
        body = {"channel": channel, "externalId": f"bench-{run}-{i}", "receivedAt": now,
                "callerName": "测试", "callerPhone": f"139{i:08d}", "district": DISTRICTS[i % len(DISTRICTS)],
                "address": f"第{i}号", "description": text.format(n=i)}
        start = time.monotonic()
        answer = post(intake + "/fenliu.intake.v1.IntakeService/SubmitCall", body)
        call = answer["call"]
        return call["id"], start, time.monotonic() - start, call["createdAt"], call.get("duplicateOf", "")

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(submit, range(count)))
    submit_seconds = time.monotonic() - started
    latencies = [r[2] * 1000 for r in results]
    print(f"submitted {count} calls with {concurrency} clients in {submit_seconds:.1f} s: "
          f"{count / submit_seconds:.0f} calls/s; SubmitCall p50 {percentile(latencies, 50):.1f} ms, "
          f"p95 {percentile(latencies, 95):.1f} ms, p99 {percentile(latencies, 99):.1f} ms")

    # Latency from the services' own clocks: the call's createdAt (intake committed it) to its first
    # ticket's createdAt (routing committed it), so the polling below does not distort it.
    # A call intake linked to an earlier one (重复来电) reuses that call's tickets, so only first calls count.
    created = {r[0]: parse(r[3]) for r in results if not r[4]}
    print(f"linked as repeat calls: {count - len(created)}")
    first_ticket = {}
    deadline = time.monotonic() + 300
    quiet_rounds = 0
    while len(first_ticket) < len(created) and time.monotonic() < deadline and quiet_rounds < 10:
        before = len(first_ticket)
        token = ""
        while True:
            page = post(routing + "/fenliu.routing.v1.RoutingService/ListTickets", {"pageSize": 500, "pageToken": token})
            for ticket in page.get("tickets", []):
                if ticket.get("callId") in created:
                    at = parse(ticket["createdAt"])
                    first_ticket[ticket["callId"]] = min(at, first_ticket.get(ticket["callId"], at))
            token = page.get("nextPageToken", "")
            if not token:
                break
        # Calls held in classification's review queue never get a ticket; stop once nothing moves.
        quiet_rounds = quiet_rounds + 1 if len(first_ticket) == before else 0
        time.sleep(0.5)
    spans = [(first_ticket[c] - created[c]).total_seconds() * 1000 for c in first_ticket]
    if spans:
        print(f"routed {len(spans)}/{len(created)} first calls; intake commit to first ticket commit: "
              f"p50 {percentile(spans, 50):.0f} ms, p95 {percentile(spans, 95):.0f} ms, max {max(spans):.0f} ms")
    print(f"without a ticket when the run ended (held for review, or not yet routed): {len(created) - len(spans)}")


def parse(stamp):
    """RFC 3339 with up to nanoseconds, as proto3 JSON writes timestamps."""
    main, _, fraction = stamp.rstrip("Z").partition(".")
    moment = datetime.datetime.strptime(main, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=datetime.timezone.utc)
    return moment + datetime.timedelta(microseconds=int((fraction + "000000")[:6]) if fraction else 0)

if __name__ == "__main__":
    main()
