import ArgumentParser
import FenliuModel
import Foundation
import RPC
import ServiceSupport
import SwiftProtobuf

/// `fenliu submit`: takes a call in on a line, as the line's system would.
struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "Take a call in (key: the line's, FENLIU_KEY_110 / _12345 / _119 / _120).",
        discussion: "Example: fenliu submit --channel 110 --phone 13800138000 --address '锦江区东大街1号' '小区路灯坏了一个星期'")
    @OptionGroup var key: KeyOption
    @OptionGroup var actorOption: ActorOption
    @Argument(help: "What the caller said (the operator's record).") var description: String
    @Option(name: .long, help: "The line: 110, 12345, 119 or 120.") var channel = "110"
    @Option(name: .long, help: "The caller's phone.") var phone: String?
    @Option(name: .long, help: "The caller's name.") var name: String?
    @Option(name: .long, help: "Where: an address in Chengdu.") var address: String?
    @Option(name: .long, help: "The area: a code (510104) or a name (锦江区); recognised from the address when left out.") var district: String?
    @Option(name: .customLong("element"), help: "An inquiry element, key=value (repeat).") var elements: [String] = []
    @Option(name: .long, help: "The line's own id of the call; a retry with the same id is the same call (default: a new one).")
    var externalId: String?
    @Flag(name: .long, help: "Wait for the classification and the tickets, and show the call's timeline.") var wait = false
    @Flag(name: .long, help: "Print JSON.") var json = false

    func run() async throws {
        try await withStack { stack in
            guard let line = Names.channel(parsing: channel), line != .open311 else {
                throw CLIError("--channel must be 110, 12345, 119 or 120")
            }
            let variable = "FENLIU_KEY_" + Names.channel(line)
            let callerKey = try stack.key(key.key, default: variable)
            var parsed = [String: String]()
            for element in elements {
                let parts = element.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw CLIError("--element must be key=value, got \"\(element)\"") }
                parsed[parts[0]] = parts[1]
            }
            let request = Fenliu_Intake_V1_SubmitCallRequest.with {
                $0.channel = line
                $0.externalID = externalId ?? "cli-\(UUID().uuidString.lowercased())"
                $0.receivedAt = Google_Protobuf_Timestamp(date: Date())
                $0.description_p = description
                $0.callerPhone = phone ?? ""
                $0.callerName = name ?? ""
                $0.address = address ?? ""
                $0.district = district ?? ""
                $0.elements = parsed
                $0.operatorID = actorOption.resolved()
            }
            let response = try await stack.call(.intake, key: callerKey, IntakeAPI.submitCall, request)
            let call = response.call
            if !wait {
                if json {
                    print(try response.jsonString())
                } else {
                    print(call.id)
                    printError(
                        "call \(call.id) taken on \(Names.channel(call.channel))\(response.replayed ? " (a retry: the same call)" : "")"
                            + " · \(Names.district(call.district))"
                            + (call.duplicateOf.isEmpty ? "" : " · a repeat of \(call.duplicateOf) (\(call.duplicateReason))"))
                    printError("follow it with: fenliu call \(call.id)")
                }
                return
            }
            // Wait until classification decided and, unless it is held for review, a ticket exists.
            let supervisor = try stack.key(nil, default: "FENLIU_KEY_SUPERVISOR")
            let deadline = ContinuousClock.now + .seconds(30)
            var timeline = try await CallTimeline.load(stack, id: call.id, key: supervisor)
            while ContinuousClock.now < deadline, !timeline.isSettled {
                try await Task.sleep(for: .milliseconds(250))
                timeline = try await CallTimeline.load(stack, id: call.id, key: supervisor)
            }
            if json { timeline.printJSON() } else { timeline.print() }
        }
    }
}

/// `fenliu call ID`: one call's whole story across the five services.
struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call", abstract: "A call's timeline across the five services (key: FENLIU_KEY_SUPERVISOR; personal data masked).")
    @OptionGroup var key: KeyOption
    @Argument(help: "The call's id.") var id: String
    @Flag(name: .long, help: "Print JSON: the call, the decision and every ticket with its history.") var json = false

    func run() async throws {
        try await withStack { stack in
            let timeline = try await CallTimeline.load(stack, id: id, key: try stack.key(key.key, default: "FENLIU_KEY_SUPERVISOR"))
            if json { timeline.printJSON() } else { timeline.print() }
        }
    }
}

