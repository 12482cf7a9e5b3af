"""Faults under load, checked like a Jepsen set test (scripts/chaos; a short form runs in scripts/test).

A stack of its own (scripts/up --detach, the receiver journalling every delivery) takes a constant
stream of calls (rates fixed in advance; a client retries an unanswered call with the same
externalId, as the 110 and 12345 systems do) while faults are injected on a schedule: kill -9 of
each service in turn and its restart, an immediate PostgreSQL restart, the stand-in destination
down for a while. After healing, the oracle reads every service's tables and the receiver's journal:

  lost         an acknowledged call without its call row or decision; an incident without a ticket
               its decisions asked for; a ticket never delivered to its holder; a status change that
               never reached the line's subscriber
  duplicated   a call stored twice; two decisions for a call; two tickets for one incident and
               destination; a ticket delivered as two different messages; a notice applied twice
  unexpected   a ticket for a destination no decision asked for, or delivered to another holder
  out-of-order a ticket's status notices arriving out of sequence

and prints `acknowledged N, lost 0, duplicated 0, unexpected 0, out-of-order 0`, exiting 1 otherwise.

usage: chaos.py STATE_DIR --duration S --rate R
"""

import argparse
import collections
import concurrent.futures
import glob
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from journal import journal_body

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SERVICES = ["intake", "classification", "routing", "feedback", "reporting"]

# (line, text, what classification must decide): each is checked with ClassifyText first.
TEMPLATES = [
    ("CHANNEL_110", "来电人反映{place}门口路灯坏了一个星期，晚上很黑，请求维修。", {"HOTLINE_12345"}),
    ("CHANNEL_12345", "来电人称在{place}的工地干了三个月，老板一直拖欠工资不给，要求帮忙讨薪。", {"HOTLINE_12345"}),
    ("CHANNEL_119", "{place}居民楼三楼厨房起火，有一名老人被烧伤。", {"FIRE_119", "MEDICAL_120", "POLICE_110"}),
    ("CHANNEL_110", "报警人称在{place}被人抢了手机，嫌疑人往东边跑了。", {"POLICE_110"}),
]
PLACES = ["锦江区东大街", "青羊区西御街", "金牛区营门口路", "武侯区科华北路", "成华区建设路", "龙泉驿区龙都南路",
          "新都区马超西路", "温江区光华大道", "双流区棠湖路", "郫都区望丛路", "都江堰市幸福大道", "简阳市政府街"]


def log(text):
    print(f"chaos: {text}", file=sys.stderr, flush=True)


def read_env(path):
    values = {}
    for line in open(path, encoding="utf-8"):
        if "=" in line and not line.startswith("#"):
            name, value = line.rstrip("\n").split("=", 1)
            values[name] = value
    return values


class Stack:
    def __init__(self, state):
        self.state = state
        self.env = read_env(os.path.join(state, "stack.env"))
        self.keys = read_env(self.env["FENLIU_KEYS_ENV"])
        self.pg_port = self.env["FENLIU_POSTGRES_PORT"]

    def url(self, service):
        return self.env[f"FENLIU_{service.upper()}_URL"]

    def call(self, service, path, body, key, timeout=5):
        request = urllib.request.Request(self.url(service) + path, json.dumps(body).encode(), {
            "Content-Type": "application/json", "Authorization": "Bearer " + key})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.load(response)

    def sql(self, query):
        # The query goes in on standard input: a long run's lists of call ids outgrow a command line.
        out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", self.pg_port, "-U", "postgres", "-d", "fenliu", "-AtF", "\t",
                              "-v", "ON_ERROR_STOP=1", "-f", "-"],
                             input=query, capture_output=True, text=True, timeout=60)
        if out.returncode != 0:
            raise RuntimeError(out.stderr)
        return [line.split("\t") for line in out.stdout.splitlines() if line]

    # Faults ---------------------------------------------------------------------------------
    def pid(self, name):
        try:
            return int(open(os.path.join(self.state, f"{name}.pid")).read())
        except (OSError, ValueError):
            return None

    def kill(self, name):
        pid = self.pid(name)
        if pid:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        log(f"kill -9 {name} ({pid})")

    def start(self, name):
        # A session of its own, and the pid of the service itself (the script execs it): setsid(1)
        # here would fork, and the pid written down would be the wrong one.
        process = subprocess.Popen(["bash", os.path.join(self.state, "launch", f"{name}.sh")],
                                   stdin=subprocess.DEVNULL, start_new_session=True)
        open(os.path.join(self.state, f"{name}.pid"), "w").write(str(process.pid))
        log(f"started {name} again ({process.pid})")

    def restart_postgres(self):
        # The server started by pg_ctl keeps its output open: give it a file, never this pipe.
        pg_ctl = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))[-1]
        # The folder itself, as fenliu_pg_stop resolves it: in a clone inside a 0700 mktemp folder
        # the state's `postgres` is a link to a cluster in /tmp, and the postgres user cannot pass
        # through the clone's folder to follow it.
        data = os.path.realpath(os.path.join(self.state, "postgres"))
        command = [pg_ctl, "-D", data, "restart", "-m", "immediate", "-w", "-t", "60", "-l", os.path.join(data, "server.log")]
        if os.getuid() == 0:
            command = ["runuser", "-u", "postgres", "--"] + command
        subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60, check=True)
        log("PostgreSQL restarted (immediate)")


