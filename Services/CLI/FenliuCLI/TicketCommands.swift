import ArgumentParser
import FenliuModel
import Foundation
import RPC
import ServiceSupport
import SwiftProtobuf

/// `fenliu tickets`: a queue, as a department's clerk or the 12345 centre sees it.
struct TicketsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tickets",
        abstract: "A queue of tickets (key: the department's FENLIU_KEY_DEPT_<ID> with --department, else FENLIU_KEY_SUPERVISOR).")
    @OptionGroup var key: KeyOption
    @Option(name: .long, help: "Only this holder, e.g. 510104-cgzf.") var department: String?
    @Option(name: .long, help: "Only this state, e.g. DISPATCHED, ACCEPTED, EXTENSION_REQUESTED.") var state: String?
    @Flag(name: .long, help: "Only tickets with a deadline passed.") var overdue = false
    @Option(name: .long, help: "At most this many.") var limit: Int32 = 50
    @Flag(name: .long, help: "Print JSON.") var json = false

    func run() async throws {
        try await withStack { stack in
            let variable = department.map(Names.departmentKeyVariable) ?? "FENLIU_KEY_SUPERVISOR"
            let caller = try stack.key(key.key, default: stack.values[variable] == nil ? "FENLIU_KEY_SUPERVISOR" : variable)
            if let department { try await stack.checkDepartments([department], key: (try? stack.key(nil, default: "FENLIU_KEY_SUPERVISOR")) ?? caller) }
            var request = Fenliu_Feedback_V1_ListTicketsRequest.with {
                $0.departmentID = department ?? ""
                $0.overdue = overdue
                $0.pageSize = limit
            }
            if let state {
                guard let parsed = TicketState(rawValue: state.uppercased()) else {
                    throw CLIError("--state must be one of \(TicketState.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                request.state = parsed.proto
            }
            let tickets = try await stack.call(.feedback, key: caller, FeedbackAPI.listTickets, request).tickets
            if json {
                Output.printJSON(tickets.map { (try? JSONSerialization.jsonObject(with: $0.jsonUTF8Data())) ?? [:] })
                return
            }
            var rows = [["TICKET", "STATE", "PRIORITY", "CATEGORY", "AREA", "HOLDER", "SIGN FOR BY", "RESOLVE BY", "CALL"]]
            for ticket in tickets {
                rows.append([
                    ticket.id, Names.state(ticket.state) + (ticket.overdue ? " OVERDUE" : ""), Names.priority(ticket.priority),
                    Names.category(ticket.category), Names.district(ticket.district),
                    ticket.departmentName.isEmpty ? ticket.departmentID : ticket.departmentName, Output.time(ticket.signForDueAt),
                    Output.time(ticket.resolveDueAt), ticket.callID,
                ])
            }
            Output.printTable(rows)
            if tickets.isEmpty { printError("no tickets") }
        }
    }
}

/// `fenliu ticket ID [action]`: one ticket, and what its holder and the 12345 centre do to it.
struct TicketCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ticket",
        abstract: "Show a ticket, or act on it: accept, progress, resolve, return, extend (the holder's key); approve, refuse, callback (the 12345 centre's).",
        discussion: """
            fenliu ticket T                                  its state, deadlines and whole history
            fenliu ticket T accept                           签收
            fenliu ticket T progress --note '已派人'         in progress
            fenliu ticket T resolve --note '路灯已修复'      办结, with the result
            fenliu ticket T return --note '不属本单位职责'   退单, with the reason
            fenliu ticket T extend --until 2026-12-20 --note '需采购配件'
            fenliu ticket T approve | refuse --note …        the 12345 centre on an extension
            fenliu ticket T callback --satisfaction satisfied|basically|not|unreachable [--objects]
            The holder's key is the stack's FENLIU_KEY_DEPT_<ID> for the ticket's department when there is one.
            """)
    @OptionGroup var key: KeyOption
    @OptionGroup var actorOption: ActorOption
    @Argument(help: "The ticket's id.") var id: String
    @Argument(help: "show (default), accept, progress, resolve, return, extend, approve, refuse, callback.") var action = "show"
    @Option(name: .long, help: "Why, or the result.") var note: String?
    @Option(name: .long, help: "extend: the resolve deadline asked for, YYYY-MM-DD or YYYY-MM-DDTHH:MM (Chengdu time).") var until: String?
    @Option(name: .long, help: "callback: satisfied, basically, not or unreachable.") var satisfaction: String?
    @Flag(name: .long, help: "callback: the caller objects to having been diverted from 110.") var objects = false
    @Flag(name: .long, help: "Print JSON.") var json = false

    func run() async throws {
        try await withStack { stack in
            let supervisor = try stack.key(key.key, default: "FENLIU_KEY_SUPERVISOR")
            let current: Fenliu_Feedback_V1_Ticket
            do {
                current = try await stack.call(.feedback, key: supervisor, FeedbackAPI.getTicket, .with { $0.ticketID = id }).ticket
            } catch let error as CLIError where error.description.contains("not_found") && id.count < 36 {
                throw CLIError("\(error.description) — a ticket is named by its whole id; `fenliu call CALL` prints it")
            }
            let holderVariable = Names.departmentKeyVariable(current.departmentID)
            let holder = key.key ?? stack.values[holderVariable] ?? supervisor
            let eventID = "cli-\(UUID().uuidString.lowercased())"
            // The holder's steps name the department when its own key acts, the centre's (approve,
            // refuse, callback, with the supervisor's key) the person at the terminal.
            let actor = actorOption.resolved(department: holder == stack.values[holderVariable] ? current.departmentID : nil)
            let centre = actorOption.resolved()
            func report(_ state: TicketState, noteRequired: Bool) async throws -> Fenliu_Feedback_V1_Ticket {
                if noteRequired, (note ?? "").isEmpty { throw CLIError("--note is required to \(action): \(state == .resolved ? "the result" : "the reason")") }
                return try await stack.call(
                    .feedback, key: holder, FeedbackAPI.reportStatus,
                    .with {
                        $0.ticketID = id
                        $0.state = state.proto
                        $0.eventID = eventID
                        $0.note = note ?? ""
                        $0.actor = actor
                    }
                ).ticket
            }
            let ticket: Fenliu_Feedback_V1_Ticket
            switch action {
            case "show":
                ticket = current
            case "accept": ticket = try await report(.accepted, noteRequired: false)
            case "progress": ticket = try await report(.inProgress, noteRequired: false)
            case "resolve": ticket = try await report(.resolved, noteRequired: true)
            case "return": ticket = try await report(.returned, noteRequired: true)
            case "extend":
                guard let until else { throw CLIError("--until is required: YYYY-MM-DD or YYYY-MM-DDTHH:MM") }
                guard let date = Self.date(until) else {
                    throw CLIError("--until \(until) is not a date: YYYY-MM-DD or YYYY-MM-DDTHH:MM (Asia/Shanghai)")
                }
                guard let reason = note, !reason.isEmpty else { throw CLIError("--note is required to extend: the reason") }
                ticket = try await stack.call(
                    .feedback, key: holder, FeedbackAPI.requestExtension,
                    .with {
                        $0.ticketID = id
                        $0.until = Google_Protobuf_Timestamp(date: date)
                        $0.reason = reason
                        $0.eventID = eventID
                        $0.actor = actor
                    }
                ).ticket
            case "approve":
                ticket = try await stack.call(
                    .feedback, key: supervisor, FeedbackAPI.approveExtension,
                    .with {
                        $0.ticketID = id
                        $0.note = note ?? ""
                        $0.actor = centre
                    }
                ).ticket
            case "refuse":
                guard let reason = note, !reason.isEmpty else { throw CLIError("--note is required to refuse: the reason") }
                ticket = try await stack.call(
                    .feedback, key: supervisor, FeedbackAPI.refuseExtension,
                    .with {
                        $0.ticketID = id
                        $0.reason = reason
                        $0.actor = centre
                    }
                ).ticket
            case "callback":
                let answers: [String: Fenliu_Feedback_V1_Satisfaction] = [
                    "satisfied": .satisfied, "basically": .basicallySatisfied, "basically_satisfied": .basicallySatisfied, "not": .notSatisfied,
                    "not_satisfied": .notSatisfied, "unreachable": .unreachable,
                ]
                guard let answer = satisfaction.flatMap({ answers[$0.lowercased()] }) else {
                    throw CLIError("--satisfaction must be satisfied, basically, not or unreachable")
                }
                ticket = try await stack.call(
                    .feedback, key: supervisor, FeedbackAPI.recordCallback,
                    .with {
                        $0.ticketID = id
                        $0.satisfaction = answer
                        $0.comment = note ?? ""
                        $0.objectsToDiversion = objects
                        $0.eventID = eventID
                        $0.actor = centre
                    }
                ).ticket
            default:
                throw CLIError("unknown action \"\(action)\": show, accept, progress, resolve, return, extend, approve, refuse or callback")
            }
            if json {
                print(try ticket.jsonString())
                return
            }
            let shown = action == "show" ? ticket : try await stack.call(.feedback, key: supervisor, FeedbackAPI.getTicket, .with { $0.ticketID = id }).ticket
            Self.show(shown)
        }
    }

    /// `2026-12-20` (end of that day) or `2026-12-20T17:30`, in Chengdu time.
    static func date(_ text: String) -> Date? {
        // Only what a timestamp can carry (1970 to 9999): year 10000 failed as "timestampRange".
        guard let date = parsedDate(text), (0...253_402_300_799).contains(date.timeIntervalSince1970) else { return nil }
        return date
    }

    private static func parsedDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text).map { $0.addingTimeInterval(86_400 - 1) }
    }

    static func show(_ ticket: Fenliu_Feedback_V1_Ticket) {
        Swift.print(
            "Ticket \(ticket.id) · \(Names.kind(ticket.kind)) · \(Names.state(ticket.state))\(ticket.overdue ? " · OVERDUE" : "") · \(Names.priority(ticket.priority))"
        )
        Swift.print("  \(Names.category(ticket.category)) · \(Names.district(ticket.district)) · held by \(ticket.departmentName) (\(ticket.departmentID))")
        Swift.print("  call \(ticket.callID)\(ticket.incidentID != ticket.callID ? " (incident \(ticket.incidentID))" : "")")
        var deadlines = [String]()
        if ticket.hasSignForDueAt { deadlines.append("sign for by \(Output.time(ticket.signForDueAt))") }
        if ticket.hasResolveDueAt { deadlines.append("resolve by \(Output.time(ticket.resolveDueAt))") }
        if ticket.hasFeedbackDueAt { deadlines.append("feedback to 12345 by \(Output.time(ticket.feedbackDueAt))") }
        if !deadlines.isEmpty { Swift.print("  " + deadlines.joined(separator: " · ")) }
        if !ticket.result.isEmpty { Swift.print("  result: \(ticket.result)") }
        if ticket.hasExtension, ticket.state == .extensionRequested {
            Swift.print("  extension asked until \(Output.time(ticket.extension.requestedUntil)): \(ticket.extension.reason)")
        }
        if ticket.hasCallback { Swift.print("  callback: \(Names.satisfaction(ticket.callback.satisfaction)) \(ticket.callback.comment)") }
        for event in ticket.history {
            var text = "\(Output.time(event.occurredAt))  #\(event.sequence) \(Names.event(event.kind))"
            // The state an event left the ticket in, and where from when it moved: a ticket's first
            // event opens it (no "DISPATCHED → DISPATCHED"), and a callback can move it too
            // (RESOLVED → REOPENED) — a reader of the history must see every state it passed through.
            let moved = event.previousState != .unspecified && event.previousState != event.state
            if moved {
                text += " \(Names.state(event.previousState)) → \(Names.state(event.state))"
            } else if event.kind == .stateChanged {
                text += " \(Names.state(event.state))"
            }
            // A reassignment names whom the ticket went to (the holder when it happened).
            if event.kind == .reassigned, !event.departmentID.isEmpty { text += " to \(event.departmentID)" }
            if !event.actor.isEmpty { text += " by \(event.actor)" }
            if !event.note.isEmpty { text += ": \(event.note)" }
            Swift.print(text)
        }
    }
}

