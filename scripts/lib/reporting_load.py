"""scripts/bench, reporting: a month of about a million events into IngestEvents, then how long the
bulletin, the analyses, the dashboard, the CSV and a rebuild of the month take over them.

usage: reporting_load.py REPORTING_URL EVENTS [MONTH]
"""

import json
import statistics
import sys
import time
import urllib.request

import reporting_events


def timed(function, repeat):
    """Runs `function` `repeat` times; returns the durations in ms, the first (cold) one first."""
    durations = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        durations.append((time.perf_counter() - started) * 1000)
    return durations


def describe(name, durations):
    warm = durations[1:] or durations
    print(f"  {name:<34} first {durations[0]:8.1f} ms   p50 {statistics.median(warm):8.1f} ms   max {max(warm):8.1f} ms   ({len(durations)} runs)")


def get(url):
    with urllib.request.urlopen(url, timeout=300) as response:  # the dashboard and CSVs need no key
        return response.read()


def main():
    base, wanted = sys.argv[1].rstrip("/"), int(sys.argv[2])
    month = sys.argv[3] if len(sys.argv) > 3 else "2026-10"
    chunk_calls = 5000
    sent = accepted = 0
    started = time.perf_counter()
    chunk = 0
    while sent < wanted:
        events = reporting_events.generate(month, chunk_calls, seed=chunk, prefix=f"b{chunk}-")
        events = events[: wanted - sent]
        got, _ = reporting_events.post(base, events, threads=4)
        sent += len(events)
        accepted += got
        chunk += 1
        if chunk % 20 == 0:
            elapsed = time.perf_counter() - started
            print(f"  … {sent:,} events in {elapsed:.0f} s ({sent / elapsed:,.0f}/s)", flush=True)
    elapsed = time.perf_counter() - started
    print(f"ingested {accepted:,} of {sent:,} events for {month} in {elapsed:.1f} s: {sent / elapsed:,.0f} events/s (4 clients, batches ≤ 60 KB)")

    bulletin = reporting_events.call(base, "GetMonthlyBulletin", {"month": month})["bulletin"]
    total = bulletin["total"]
    print(f"the month: {int(total.get('calls', 0)):,} calls, {int(total.get('tickets', 0)):,} tickets, "
          f"{len(bulletin.get('departments', [])):,} departments")
    describe("GetMonthlyBulletin (city)", timed(lambda: reporting_events.call(base, "GetMonthlyBulletin", {"month": month}), 10))
    describe("GetMonthlyBulletin (one district)",
             timed(lambda: reporting_events.call(base, "GetMonthlyBulletin", {"month": month, "district": "510107"}), 10))
    window = {"from": f"{month}-01T00:00:00+08:00", "to": f"{month}-28T00:00:00+08:00"}
    describe("QueryMetrics by day × channel",
             timed(lambda: reporting_events.call(base, "QueryMetrics", dict(window, groupBy=["DAY", "CHANNEL"])), 5))
    describe("ListHotspots", timed(lambda: reporting_events.call(base, "ListHotspots", window), 5))
    describe("ListDisputedMatters", timed(lambda: reporting_events.call(base, "ListDisputedMatters", {"month": month}), 5))
    describe("GetHopLatency", timed(lambda: reporting_events.call(base, "GetHopLatency", {"month": month}), 5))
    describe("dashboard GET /", timed(lambda: get(f"{base}/?month={month}"), 5))
    describe("monthly.csv", timed(lambda: get(f"{base}/reports/monthly.csv?month={month}"), 5))
    describe("tickets.csv", timed(lambda: get(f"{base}/reports/tickets.csv?month={month}"), 3))
    rebuild = {}

    def run_rebuild():
        rebuild.update(reporting_events.call(base, "RebuildMonth", {"month": month}))

    describe("RebuildMonth", timed(run_rebuild, 1))
    print(f"  rebuilt {int(rebuild.get('events', 0)):,} events, {int(rebuild.get('calls', 0)):,} calls, {int(rebuild.get('tickets', 0)):,} tickets")
    after = reporting_events.call(base, "GetMonthlyBulletin", {"month": month})["bulletin"]
    after.pop("computedAt", None)
    bulletin.pop("computedAt", None)
    print("  rebuilt bulletin equals the incremental one:", json.dumps(after, sort_keys=True) == json.dumps(bulletin, sort_keys=True))


if __name__ == "__main__":
    main()