class Load:
    """Open loop: call i is due at start + i/rate whatever happened to the others; each is retried
    with its externalId until it is acknowledged."""

    def __init__(self, stack, rate, duration, seed):
        self.stack = stack
        self.rate = rate
        self.duration = duration
        self.random = random.Random(seed)
        self.acked = {}        # externalId → (call id, template index)
        self.refused = []      # (externalId, status, body): a 4xx that is not a retryable answer
        self.attempts = 0
        self.retries = 0
        self.lock = threading.Lock()
        self.give_up_at = None

    def submit(self, index, template, place):
        line, text, _ = TEMPLATES[template]
        external = f"chaos-{index}"
        # One receivedAt for every attempt: a retry is the same call, not different content.
        received = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        body = {"channel": line, "externalId": external, "receivedAt": received, "callerPhone": f"139{index:08d}", "address": place,
                "description": text.format(place=place), "operatorId": "chaos"}
        key = self.stack.keys["FENLIU_KEY_" + line.split("_", 1)[1]]
        while time.monotonic() < self.give_up_at:
            with self.lock:
                self.attempts += 1
            try:
                answer = self.stack.call("intake", "/fenliu.intake.v1.IntakeService/SubmitCall", body, key, timeout=5)
                with self.lock:
                    self.acked[external] = (answer["call"]["id"], template)
                return
            except urllib.error.HTTPError as error:
                if error.code not in (408, 429, 500, 502, 503, 504):
                    with self.lock:
                        self.refused.append((external, error.code, error.read().decode(errors="replace")[:200]))
                    return
            except Exception:
                pass
            with self.lock:
                self.retries += 1
            time.sleep(0.3 + self.random.random() * 0.5)

    def run(self):
        count = int(self.rate * self.duration)
        start = time.monotonic()
        self.give_up_at = start + self.duration + 120
        with concurrent.futures.ThreadPoolExecutor(max_workers=64) as pool:
            for index in range(count):
                delay = start + index / self.rate - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                template = index % len(TEMPLATES)
                place = f"{PLACES[index % len(PLACES)]}{1 + index // len(PLACES)}号"
                pool.submit(self.submit, index, template, place)
        return count


def faults(stack, duration, stop):
    """The schedule, spread over the stream; every fault heals before the stream ends. With
    replicas behind nginx, first one replica of every service dies at once (the others carry on),
    then each other replica in turn once its twin is back, so both kinds of death are seen."""
    step = duration / 10
    schedule = []
    replicated = os.path.exists(os.path.join(stack.state, "intake-1.pid"))
    if replicated:
        for service in SERVICES:
            schedule.append((step * 1, "kill", f"{service}-1"))
            schedule.append((step * 3, "start", f"{service}-1"))
        for offset, service in enumerate(SERVICES):
            schedule.append((step * (3.5 + offset * 0.5), "kill", f"{service}-2"))
            schedule.append((step * (3.5 + offset * 0.5) + min(2, step / 3), "start", f"{service}-2"))
    else:
        for offset, service in enumerate(SERVICES):
            schedule.append((step * (1 + offset), "kill", service))
            schedule.append((step * (1 + offset) + min(3, step / 2), "start", service))
    schedule.append((step * 6.5, "postgres", None))
    schedule.append((step * 7.5, "kill", "receiver"))
    schedule.append((step * 8.5, "start", "receiver"))
    schedule.sort(key=lambda entry: entry[0])
    start = time.monotonic()
    for at, action, name in schedule:
        while time.monotonic() < start + at:
            if stop.is_set():
                return
            time.sleep(0.05)
        try:
            if action == "kill":
                stack.kill(name)
            elif action == "start":
                stack.start(name)
            else:
                stack.restart_postgres()
        except Exception as error:  # a fault that could not be injected is a failed run
            log(f"fault {action} {name or ''} failed: {error}")
            raise