/// `fenliu review`: the classification review queue, and resolving it.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The review queue (key: FENLIU_KEY_REVIEWER), or resolve one: fenliu review CALL --category PUBLIC_FACILITIES [--destination 12345].")
    @OptionGroup var key: KeyOption
    @OptionGroup var actorOption: ActorOption
    @Argument(help: "A call to resolve; leave out to list the queue.") var callID: String?
    @Option(name: .long, help: "The category decided, e.g. PUBLIC_FACILITIES or CRIME_REPORT.") var category: String?
    @Option(name: .customLong("destination"), help: "110, 12345, 119, 120 (repeat; default: the category's).") var destinations: [String] = []
    @Option(name: .long, help: "Why.") var note: String?
    @Flag(name: .long, help: "Print JSON.") var json = false

    func run() async throws {
        try await withStack { stack in
            let reviewer = try stack.key(key.key, default: "FENLIU_KEY_REVIEWER")
            guard let callID else {
                let queue = try await stack.call(.classification, key: reviewer, ClassificationAPI.listReviewQueue, .with { $0.pageSize = 100 }).decisions
                if json {
                    Output.printJSON(queue.map { (try? JSONSerialization.jsonObject(with: $0.jsonUTF8Data())) ?? [:] })
                    return
                }
                var rows = [["CALL", "RECEIVED", "LINE", "AREA", "PROPOSED", "TO", "CONFIDENCE", "WHAT THE CALLER SAID"]]
                for decision in queue {
                    rows.append([
                        decision.callID, Output.time(decision.receivedAt), Names.channel(decision.channel), Names.district(decision.district),
                        Names.category(decision.category), decision.destinations.map(Names.destination).joined(separator: "+"),
                        String(format: "%.2f", decision.confidence), String(decision.description_p.prefix(40)),
                    ])
                }
                Output.printTable(rows)
                if queue.isEmpty { printError("the review queue is empty") }
                return
            }
            let categories = Category.allCases.map(\.code).joined(separator: ", ")
            guard let category else { throw CLIError("--category is required: one of \(categories)") }
            guard let chosen = Category(code: category.uppercased()) else { throw CLIError("--category \(category) is not a category: one of \(categories)") }
            var parsed = [Fenliu_Common_V1_Destination]()
            for text in destinations {
                let map: [String: Fenliu_Common_V1_Destination] = ["110": .police110, "12345": .hotline12345, "119": .fire119, "120": .medical120]
                guard let destination = map[text] else { throw CLIError("--destination must be 110, 12345, 119 or 120") }
                parsed.append(destination)
            }
            let decision = try await stack.call(
                .classification, key: reviewer, ClassificationAPI.resolveReview,
                .with {
                    $0.callID = callID
                    $0.category = chosen.proto
                    $0.destinations = parsed
                    $0.reviewerID = actorOption.resolved()
                    $0.note = note ?? ""
                }
            ).decision
            if json {
                print(try decision.jsonString())
            } else {
                print(
                    "call \(decision.callID): \(Names.category(decision.category)) → \(decision.destinations.map(Names.destination).joined(separator: " + ")) (\(Names.decision(decision.state)))"
                )
                // A review adds agencies but never withdraws a dispatch already made: say so when the
                // reviewer asked for less than the call now has.
                let kept = parsed.isEmpty ? [] : decision.destinations.filter { !parsed.contains($0) && $0 != chosen.defaultDestination.proto }
                if !kept.isEmpty {
                    printError(
                        "kept \(kept.map(Names.destination).joined(separator: " + ")): already dispatched before the review, and a review never"
                            + " withdraws an emergency dispatch; that service closes its own ticket")
                }
            }
        }
    }
}

