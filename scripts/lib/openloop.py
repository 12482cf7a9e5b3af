"""Open-loop load for scripts/bench: SubmitCall at rates fixed in advance, never slowed by the
server (a call is due at start + i/rate and its latency counts from then, so a server that falls
behind shows it), over keep-alive connections from one asyncio loop (the generator is not the
bottleneck at these rates: it idles most of the time). End to end: from the moment a call was due
until its ticket reached the stand-in destination, read from the receiver's journal.

Latencies go into a log-linear histogram (HDR style: 2 significant digits, 1 µs to 100 s), so
percentiles cost nothing however long the run.

usage: openloop.py INTAKE_URL JOURNAL RATES SECONDS [CONNECTIONS]
  RATES      comma-separated calls/s, one step each (e.g. 50,100,200)
prints one line per step on standard error and the JSON summary on standard output.
"""

import asyncio
import json
import math
import os
import sys
import time
import urllib.parse

from journal import journal_body

TEXTS = [
    ("CHANNEL_110", "报警人称：{place}路口路灯坏了一个星期，晚上很黑，请求维修。"),
    ("CHANNEL_12345", "来电人反映：{place}门口烧烤摊占道经营到凌晨，油烟很大。"),
    ("CHANNEL_12345", "来电人反映：在{place}的建筑工地做工，老板拖欠工人工资三个月。"),
    ("CHANNEL_110", "报警人称：{place}楼上邻居装修噪音很大，双方只是口角，未动手。"),
    ("CHANNEL_110", "报警人称：在{place}公交站手机被偷。"),
]
DISTRICTS = ["510104", "510105", "510106", "510107", "510108", "510112", "510113", "510114", "510115", "510116", "510117",
             "510118", "510121", "510129", "510131", "510181", "510182", "510183", "510184", "510185"]
# Road names from two characters each, so calls are about many different places: a bench of calls
# about the same few places would mostly be linked as repeat calls and open no tickets.
SYLLABLES = "东西南北金银青红龙凤华光明新安和平兴顺福寿星月春秋松竹梅兰玉石天府锦蜀文武"