def quiescent(stack, acked, limit):
    """Waits until every acknowledged call is decided and no outbox has anything left to send."""
    deadline = time.monotonic() + limit
    ids = [call_id for call_id, _ in acked.values()]
    while time.monotonic() < deadline:
        try:
            decided = int(stack.sql(f"SELECT count(DISTINCT call_id) FROM classification.decisions WHERE call_id::text = ANY('{{{','.join(ids)}}}')")[0][0]) if ids else 0
            pending = 0
            for schema in SERVICES:
                pending += int(stack.sql(f"SELECT count(*) FROM {schema}.outbox WHERE delivered_at IS NULL AND canceled_at IS NULL AND parked_at IS NULL")[0][0])
            if decided == len(ids) and pending == 0:
                return True
            log(f"healing: {decided}/{len(ids)} decided, {pending} messages still to send")
        except Exception as error:
            log(f"healing: {error}")
        time.sleep(3)
    return False


def check(stack, load):
    problems = collections.Counter()
    examples = collections.defaultdict(list)

    def problem(kind, text):
        problems[kind] += 1
        if len(examples[kind]) < 5:
            examples[kind].append(text)

    acked = load.acked
    rows = stack.sql("SELECT id, external_id, coalesce(duplicate_of::text, '') FROM intake.calls WHERE external_id LIKE 'chaos-%'")
    calls_by_external = collections.defaultdict(list)
    incident_of = {}
    for call_id, external, duplicate_of in rows:
        calls_by_external[external].append(call_id)
        incident_of[call_id] = duplicate_of or call_id
    for external, stored in calls_by_external.items():
        if len(stored) > 1:
            problem("duplicated", f"call {external} stored {len(stored)} times")
    for external, (call_id, _) in acked.items():
        if call_id not in calls_by_external.get(external, []):
            problem("lost", f"acknowledged call {external} ({call_id}) is not stored")

    decisions = collections.defaultdict(list)
    for call_id, state, body in stack.sql("SELECT call_id, state, body FROM classification.decisions"):
        decisions[call_id].append((state, json.loads(body)))
    wanted = collections.defaultdict(set)   # incident → destinations its routed calls asked for
    for external, (call_id, template) in acked.items():
        found = decisions.get(call_id, [])
        if not found:
            problem("lost", f"call {external} has no decision")
            continue
        if len(found) > 1:
            problem("duplicated", f"call {external} has {len(found)} decisions")
        state, decision = found[0]
        if state != "PENDING_REVIEW":
            wanted[incident_of.get(call_id, call_id)] |= set(decision.get("destinations", []))

    tickets = stack.sql("SELECT id, incident_id, destination, department_id, channel FROM routing.tickets")
    by_incident = collections.defaultdict(list)
    for ticket_id, incident, destination, department, channel in tickets:
        by_incident[incident].append((ticket_id, destination, department, channel))
    ours = set(incident_of.values())
    for incident in ours:
        have = collections.Counter(destination for _, destination, _, _ in by_incident.get(incident, []))
        for destination in wanted.get(incident, set()):
            if have[destination] == 0:
                problem("lost", f"incident {incident} has no {destination} ticket")
        for destination, count in have.items():
            if count > 1:
                problem("duplicated", f"incident {incident} has {count} {destination} tickets")
            if destination not in wanted.get(incident, set()):
                problem("unexpected", f"incident {incident} has a {destination} ticket no decision asked for")

    journal = []
    path = os.path.join(stack.state, "receiver.jsonl")
    if os.path.exists(path):
        journal = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    deliveries = collections.defaultdict(set)   # ticket → distinct message keys of its dispatch
    delivered_to = collections.defaultdict(set)
    notices = collections.defaultdict(list)     # ticket → notice sequences in arrival order (first time each key)
    seen_keys = set()
    for entry in journal:
        body = journal_body(entry)
        first = entry["key"] not in seen_keys
        seen_keys.add(entry["key"])
        if entry["system"].startswith("status-"):
            event = body.get("event", {})
            if first and event.get("ticketId"):
                notices[event["ticketId"]].append(int(event.get("sequence", 0)))
        elif body.get("ticketId") and body.get("event") == "ticket.dispatched":
            deliveries[body["ticketId"]].add(entry["key"])
            delivered_to[body["ticketId"]].add(entry["system"])
    sequences = dict(stack.sql("SELECT id, sequence FROM feedback.tickets"))
    for incident in ours:
        for ticket_id, destination, department, channel in by_incident.get(incident, []):
            if not deliveries.get(ticket_id):
                problem("lost", f"ticket {ticket_id} ({destination}) never reached {department}")
            elif len(deliveries[ticket_id]) > 1:
                problem("duplicated", f"ticket {ticket_id} was dispatched as {len(deliveries[ticket_id])} different messages")
            if delivered_to.get(ticket_id) and department not in delivered_to[ticket_id]:
                problem("unexpected", f"ticket {ticket_id} went to {sorted(delivered_to[ticket_id])}, not {department}")
            if channel in ("CHANNEL_110", "CHANNEL_12345"):
                received = notices.get(ticket_id, [])
                if received != sorted(received):
                    problem("out-of-order", f"ticket {ticket_id}: notices arrived as {received}")
                if len(received) != len(set(received)):
                    problem("duplicated", f"ticket {ticket_id}: a notice applied twice {received}")
                expected = int(sequences.get(ticket_id, 0))
                if set(received) != set(range(1, expected + 1)):
                    problem("lost", f"ticket {ticket_id}: notices {sorted(set(received))} of 1…{expected}")
    return problems, examples


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("state")
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--rate", type=float, default=8)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    stack = Stack(arguments.state)

    supervisor = stack.keys["FENLIU_KEY_SUPERVISOR"]
    for line, text, destinations in TEMPLATES:
        answer = stack.call("classification", "/fenliu.classification.v1.ClassificationService/ClassifyText",
                            {"description": text.format(place=PLACES[0] + "1号"), "channel": line}, supervisor)
        if set(answer.get("destinations", [])) != destinations:
            sys.exit(f"chaos: the template {text!r} classifies as {answer.get('destinations')}, not {sorted(destinations)}")

    load = Load(stack, arguments.rate, arguments.duration, arguments.seed)
    stop = threading.Event()
    failures = []

    def inject():
        try:
            faults(stack, arguments.duration, stop)
        except Exception as error:
            failures.append(error)

    injector = threading.Thread(target=inject)
    injector.start()
    started = time.monotonic()
    count = load.run()
    stop.set()
    injector.join()
    log(f"stream done: {count} calls in {time.monotonic() - started:.0f} s, {load.attempts} attempts, {load.retries} retried")
    if failures:
        sys.exit(f"chaos: a fault could not be injected: {failures[0]}")
    healed = quiescent(stack, load.acked, float(os.environ.get("FENLIU_CHAOS_SETTLE_S", "240")))
    problems, examples = check(stack, load)
    if load.refused:
        problems["unexpected"] += len(load.refused)
        examples["unexpected"] += [f"call {e} refused {s}: {b}" for e, s, b in load.refused[:5]]
    not_acked = count - len(load.acked)
    for kind, texts in examples.items():
        for text in texts:
            log(f"{kind}: {text}")
    if not healed:
        log("the stack did not settle within 240 s after the stream")
    print(f"acknowledged {len(load.acked)}, lost {problems['lost']}, duplicated {problems['duplicated']}, "
          f"unexpected {problems['unexpected']}, out-of-order {problems['out-of-order']}"
          + (f" (never acknowledged: {not_acked})" if not_acked else ""))
    if sum(problems.values()) or not healed or not_acked:
        sys.exit(1)


if __name__ == "__main__":
    main()
