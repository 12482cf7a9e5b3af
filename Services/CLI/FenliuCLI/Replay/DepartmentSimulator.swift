import FenliuModel
import Foundation
import RPC
import ServiceSupport
import SwiftProtobuf

/// Plays every holder of the replay's tickets and the 12345 centre: follows feedback's event
/// stream (ListEvents, from a cursor) and answers each ticket as a department would, on simulated
/// time — most sign for in time, some late (so clocks fire and escalate), a few return the order or
/// ask for more time, everything is resolved, and the centre calls the caller back (most are
/// satisfied, some are not and the ticket reopens).
///
/// Each department reads and acts on its tickets with its own key (the stack's
/// `FENLIU_KEY_DEPT_<ID>`), as its clerks would; the centre (callbacks, extensions, assignments,
/// reading the stream) with the supervisor's. One key for everything meets the per-key rate limit
/// on a sped-up day (a stop-17 demo day had 4,698 actions refused so, and the tickets behind them
/// never moved again). An action refused for load (resource_exhausted, unavailable, a deadline) is
/// tried again a second later, as a clerk would; one refused for its state is the day's normal race.
actor DepartmentSimulator {
    let stack: Stack
    /// The 12345 centre's key.
    let key: String
    let speed: Double
    let tally: ReplayTally
    let since: Date
    /// Events not (yet) known to be the replay's, with the rounds they have waited.
    private var deferred = [(event: Fenliu_Feedback_V1_TicketEvent, rounds: Int)]()
    private var running = true
    private var cursor = ""
    private var random = SeededRandom(seed: 7)
    private var pending = [(due: ContinuousClock.Instant, action: Action)]()
    private var returnedOnce = Set<String>()
    private var reopened = Set<String>()
    private var firstHolder = [String: String]()
    /// Who holds each ticket now, from the stream: the department whose key answers for it.
    private var holder = [String: String]()
    /// New holdings whose ticket could not be read yet: looked at again next round, up to
    /// `readAttempts` times (a ticket its holder may not read at all is given up, and counted).
    private var unread = [String]()
    private var readFailures = [String: Int]()
    private static let readAttempts = 40

    enum Action {
        case accept(String)
        case progress(String)
        case resolve(String, category: Fenliu_Common_V1_Category)
        case giveBack(String)
        case askForTime(String)
        case approve(String)
        case assign(String, department: String)
        case callBack(String, answer: Fenliu_Feedback_V1_Satisfaction)
    }

    init(stack: Stack, key: String, speed: Double, tally: ReplayTally, since: Date) {
        self.stack = stack
        self.key = key
        self.speed = speed
        self.tally = tally
        self.since = since
    }

    func stop() { running = false }

    func run() async {
        while running {
            await follow()
            await act()
            try? await Task.sleep(for: .milliseconds(250))
        }
    }

    /// `minutes` of simulated time from now, in real time.
    private func after(_ minutes: Double) -> ContinuousClock.Instant {
        ContinuousClock.now + .milliseconds(Int(minutes * 60_000 / speed))
    }

    private func minutes(_ low: Double, _ high: Double) -> Double { low + random.unit() * (high - low) }

    private func schedule(_ action: Action, in delay: Double) { pending.append((after(delay), action)) }

    /// Reads what happened since the last look and plans the answers.
    private func follow() async {
        let again = unread
        unread.removeAll()
        for id in again { await look(at: id) }
        do {
            let response = try await stack.client(.feedback, key: key).call(
                FeedbackAPI.listEvents,
                .with {
                    // A cursor is only valid with the filters it was issued for.
                    $0.cursor = cursor
                    $0.pageSize = 500
                    $0.from = Google_Protobuf_Timestamp(date: since)
                })
            // Another's events, or the replay's own read before its submit answered (a retried one):
            // looked at again for ten seconds, then left alone.
            let waiting = deferred
            deferred.removeAll()
            for (event, rounds) in waiting { await consider(event, rounds: rounds) }
            for event in response.events { await consider(event, rounds: 0) }
            if !response.nextCursor.isEmpty { cursor = response.nextCursor }
        } catch {
            // Feedback busy or restarting: look again next round.
        }
    }

    /// Only the replay's own tickets: the stack may hold others (a dispatcher's, a test's), which a
    /// simulated department must not sign for or resolve — a stop-37 user test's hand-made tickets
    /// were "ACCEPTED by replay" and counted in its summary.
    private func consider(_ event: Fenliu_Feedback_V1_TicketEvent, rounds: Int) async {
        if await tally.isOurs(callID: event.callID, incidentID: event.incidentID) {
            await handle(event)
        } else if rounds < 40 {
            deferred.append((event, rounds + 1))
        }
    }

    private func handle(_ event: Fenliu_Feedback_V1_TicketEvent) async {
        let id = event.ticketID
        if !event.departmentID.isEmpty { holder[id] = event.departmentID }
        switch event.kind {
        case .overdue:
            await tally.wentOverdue(id)
            return
        case .escalation:
            await tally.escalated(id)
            return
        case .stateChanged, .reassigned, .callbackRecorded:
            // A callback can move the ticket too (a dissatisfied caller reopens it).
            guard event.kind != .callbackRecorded || event.state != event.previousState else { return }
        default:
            return
        }
        await tally.reached(Names.state(event.state), ticket: id)
        switch event.state {
        case .pendingAssignment, .inArbitration:
            // The 12345 centre decides: back to the department that first held it.
            if let holder = firstHolder[id] { schedule(.assign(id, department: holder), in: minutes(10, 30)) }
        case .dispatched:
            if firstHolder[id] == nil, !event.departmentID.isEmpty { firstHolder[id] = event.departmentID }
            await look(at: id)
        case .accepted:
            if let ticket = await tally.tickets[id] { planWork(ticket) }
        case .extensionRequested:
            schedule(.approve(id), in: minutes(10, 40))
        case .resolved:
            if let ticket = await tally.tickets[id], ticket.kind == .workOrder {
                let roll = random.unit()
                let answer: Fenliu_Feedback_V1_Satisfaction =
                    reopened.contains(id)
                    ? .satisfied : roll < 0.84 ? .satisfied : roll < 0.91 ? .basicallySatisfied : roll < 0.97 ? .notSatisfied : .unreachable
                schedule(.callBack(id, answer: answer), in: minutes(20, 120))
            }
        case .reopened:
            reopened.insert(id)
            if let ticket = await tally.tickets[id] { schedule(.resolve(id, category: ticket.category), in: minutes(60, 180)) }
        default:
            break
        }
    }

    /// The holder reads a new holding and plans its answer; a ticket it cannot read yet is looked at
    /// again next round.
    private func look(at id: String) async {
        let key = holderKey(of: id)
        let ticket: Fenliu_Feedback_V1_Ticket
        do {
            ticket = try await stack.client(.feedback, key: key).call(FeedbackAPI.getTicket, .with { $0.ticketID = id }).ticket
        } catch {
            readFailures[id, default: 0] += 1
            if readFailures[id]! < Self.readAttempts {
                unread.append(id)
            } else {
                await tally.acted(failure: "ticket not readable by its holder")
            }
            return
        }
        readFailures[id] = nil
        await tally.ticketSeen(ticket)
        plan(ticket)
    }

    /// A new holding: sign for it (most in time, some late), or give a work order back.
    private func plan(_ ticket: Fenliu_Feedback_V1_Ticket) {
        let roll = random.unit()
        if ticket.kind == .workOrder, !returnedOnce.contains(ticket.id), roll < 0.05 {
            returnedOnce.insert(ticket.id)
            schedule(.giveBack(ticket.id), in: minutes(5, 20))
        } else if roll < 0.10 {
            schedule(.accept(ticket.id), in: minutes(150, 240))  // late: the sign-for clock fires
        } else if ticket.kind == .workOrder {
            schedule(.accept(ticket.id), in: minutes(3, 25))
        } else {
            schedule(.accept(ticket.id), in: minutes(1, 4))
        }
    }

    /// Signed for: work on it, sometimes ask for more time, then resolve.
    private func planWork(_ ticket: Fenliu_Feedback_V1_Ticket) {
        if ticket.kind == .workOrder {
            schedule(.progress(ticket.id), in: minutes(20, 60))
            if random.unit() < 0.05 {
                schedule(.askForTime(ticket.id), in: minutes(60, 90))
                schedule(.resolve(ticket.id, category: ticket.category), in: minutes(300, 480))
            } else {
                schedule(.resolve(ticket.id, category: ticket.category), in: minutes(90, 360))
            }
        } else {
            schedule(.resolve(ticket.id, category: ticket.category), in: minutes(20, 90))
        }
    }

    /// Runs what is due, a few at a time.
    private func act() async {
        let now = ContinuousClock.now
        let due = pending.filter { $0.due <= now }.map { ($0.action, key(for: $0.action)) }
        pending.removeAll { $0.due <= now }
        guard !due.isEmpty else { return }
        let stack = self.stack
        let tally = self.tally
        let refused = await withTaskGroup(of: Action?.self) { group in
            var running = 0
            var refused: [Action] = []
            for (action, key) in due {
                if running >= 8, let done = await group.next() {
                    running -= 1
                    if let done { refused.append(done) }
                }
                running += 1
                group.addTask { await Self.perform(action, stack: stack, key: key, tally: tally) ? nil : action }
            }
            for await done in group { if let done { refused.append(done) } }
            return refused
        }
        for action in refused { pending.append((ContinuousClock.now + .seconds(1), action)) }
    }

    /// The key an action is taken with: the holding department's for its own work, the centre's for
    /// the rest.
    private func key(for action: Action) -> String {
        switch action {
        case .accept(let id), .progress(let id), .resolve(let id, _), .giveBack(let id), .askForTime(let id): holderKey(of: id)
        case .approve, .assign, .callBack: key
        }
    }

    /// The key of the department holding `id`, or the centre's for a holder the stack made no key for.
    private func holderKey(of id: String) -> String {
        holder[id].flatMap { stack.values[Names.departmentKeyVariable($0)] } ?? key
    }

    /// Takes the action; false when it was refused for load and should be tried again.
    static func perform(_ action: Action, stack: Stack, key: String, tally: ReplayTally) async -> Bool {
        let client = stack.client(.feedback, key: key)
        let event = "replay-\(UUID().uuidString.lowercased())"
        func report(_ id: String, _ state: Fenliu_Common_V1_TicketStatus, _ note: String) async throws {
            _ = try await client.call(
                FeedbackAPI.reportStatus,
                .with {
                    $0.ticketID = id
                    $0.state = state
                    $0.eventID = event
                    $0.note = note
                    $0.actor = "replay"
                })
        }
        do {
            switch action {
            case .accept(let id): try await report(id, .accepted, "已签收")
            case .progress(let id): try await report(id, .inProgress, "已派人到现场核实")
            case .resolve(let id, let category): try await report(id, .resolved, result(category))
            case .giveBack(let id): try await report(id, .returned, "经核实不属本单位职责，请重新派单")
            case .askForTime(let id):
                let ticket = try await client.call(FeedbackAPI.getTicket, .with { $0.ticketID = id }).ticket
                _ = try await client.call(
                    FeedbackAPI.requestExtension,
                    .with {
                        $0.ticketID = id
                        $0.until = Google_Protobuf_Timestamp(date: ticket.resolveDueAt.date.addingTimeInterval(3 * 86_400))
                        $0.reason = "需采购配件，申请延期"
                        $0.eventID = event
                        $0.actor = "replay"
                    })
            case .approve(let id):
                _ = try await client.call(
                    FeedbackAPI.approveExtension,
                    .with {
                        $0.ticketID = id
                        $0.note = "同意延期"
                        $0.actor = "12345-centre"
                    })
            case .assign(let id, let department):
                _ = try await stack.client(.routing, key: key).call(
                    RoutingAPI.assignTicket,
                    .with {
                        $0.ticketID = id
                        $0.departmentID = department
                        $0.actor = "12345-centre"
                        $0.note = "会商决定：由首办单位办理"
                    })
            case .callBack(let id, let answer):
                _ = try await client.call(
                    FeedbackAPI.recordCallback,
                    .with {
                        $0.ticketID = id
                        $0.satisfaction = answer
                        $0.comment = answer == .notSatisfied ? "来电人表示问题没有解决" : ""
                        $0.eventID = event
                        $0.actor = "12345-centre"
                    })
            }
            await tally.acted(failure: nil)
        } catch let error as ConnectError {
            // A ticket that moved on meanwhile (failed_precondition) is the normal race of a busy day.
            await tally.acted(failure: error.code.rawValue)
            return ![.resourceExhausted, .unavailable, .deadlineExceeded].contains(error.code)
        } catch {
            await tally.acted(failure: "other")
        }
        return true
    }

    static func result(_ category: Fenliu_Common_V1_Category) -> String {
        switch category {
        case .publicFacilities: "已安排维修，设施恢复正常"
        case .laborWages: "已约谈用工单位，工资已支付"
        case .cityAppearance, .environment: "已现场处置，问题已整改"
        case .construction: "已责令停止夜间施工"
        case .marketRegulation: "已调解，商家同意退费"
        case .crimeReport, .emergencyHelp, .traffic: "已出警处置完毕"
        case .fire: "火已扑灭，无人员伤亡"
        case .medical: "已送医救治"
        default: "已办结"
        }
    }
}