def place(index):
    a = SYLLABLES[index % len(SYLLABLES)]
    b = SYLLABLES[(index // len(SYLLABLES)) % len(SYLLABLES)]
    return f"{a}{b}{'路街巷道'[(index // 1600) % 4]}{1 + index % 97}号"


class Histogram:
    """Log-linear buckets: 100 per power of ten, from 1 µs."""

    def __init__(self):
        self.counts = {}
        self.total = 0
        self.maximum = 0.0

    def record(self, seconds):
        value = max(seconds, 1e-6)
        bucket = int(math.floor(math.log10(value / 1e-6) * 100))
        self.counts[bucket] = self.counts.get(bucket, 0) + 1
        self.total += 1
        self.maximum = max(self.maximum, value)

    def percentile(self, p):
        if not self.total:
            return 0.0
        wanted = math.ceil(self.total * p / 100)
        seen = 0
        for bucket in sorted(self.counts):
            seen += self.counts[bucket]
            if seen >= wanted:
                return 1e-6 * 10 ** ((bucket + 1) / 100)
        return self.maximum


class Connection:
    def __init__(self, host, port):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def post(self, path, body, headers):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        head = f"POST {path} HTTP/1.1\r\nHost: {self.host}\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        head += "".join(f"{name}: {value}\r\n" for name, value in headers.items()) + "\r\n"
        self.writer.write(head.encode() + body)
        try:
            status_line = await self.reader.readline()
            status = int(status_line.split()[1])
            length = 0
            while True:
                line = await self.reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            payload = await self.reader.readexactly(length) if length else b""
            return status, payload
        except Exception:
            self.writer.close()
            self.writer = None
            raise


async def step(url, keys, rate, seconds, connections, offset):
    parsed = urllib.parse.urlparse(url)
    pool = asyncio.Queue()
    for _ in range(connections):
        pool.put_nowait(Connection(parsed.hostname, parsed.port))
    accept = Histogram()
    due_of = {}   # call id → when it was due (wall clock)
    repeats = {}
    failures = 0
    refused = {}
    count = int(rate * seconds)
    start = time.monotonic()
    wall = time.time()

    async def one(index):
        nonlocal failures
        due = start + index / rate
        channel, text = TEXTS[index % len(TEXTS)]
        where = place(offset + index)
        body = json.dumps({
            "channel": channel, "externalId": f"bench-{offset + index}",
            "receivedAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "callerPhone": f"138{(offset + index) % 100000000:08d}", "district": DISTRICTS[(offset + index) % len(DISTRICTS)],
            "address": where, "description": text.format(place=where), "operatorId": "bench",
        }).encode()
        key = keys["FENLIU_KEY_" + channel.split("_", 1)[1]]
        connection = await pool.get()
        try:
            status, payload = await connection.post("/fenliu.intake.v1.IntakeService/SubmitCall", body, {"Authorization": "Bearer " + key})
            if status == 200:
                accept.record(time.monotonic() - due)
                call = json.loads(payload)["call"]
                # A call linked as a repeat reuses its incident's tickets: no new ticket to wait for.
                if call.get("duplicateOf"):
                    repeats[call["id"]] = call["duplicateOf"]
                else:
                    due_of[call["id"]] = wall + index / rate
            else:
                failures += 1
                refused[status] = refused.get(status, 0) + 1
        except Exception as error:
            failures += 1
            refused[type(error).__name__] = refused.get(type(error).__name__, 0) + 1
        finally:
            pool.put_nowait(connection)

    tasks = []
    for index in range(count):
        delay = start + index / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.ensure_future(one(index)))
    await asyncio.gather(*tasks)
    elapsed = time.monotonic() - start
    return accept, due_of, repeats, failures, refused, count, elapsed


def end_to_end(journal, due_of, repeats, wait):
    """Waits up to `wait` seconds for every call's first ticket at the receiver; returns the latencies and the calls still
    without one. A repeat call (`repeats`: its id → the incident's first call) that reaches routing before its first
    call is the one routing opens the incident's ticket for: that ticket arrives under the repeat's id, and counts for
    the first call."""
    e2e = Histogram()
    deadline = time.time() + wait
    arrived = {}
    position = 0
    while time.time() < deadline and len(arrived) < len(due_of):
        with open(journal, encoding="utf-8") as file:
            file.seek(position)
            while True:
                line = file.readline()
                if not line.endswith("\n"):
                    break  # the receiver is still writing this one: read it next time
                position = file.tell()
                entry = json.loads(line)
                body = journal_body(entry)
                call = body.get("callId")
                call = repeats.get(call, call)
                if call in due_of and call not in arrived and body.get("event") == "ticket.dispatched":
                    arrived[call] = entry["at"]
        time.sleep(0.5)
    for call, at in arrived.items():
        e2e.record(at - due_of[call])
    return e2e, sorted(set(due_of) - set(arrived))


def main():
    url, journal, rates, seconds = sys.argv[1], sys.argv[2], [float(r) for r in sys.argv[3].split(",")], float(sys.argv[4])
    connections = int(sys.argv[5]) if len(sys.argv) > 5 else 64
    keys = {name: value for name, value in os.environ.items() if name.startswith("FENLIU_KEY_")}
    results = []
    offset = int(time.time()) * 1000
    for rate in rates:
        accept, due_of, linked, failures, refused, count, elapsed = asyncio.run(step(url, keys, rate, seconds, connections, offset))
        offset += count
        repeats = len(linked)
        e2e, late = end_to_end(journal, due_of, linked, 60)
        missing = len(late)
        result = {
            "rate": rate, "sent": count, "accepted": len(due_of) + repeats, "repeats": repeats, "failed": failures, "refused": refused,
            "seconds": round(elapsed, 1), "achieved": round((len(due_of) + repeats) / elapsed, 1),
            "acceptP50Ms": round(accept.percentile(50) * 1000, 1), "acceptP99Ms": round(accept.percentile(99) * 1000, 1),
            "acceptP999Ms": round(accept.percentile(99.9) * 1000, 1),
            "e2eP50Ms": round(e2e.percentile(50) * 1000, 1), "e2eP99Ms": round(e2e.percentile(99) * 1000, 1), "e2eMissing": missing,
        }
        results.append(result)
        print(f"  {rate:6.0f} calls/s offered: {result['achieved']:6.1f} accepted/s, {failures} failed{' ' + str(refused) if refused else ''}, {repeats} linked as repeats; accept p50 "
              f"{result['acceptP50Ms']} ms p99 {result['acceptP99Ms']} ms p99.9 {result['acceptP999Ms']} ms; "
              f"intake → ticket at the destination p50 {result['e2eP50Ms']} ms p99 {result['e2eP99Ms']} ms"
              + (f" ({missing} not arrived in 60 s: {', '.join(late[:5])})" if missing else ""), file=sys.stderr, flush=True)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
