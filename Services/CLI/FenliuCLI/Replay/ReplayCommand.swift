import ArgumentParser
import FenliuModel
import Foundation
import RPC
import ServiceSupport
import SwiftProtobuf

#if canImport(Glibc)
    import Glibc
#endif

/// `fenliu replay`: a realistic day streamed through the running stack, sped up, with a progress
/// bar; the departments, 110, 119, 120 and the 12345 centre are simulated so tickets reach every
/// state. At the end, the day's summary and the dashboard's address.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Stream a realistic day of calls through the running stack, with simulated departments and callbacks.",
        discussion: """
            Calls arrive on the daily curve of a city hotline with the seed's mix (about 40% of 110's \
            calls are not police matters), repeat calls, Sichuanese and Traditional records. At --speed \
            100 a day takes 14.4 minutes. Deadlines are the stack's: scripts/up --demo starts a stack \
            whose deadlines are shortened by the same factor, so tickets also go overdue and escalate.
            """)
    @Option(name: .long, help: "Calls in the day (Chengdu's 110 alone takes about 15,000).") var calls = 15_000
    @Option(name: .long, help: "How much faster than real time.") var speed: Double = 100
    @Option(name: .long, help: "Replay only the first hours of the day.") var hours: Double = 24
    @Option(name: .long, help: "The same day for the same seed.") var seed: UInt64 = 1
    @Option(name: .long, help: "Calls in flight at once.") var concurrency = 8
    @Option(name: .long, help: "After the last call, wait this many real seconds at most for tickets to finish (default: 8 simulated hours).")
    var drain: Double?
    @Flag(name: .long, help: "Do not simulate departments and callbacks (tickets stay where routing put them).") var noDepartments = false
    @Flag(name: .long, help: "Print the summary as JSON.") var json = false

    func validate() throws {
        guard calls > 0, calls <= 1_000_000 else { throw ValidationError("--calls must be 1 to 1,000,000") }
        guard speed > 0 else { throw ValidationError("--speed must be positive") }
        guard hours > 0, hours <= 24 else { throw ValidationError("--hours must be more than 0 and at most 24") }
        guard concurrency > 0, concurrency <= 256 else { throw ValidationError("--concurrency must be 1 to 256") }
    }

    func run() async throws {
        try await withStack { stack in
            var lineKeys = [Fenliu_Common_V1_Channel: String]()
            for channel: Fenliu_Common_V1_Channel in [.channel110, .channel12345, .channel119, .channel120] {
                lineKeys[channel] = try stack.key(nil, default: "FENLIU_KEY_" + Names.channel(channel))
            }
            let supervisor = try stack.key(nil, default: "FENLIU_KEY_SUPERVISOR")
            // Fail at once, in words, when the stack is not there.
            _ = try await stack.call(.feedback, key: supervisor, FeedbackAPI.listTickets, .with { $0.pageSize = 1 })

            let plan = DayPlan(calls: calls, seed: seed, hours: hours)
            // The day replayed is yesterday (Chengdu time): each call is received at its moment of that
            // day, so the repeat-call windows and the figures see the day as it was, however fast it runs.
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
            let yesterday = calendar.startOfDay(for: Date()).addingTimeInterval(-86_400)
            let tally = ReplayTally(planned: plan.calls)
            let started = ContinuousClock.now
            let dayStart = Date()
            let simulator = noDepartments ? nil : DepartmentSimulator(stack: stack, key: supervisor, speed: speed, tally: tally, since: dayStart)
            let progress = ProgressLine(total: plan.calls.count, speed: speed, dayLength: hours * 3600, tally: tally, started: started)

            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await progress.run() }
                if let simulator { group.addTask { await simulator.run() } }
                // Open loop: each call goes when it is due, however slowly the earlier ones are answered.
                try await withThrowingTaskGroup(of: Void.self) { submits in
                    var inFlight = 0
                    for call in plan.calls {
                        try await Task.sleep(until: started + .seconds(call.offset / speed), clock: .continuous)
                        if inFlight >= concurrency {
                            try await submits.next()
                            inFlight -= 1
                        }
                        inFlight += 1
                        let key = lineKeys[call.channel] ?? supervisor
                        let receivedAt = yesterday.addingTimeInterval(call.offset)
                        submits.addTask { await Self.submit(call, receivedAt: receivedAt, stack: stack, key: key, tally: tally) }
                    }
                    try await submits.waitForAll()
                }
                await tally.markSubmitted()
                // Let the simulated day finish: tickets settle or the drain time runs out.
                let limit = ContinuousClock.now + .seconds(drain ?? max(8 * 3600 / speed, 10))
                while ContinuousClock.now < limit, simulator != nil, !(await tally.isSettled) {
                    try await Task.sleep(for: .milliseconds(500))
                }
                if let simulator { await simulator.stop() }
                await progress.stop()
                group.cancelAll()
            }
            let summary = await tally.summary(elapsed: ContinuousClock.now - started, speed: speed)
            if json {
                print(summary.json)
            } else {
                summary.print()
                print("the dashboard: \(stack.url(.reporting))/  ·  fenliu bulletin  ·  fenliu call <id> for any call above")
            }
        }
    }

    /// Submits one call; a call that got no answer is sent again with the same external id, so it
    /// is taken once.
    static func submit(_ call: DayPlan.Call, receivedAt: Date, stack: Stack, key: String, tally: ReplayTally) async {
        let request = Fenliu_Intake_V1_SubmitCallRequest.with {
            $0.channel = call.channel
            $0.externalID = call.externalID
            $0.receivedAt = Google_Protobuf_Timestamp(date: receivedAt)
            $0.description_p = call.text
            $0.district = call.district
            $0.address = call.address
            $0.callerPhone = call.phone
            $0.operatorID = "replay"
        }
        let start = ContinuousClock.now
        for attempt in 0..<6 {
            do {
                let response = try await stack.client(.intake, key: key).call(IntakeAPI.submitCall, request)
                await tally.taken(call, id: response.call.id, duplicateOf: response.call.duplicateOf, latency: ContinuousClock.now - start)
                return
            } catch let error as ConnectError where [.unavailable, .deadlineExceeded, .resourceExhausted].contains(error.code) && attempt < 5 {
                try? await Task.sleep(for: .milliseconds(200 << attempt))
            } catch {
                await tally.refused(call, reason: "\(error)")
                return
            }
        }
    }
}