/// What each service knows about a call, put in time order. A service that does not answer leaves
/// its part out with a warning; intake not knowing the call is an error.
struct CallTimeline {
    var call: Fenliu_Intake_V1_Call
    var decision: Fenliu_Classification_V1_Decision?
    var tickets = [Fenliu_Feedback_V1_Ticket]()
    var deliveries = [String: Fenliu_Routing_V1_Ticket]()
    /// The tickets this call opened or was attached to, as routing has them: not the incident's
    /// other tickets, which a repeat's timeline also shows.
    var own = [Fenliu_Routing_V1_Ticket]()
    var warnings = [String]()

    /// Classified, and either held for review or with its own tickets delivered. An incident's
    /// earlier tickets do not settle a repeat: a closed one makes routing open a new one, which
    /// `--wait` returned before (a stop-37 user test's).
    var isSettled: Bool {
        guard let decision else { return false }
        // Feedback learns of a ticket from routing's outbox, after routing has it: both must know it.
        let followed = Set(tickets.map(\.id))
        return decision.state == .pendingReview
            || !own.isEmpty && own.allSatisfy { $0.deliveryState == .delivered && followed.contains($0.id) }
    }

    static func load(_ stack: Stack, id: String, key: String) async throws -> CallTimeline {
        let call = try await stack.call(.intake, key: key, IntakeAPI.getCall, .with { $0.id = id }).call
        var timeline = CallTimeline(call: call)
        do {
            timeline.decision = try await stack.call(.classification, key: key, ClassificationAPI.getDecision, .with { $0.callID = id }).decision
        } catch let error as CLIError where !error.description.contains("not_found") {
            timeline.warnings.append(error.description)
        } catch {}
        let incident = call.duplicateOf.isEmpty ? call.id : call.duplicateOf
        do {
            let listed = try await stack.call(
                .feedback, key: key, FeedbackAPI.listTickets,
                .with {
                    $0.incidentIds = [incident]
                    $0.pageSize = 100
                }
            ).tickets
            for ticket in listed {
                timeline.tickets.append(try await stack.call(.feedback, key: key, FeedbackAPI.getTicket, .with { $0.ticketID = ticket.id }).ticket)
            }
        } catch let error as CLIError {
            timeline.warnings.append(error.description)
        }
        for ticket in timeline.tickets {
            if let routed = try? await stack.call(.routing, key: key, RoutingAPI.getTicket, .with { $0.id = ticket.id }).ticket {
                timeline.deliveries[ticket.id] = routed
            }
        }
        timeline.own =
            (try? await stack.call(
                .routing, key: key, RoutingAPI.listTickets,
                .with {
                    $0.callID = id
                    $0.pageSize = 100
                }
            ).tickets) ?? []
        // A key restricted to one line sees that line's tickets only: say what the decision alerted
        // that it cannot see, rather than leave the 110 dispatcher unsure 119 and 120 were alerted.
        if let decision = timeline.decision, decision.state != .pendingReview {
            let seen = Set(timeline.tickets.map(\.destination)).union(timeline.own.map(\.destination))
            let unseen = decision.destinations.filter { !seen.contains($0) }
            if !unseen.isEmpty {
                timeline.warnings.append(
                    "no ticket for \(unseen.map(Names.destination).joined(separator: ", ")) is visible to this key"
                        + " (not created yet, or another line's: FENLIU_KEY_SUPERVISOR sees every line)")
            }
        }
        return timeline
    }