/// `fenliu bulletin`: the month's bulletin (每月通报) in a terminal.
struct BulletinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin", abstract: "The monthly bulletin: headline figures, the 22 areas, the department ranking (key: FENLIU_KEY_REPORTING).")
    @OptionGroup var key: KeyOption
    @Option(name: .long, help: "YYYY-MM (default: this month in Chengdu).") var month: String?
    @Option(name: .long, help: "Only this area (code).") var district: String?
    @Option(name: .long, help: "How many departments of the ranking to show.") var top = 10
    @Flag(name: .long, help: "Print JSON.") var json = false

    func run() async throws {
        try await withStack { stack in
            let reader = try stack.key(key.key, default: "FENLIU_KEY_REPORTING")
            let chosen = month ?? Self.thisMonth()
            let bulletin = try await stack.call(
                .reporting, key: reader, ReportingAPI.getMonthlyBulletin,
                .with {
                    $0.month = chosen
                    $0.district = district ?? ""
                }
            ).bulletin
            if json {
                print(try bulletin.jsonString())
                return
            }
            let total = bulletin.total
            func rate(_ rate: Fenliu_Reporting_V1_Rate) -> String {
                rate.denominator == 0 ? "—" : String(format: "%.1f%% (%d/%d)", rate.value * 100, rate.numerator, rate.denominator)
            }
            print("Fenliu monthly bulletin \(bulletin.month)\(bulletin.district.isEmpty ? "" : " · \(Names.district(bulletin.district))")")
            let channels = total.callsByChannel.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            print("  calls \(total.calls)\(channels.isEmpty ? "" : " (\(channels))")")
            print("  110 → 12345 diversion rate \(rate(total.diversionRate)) · 12345 → 110 hand-overs \(total.handedTo110)")
            print("  tickets \(total.tickets) · timely sign-for \(rate(total.timelySignForRate)) · on-time resolution \(rate(total.onTimeResolutionRate))")
            print(
                "  returns \(rate(total.returnRate)) · reopened \(rate(total.reopenRate)) · overdue \(total.overdue) · extensions \(total.extensions)"
            )
            print("  satisfaction \(rate(total.satisfactionRate)) · diversion objections \(total.diversionObjections)")
            print("")
            var areas = [["AREA", "CALLS", "DIVERSION", "TICKETS", "ON TIME", "SATISFACTION"]]
            for row in bulletin.districts where row.figures.calls > 0 || row.figures.tickets > 0 {
                areas.append([
                    row.districtName, "\(row.figures.calls)", rate(row.figures.diversionRate), "\(row.figures.tickets)",
                    rate(row.figures.onTimeResolutionRate), rate(row.figures.satisfactionRate),
                ])
            }
            Output.printTable(areas)
            print("")
            var ranking = [["RANK", "DEPARTMENT", "TICKETS", "SCORE", "ON TIME", "SIGN-FOR", "SATISFACTION", "RETURNS"]]
            for department in bulletin.departments.filter({ $0.rank > 0 }).prefix(top) {
                let figures = department.figures
                ranking.append([
                    "\(department.rank)", department.departmentName.isEmpty ? department.departmentID : department.departmentName,
                    "\(figures.tickets)", String(format: "%.3f", department.score), rate(figures.onTimeResolutionRate),
                    rate(figures.timelySignForRate), rate(figures.satisfactionRate), rate(figures.returnRate),
                ])
            }
            Output.printTable(ranking)
            if let reporting = stack.values[ServiceName.reporting.urlVariable] ?? Optional(stack.url(.reporting)) {
                printError("the dashboard: \(reporting)/?month=\(bulletin.month)")
            }
        }
    }

    static func thisMonth() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let parts = calendar.dateComponents([.year, .month], from: Date())
        return String(format: "%04d-%02d", parts.year ?? 2026, parts.month ?? 1)
    }
}
