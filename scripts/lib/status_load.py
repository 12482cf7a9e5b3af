"""Load driver for scripts/bench: state changes at a fixed rate, and how soon subscribers have them.

Subscribes a stand-in system to the 110 and 12345 channels, then reports ACCEPTED, IN_PROGRESS
and RESOLVED on the tickets the diversion phase created, open loop at a fixed rate (each change is
sent at its scheduled time, however slowly the service answers). The latency of a change is from
the event's occurredAt (feedback's clock, just before it commits) to the moment the stand-in
receiver took the signed notice (receivedAt; it answers at once). Standard library only.
"""
import concurrent.futures
import datetime
import json
import os
import sys
import threading
import time
import urllib.request


def post(url, body, timeout=30):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json",
                                              # The stack's supervisor key (scripts/bench exports keys.env).
                                              "Authorization": "Bearer " + os.environ.get("FENLIU_KEY_SUPERVISOR", "")})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read() or b"{}")


def get(url, timeout=30):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.loads(response.read() or b"[]")


def parse(stamp):
    main, _, fraction = stamp.rstrip("Z").partition(".")
    moment = datetime.datetime.strptime(main, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=datetime.timezone.utc)
    return moment + datetime.timedelta(microseconds=int((fraction + "000000")[:6]) if fraction else 0)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    feedback, routing, receiver, secret = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    rate, seconds = float(sys.argv[5]), float(sys.argv[6])
    system = f"bench-status-{int(time.time())}"
    for channel in ["CHANNEL_110", "CHANNEL_12345"]:
        post(feedback + "/fenliu.feedback.v1.FeedbackService/Subscribe",
             {"url": f"{receiver}/{system}", "secret": secret, "channel": channel})

    tickets, token = [], ""
    while True:
        page = post(routing + "/fenliu.routing.v1.RoutingService/ListTickets",
                    {"pageSize": 500, "pageToken": token, "status": "DISPATCHED"})
        tickets += [(t["id"], t["departmentId"]) for t in page.get("tickets", [])]
        token = page.get("nextPageToken", "")
        if not token:
            break
    total = int(rate * seconds)
    steps = [("ACCEPTED", ""), ("IN_PROGRESS", "处置中"), ("RESOLVED", "已办结")]
    per_round = max(1, min(len(tickets), total // len(steps) + 1))
    plan = [(step, tickets[i]) for step in steps for i in range(per_round)][:total]
    if len(plan) < total:
        print(f"only {len(tickets)} dispatched tickets: {len(plan)} changes instead of {total}")

    errors = []
    lock = threading.Lock()
    start = time.monotonic() + 0.5

    def send(index):
        (state, note), (ticket, holder) = plan[index]
        delay = start + index / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        try:
            post(feedback + "/fenliu.feedback.v1.FeedbackService/ReportStatus",
                 {"ticketId": ticket, "state": state, "note": note, "actor": holder, "eventId": f"{system}-{index}"})
        except Exception as error:  # an illegal change (a ticket moved meanwhile) is counted, not fatal
            with lock:
                errors.append(str(error))

    with concurrent.futures.ThreadPoolExecutor(32) as pool:
        list(pool.map(send, range(len(plan))))
    sent = time.monotonic() - start
    expected = len(plan) - len(errors)
    deliveries, deadline = [], time.monotonic() + 60
    while time.monotonic() < deadline:
        deliveries = get(f"{receiver}/{system}")
        if len(deliveries) >= expected:
            break
        time.sleep(0.5)
    spans = []
    for delivery in deliveries:
        event = (delivery.get("body") or {}).get("event", {})
        if event.get("eventId", "").startswith(system):
            spans.append((parse(delivery["receivedAt"]) - parse(event["occurredAt"])).total_seconds() * 1000)
    print(f"sent {len(plan)} state changes at {len(plan) / sent:.0f}/s ({len(errors)} refused); "
          f"{len(spans)} reached the subscriber")
    if spans:
        print(f"state change committed -> subscriber acknowledged: p50 {percentile(spans, 50):.0f} ms, "
              f"p99 {percentile(spans, 99):.0f} ms, max {max(spans):.0f} ms")


if __name__ == "__main__":
    main()