    func print() {
        let place = [Names.district(call.district), call.address].filter { !$0.isEmpty && $0 != "—" }.joined(separator: " ")
        Swift.print("Call \(call.id) · \(Names.channel(call.channel)) · \(place)")
        Swift.print("  “\(call.description_p)”")
        if !call.callerPhone.isEmpty || !call.callerName.isEmpty {
            Swift.print("  caller \([call.callerName, call.callerPhone].filter { !$0.isEmpty }.joined(separator: " "))")
        }
        var rows = [(time: Google_Protobuf_Timestamp, text: String)]()
        rows.append((call.receivedAt, "received     on \(Names.channel(call.channel))" + (call.duplicateOf.isEmpty ? "" : ", a repeat of \(call.duplicateOf)")))
        if let decision {
            let flags = decision.safetyFlags.isEmpty ? "" : " · safety: " + decision.safetyFlags.map { "\($0)" }.joined(separator: ", ")
            // Reviewed: the classifier's own decision at its time, the operator's at the review's.
            // A decision reviewed before the classifier's own was kept (stop 36) cannot show it.
            if decision.state == .reviewed, !decision.hasClassified {
                rows.append((decision.decidedAt, "classified   (the classifier's decision was not kept: reviewed before it was)\(flags)"))
            } else {
                let classified =
                    decision.hasClassified
                    ? (decision.classified.category, decision.classified.destinations, decision.classified.confidence, decision.classified.state)
                    : (decision.category, decision.destinations, decision.confidence, decision.state)
                rows.append(
                    (
                        decision.decidedAt,
                        "classified   \(Names.category(classified.0)) → \(classified.1.map(Names.destination).joined(separator: " + ")) (confidence \(String(format: "%.2f", classified.2)), \(Names.decision(classified.3)))\(flags)"
                    ))
            }
            if decision.hasReviewedAt {
                let outcome = "\(Names.category(decision.category)) → \(decision.destinations.map(Names.destination).joined(separator: " + "))"
                let note = decision.reviewNote.isEmpty ? "" : ": \(decision.reviewNote)"
                rows.append((decision.reviewedAt, "reviewed     \(outcome) by \(decision.reviewedBy)\(note)"))
            }
        }
        for ticket in tickets {
            // The whole id where a ticket first appears and in its "now" line, for `fenliu ticket ID`;
            // its first eight characters on the history lines in between.
            let label = String(ticket.id.prefix(8))
            let delivery = deliveries[ticket.id].map { " · delivery \($0.deliveryState)" } ?? ""
            rows.append(
                (
                    ticket.createdAt,
                    "ticket \(ticket.id) \(Names.kind(ticket.kind)) → \(ticket.departmentName.isEmpty ? ticket.departmentID : ticket.departmentName) · \(Names.priority(ticket.priority))\(delivery)"
                ))
            for event in ticket.history {
                var text = "  \(label) \(Names.event(event.kind))"
                if event.kind == .stateChanged { text += " \(Names.state(event.state))" }
                if event.kind == .reassigned, !event.departmentID.isEmpty { text += " to \(event.departmentID)" }
                if !event.actor.isEmpty { text += " by \(event.actor)" }
                if !event.note.isEmpty { text += ": \(event.note)" }
                if event.hasDueAt, event.kind != .stateChanged { text += " (due \(Output.time(event.dueAt)))" }
                rows.append((event.occurredAt, text))
            }
        }
        rows.sort { ($0.time.seconds, $0.time.nanos) < ($1.time.seconds, $1.time.nanos) }
        for row in rows { Swift.print("\(Output.time(row.time))  \(row.text)") }
        for ticket in tickets {
            var now = "now: ticket \(ticket.id) \(Names.state(ticket.state))"
            if ticket.overdue { now += " · OVERDUE" }
            if ticket.hasResolveDueAt, !["CLOSED", "RESOLVED", "CALLBACK_DONE"].contains(Names.state(ticket.state)) {
                now += " · resolve by \(Output.time(ticket.resolveDueAt))"
            }
            if ticket.hasCallback { now += " · callback \(Names.satisfaction(ticket.callback.satisfaction))" }
            Swift.print(now)
        }
        if decision?.state == .pendingReview { Swift.print("now: held for review (fenliu review)") }
        for warning in warnings { printError("warning: \(warning)") }
    }

    func printJSON() {
        var object = [String: Any]()
        func value(_ message: any SwiftProtobuf.Message) -> Any {
            (try? JSONSerialization.jsonObject(with: message.jsonUTF8Data())) ?? [:]
        }
        object["call"] = value(call)
        if let decision { object["decision"] = value(decision) }
        object["tickets"] = tickets.map { ticket -> Any in
            var entry = value(ticket) as? [String: Any] ?? [:]
            if let routed = deliveries[ticket.id] { entry["deliveryState"] = (value(routed) as? [String: Any])?["deliveryState"] }
            return entry
        }
        if !warnings.isEmpty { object["warnings"] = warnings }
        Output.printJSON(object)
    }
}