/// What happened during the replay, for the progress line and the summary.
actor ReplayTally {
    private var expectedByExternal = [String: DayPlan.Call]()
    private(set) var submitted = 0
    private(set) var taken = 0
    private var repeats = 0
    private var refusals = [String]()
    private var latencies = [Double]()
    private var callsByID = [String: DayPlan.Call]()
    private var submittingDone = false

    private(set) var tickets = [String: Fenliu_Feedback_V1_Ticket]()
    private var statesReached = [String: Set<String>]()  // state → tickets
    private var overdue = Set<String>()
    private var escalated = Set<String>()
    private var finished = Set<String>()
    private(set) var actions = 0
    private var actionFailures = [String: Int]()

    init(planned: [DayPlan.Call]) {}

    func taken(_ call: DayPlan.Call, id: String, duplicateOf: String, latency: Duration) {
        submitted += 1
        taken += 1
        if !duplicateOf.isEmpty { repeats += 1 }
        callsByID[id] = call
        latencies.append(Double(latency.components.attoseconds) / 1e15 + Double(latency.components.seconds) * 1000)
    }

    func refused(_ call: DayPlan.Call, reason: String) {
        submitted += 1
        if refusals.count < 5 { refusals.append(reason) }
    }

    func markSubmitted() { submittingDone = true }

    /// Whether a ticket of this call or incident came from this replay.
    func isOurs(callID: String, incidentID: String) -> Bool { callsByID[callID] != nil || callsByID[incidentID] != nil }

    func ticketSeen(_ ticket: Fenliu_Feedback_V1_Ticket) { tickets[ticket.id] = ticket }

    func reached(_ state: String, ticket: String) {
        statesReached[state, default: []].insert(ticket)
        // A work order ends closed after its callback; police tickets and alerts end resolved.
        let isWorkOrder = tickets[ticket].map { $0.kind == .workOrder } ?? true
        if state == "CLOSED" || state == "RESOLVED" && !isWorkOrder { finished.insert(ticket) }
    }

    func wentOverdue(_ ticket: String) { overdue.insert(ticket) }
    func escalated(_ ticket: String) { escalated.insert(ticket) }

    func acted(failure: String?) {
        actions += 1
        if let failure { actionFailures[failure, default: 0] += 1 }
    }

    /// Every call taken and every ticket closed.
    var isSettled: Bool { submittingDone && !tickets.isEmpty && tickets.keys.allSatisfy { finished.contains($0) } }

    var snapshot: (submitted: Int, tickets: Int, closed: Int, overdue: Int) { (submitted, tickets.count, finished.count, overdue.count) }

    struct Summary: Sendable {
        var lines: [String]
        /// The same, as a JSON object.
        var json: String

        func print() { for line in lines { Swift.print(line) } }
    }

    func summary(elapsed: Duration, speed: Double) -> Summary {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let plannedRepeats = callsByID.values.count(where: \.isRepeat)
        var byChannel = [String: Int]()
        for call in callsByID.values { byChannel[Names.channel(call.channel), default: 0] += 1 }
        // What happened to each call, by what the generator meant it to be.
        var ticketsByCall = [String: [Fenliu_Feedback_V1_Ticket]]()
        for ticket in tickets.values { ticketsByCall[ticket.callID, default: []].append(ticket) }
        var nonPolice110 = 0
        var diverted110 = 0
        var handedTo110 = 0
        var dangerMissed = 0
        for (id, call) in callsByID where !call.isRepeat {
            let kinds = Set((ticketsByCall[id] ?? []).map(\.kind))
            guard !kinds.isEmpty else { continue }
            if call.channel == .channel110, call.expected == "non-police" {
                nonPolice110 += 1
                if kinds == [.workOrder] { diverted110 += 1 }
            }
            if call.channel == .channel12345, kinds.contains(.policeTicket) { handedTo110 += 1 }
            if call.expected != "non-police", !kinds.contains(.policeTicket), !kinds.contains(.alert) { dangerMissed += 1 }
        }
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        func count(_ state: String) -> Int { statesReached[state]?.count ?? 0 }
        let states = [
            "DISPATCHED", "ACCEPTED", "IN_PROGRESS", "RETURNED", "EXTENSION_REQUESTED", "EXTENDED", "RESOLVED", "REOPENED", "CALLBACK_DONE", "CLOSED",
        ]
        var lines = [String]()
        lines.append("")
        lines.append(String(format: "The day replayed in %.0f s at %.0f× (%.1f calls/s):", seconds, speed, Double(taken) / max(seconds, 0.001)))
        lines.append(
            "  calls taken \(taken) of \(submitted) (\(byChannel.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))), repeats linked \(repeats) (the plan repeats \(plannedRepeats))"
        )
        if !refusals.isEmpty { lines.append("  refused: \(submitted - taken), e.g. \(refusals[0])") }
        lines.append(String(format: "  SubmitCall p50 %.0f ms, p99 %.0f ms", percentile(0.5), percentile(0.99)))
        lines.append(
            "  110's non-police calls diverted to 12345: \(diverted110) of \(nonPolice110)"
                + (nonPolice110 > 0 ? String(format: " (%.0f%%)", Double(diverted110) * 100 / Double(nonPolice110)) : "")
                + " · 12345 → 110 hand-overs \(handedTo110) · danger calls that reached no emergency service \(dangerMissed)")
        lines.append("  tickets \(tickets.count): " + states.map { "\($0.lowercased()) \(count($0))" }.joined(separator: ", "))
        // "done" as the progress line counts it: work orders closed, police tickets and alerts resolved.
        lines.append(
            "  done \(finished.count) (work orders closed, police tickets and alerts resolved), overdue \(overdue.count), escalated \(escalated.count), still open \(tickets.count - finished.count)"
        )
        if !actionFailures.isEmpty {
            lines.append(
                "  simulated actions \(actions), refused (those refused for load were tried again): "
                    + actionFailures.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        var json: [String: Any] = [
            "seconds": seconds, "speed": speed, "submitted": submitted, "taken": taken, "repeats": repeats, "plannedRepeats": plannedRepeats,
            "byChannel": byChannel,
            "submitP50Ms": percentile(0.5), "submitP99Ms": percentile(0.99), "nonPolice110": nonPolice110, "diverted110": diverted110,
            "handedTo110": handedTo110, "dangerMissed": dangerMissed, "tickets": tickets.count, "overdue": overdue.count,
            "escalated": escalated.count, "open": tickets.count - finished.count, "actions": actions, "actionFailures": actionFailures,
        ]
        json["states"] = Dictionary(uniqueKeysWithValues: states.map { ($0, count($0)) })
        let data = (try? JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return Summary(lines: lines, json: String(decoding: data, as: UTF8.self))
    }
}

/// One line on standard error, redrawn twice a second on a terminal (a line every 10 s otherwise).
actor ProgressLine {
    let total: Int
    let speed: Double
    let dayLength: Double
    let tally: ReplayTally
    let started: ContinuousClock.Instant
    private var running = true
    private let isTerminal = isatty(2) == 1

    init(total: Int, speed: Double, dayLength: Double, tally: ReplayTally, started: ContinuousClock.Instant) {
        self.total = total
        self.speed = speed
        self.dayLength = dayLength
        self.tally = tally
        self.started = started
    }

    func run() async {
        var lastPrinted = ContinuousClock.now - .seconds(60)
        while running {
            let now = ContinuousClock.now
            if isTerminal || now - lastPrinted >= .seconds(10) {
                await draw()
                lastPrinted = now
            }
            try? await Task.sleep(for: .milliseconds(500))
        }
    }

    func stop() async {
        running = false
        await draw()
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    private func draw() async {
        let (submitted, tickets, closed, overdue) = await tally.snapshot
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let simulated = min(seconds * speed, dayLength)
        let share = Double(submitted) / Double(max(total, 1))
        let width = 24
        let filled = Int(share * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let remaining = max(dayLength - simulated, 0) / speed
        let clock = String(format: "%02d:%02d", Int(simulated) / 3600, Int(simulated) % 3600 / 60)
        let line = String(
            format: "%@ %@  calls %d/%d  tickets %d  done %d  overdue %d  %.1f calls/s  ETA %dm%02ds", bar, clock, submitted, total, tickets,
            closed, overdue, Double(submitted) / max(seconds, 0.001), Int(remaining) / 60, Int(remaining) % 60)
        FileHandle.standardError.write(Data(((isTerminal ? "\r\u{1B}[2K" : "") + line + (isTerminal ? "" : "\n")).utf8))
    }
}
