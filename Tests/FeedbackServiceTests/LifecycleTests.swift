import FenliuModel
import Foundation
import RPC
import SwiftProtobuf
import TestSupport
import Testing

@testable import FeedbackService

@Suite("Feedback: the ticket lifecycle")
struct LifecycleTests {
    @Test("a work order goes dispatched → accepted → in progress → resolved → callback done → closed, every step in its history")
    func happyPath() async throws {
        try await FeedbackHarness.with { feedback in
            let tracked = try await feedback.track("t-1")
            #expect(tracked.state == .dispatched)
            try await feedback.report("t-1", .accepted)
            try await feedback.report("t-1", .inProgress, note: "已派人现场查看")
            try await feedback.report("t-1", .inProgress, note: "已联系业主，明日清理")
            let resolved = try await feedback.report("t-1", .resolved, note: "占道摊贩已劝离，恢复通行")
            #expect(resolved.ticket.state == .resolved)
            #expect(resolved.ticket.result == "占道摊贩已劝离，恢复通行")
            let closed = try await feedback.callback("t-1", .satisfied)
            #expect(closed.state == .closed)
            let ticket = try await feedback.ticket("t-1")
            #expect(ticket.history.map(\.state) == [.dispatched, .accepted, .inProgress, .inProgress, .resolved, .callbackDone, .closed])
            #expect(ticket.history.map(\.sequence) == Array(1...7))
            #expect(ticket.history[1].actor == "510104-cgj")
            #expect(ticket.history[2].note == "已派人现场查看")
            #expect(ticket.history[5].kind == .callbackRecorded)
            #expect(ticket.callback.satisfaction == .satisfied)
            // Routing hears every state feedback moved the ticket to (not the dispatch it made), numbered.
            #expect(await eventually { feedback.routing.calls(to: RoutingAPI.updateTicketStatus).count == 6 })
            let told = feedback.routing.calls(to: RoutingAPI.updateTicketStatus).map(\.request)
            #expect(told.last?.status == .closed)
            #expect(told.map(\.sequence) == told.map(\.sequence).sorted())
        }
    }

    /// Brings a fresh work order into `state` by legal steps.
    func drive(_ feedback: FeedbackHarness, _ id: String, to state: Fenliu_Common_V1_TicketStatus) async throws {
        try await feedback.track(id)
        switch state {
        case .dispatched: return
        case .accepted: try await feedback.report(id, .accepted)
        case .inProgress:
            try await feedback.report(id, .accepted)
            try await feedback.report(id, .inProgress, note: "办理中")
        case .extensionRequested:
            try await feedback.report(id, .accepted)
            try await requestExtension(feedback, id)
        case .resolved:
            try await feedback.report(id, .accepted)
            try await feedback.report(id, .resolved, note: "已办结")
        case .returned:
            try await feedback.report(id, .returned, note: "不属于本单位职责")
        case .reopened:
            try await feedback.report(id, .accepted)
            try await feedback.report(id, .resolved, note: "已办结")
            try await feedback.callback(id, .notSatisfied)
        case .closed:
            try await feedback.report(id, .accepted)
            try await feedback.report(id, .resolved, note: "已办结")
            try await feedback.callback(id, .satisfied)
        default:
            Issue.record("no path to \(state)")
        }
    }

    func requestExtension(_ feedback: FeedbackHarness, _ id: String) async throws {
        _ = try await feedback.client.call(
            FeedbackAPI.requestExtension,
            .with {
                $0.ticketID = id
                $0.until = Google_Protobuf_Timestamp(date: feedback.clock.now().addingTimeInterval(5 * 86_400))
                $0.reason = "需协调市政部门共同处置"
                $0.actor = "510104-cgj"
            })
    }

    /// Every report that cannot follow a state, by state.
    static let illegal: [(Fenliu_Common_V1_TicketStatus, [Fenliu_Common_V1_TicketStatus])] = [
        (.dispatched, [.inProgress, .resolved, .closed]),
        (.accepted, [.accepted, .closed]),
        (.inProgress, [.accepted, .closed]),
        (.extensionRequested, [.accepted, .inProgress, .resolved, .returned, .closed]),
        (.resolved, [.accepted, .inProgress, .resolved, .returned, .closed]),
        (.returned, [.accepted, .inProgress, .resolved, .returned, .closed]),
        (.reopened, [.closed]),
        (.closed, [.accepted, .inProgress, .resolved, .returned, .closed]),
    ]

    @Test("an illegal change is failed_precondition naming the current state, and changes nothing")
    func illegalTransitions() async throws {
        try await FeedbackHarness.with { feedback in
            for (index, (state, reports)) in Self.illegal.enumerated() {
                let id = "illegal-\(index)"
                try await drive(feedback, id, to: state)
                let before = try await feedback.ticket(id)
                #expect(before.state == state, "\(id) did not reach \(state)")
                for report in reports {
                    let error = await #expect(throws: ConnectError.self, "\(report) after \(state)") {
                        try await feedback.report(id, report, note: "x")
                    }
                    #expect(error?.code == .failedPrecondition)
                    let current = TicketState(proto: state)?.rawValue ?? "?"
                    #expect(error?.message.contains("is \(current)") == true, "\(error?.message ?? "")")
                }
                #expect(try await feedback.ticket(id).history.count == before.history.count)
            }
        }
    }

    @Test("a report that names no state it may set, or lacks its note, is invalid_argument naming the field")
    func badReports() async throws {
        try await FeedbackHarness.with { feedback in
            try await feedback.track("bad-1")
            for (state, field) in [(Fenliu_Common_V1_TicketStatus.dispatched, "state"), (.extended, "state"), (.unspecified, "state")] {
                let error = await #expect(throws: ConnectError.self) { try await feedback.report("bad-1", state) }
                #expect(error?.fieldViolations.first?.field == field)
            }
            try await feedback.report("bad-1", .accepted)
            let noResult = await #expect(throws: ConnectError.self) { try await feedback.report("bad-1", .resolved) }
            #expect(noResult?.fieldViolations.map(\.field) == ["note"])
            let noActor = await #expect(throws: ConnectError.self) { try await feedback.report("bad-1", .inProgress, actor: " ") }
            #expect(noActor?.fieldViolations.map(\.field) == ["actor"])
            // Escape sequences a supervisor's terminal would obey (`fenliu ticket` prints the history)
            // are refused, in who acted and in the note; a note's line breaks are prose.
            let before = try await feedback.ticket("bad-1").history.count
            let escaped = await #expect(throws: ConnectError.self) {
                try await feedback.report("bad-1", .inProgress, note: "line1\u{1B}[2Jcleared", actor: "a\u{07}b\u{1B}[31mRED")
            }
            #expect(escaped?.code == .invalidArgument)
            #expect(escaped?.fieldViolations.map(\.field) == ["actor", "note"])
            #expect(try await feedback.ticket("bad-1").history.count == before, "the refused report left nothing behind")
            _ = try await feedback.report("bad-1", .inProgress, note: "第一行\n第二行\t处理中")
            let unknown = await #expect(throws: ConnectError.self) { try await feedback.report("nope", .accepted) }
            #expect(unknown?.code == .notFound)
        }
    }

    @Test("a report retried with the same event id applies once; the same key gets the same answer")
    func idempotentReports() async throws {
        try await FeedbackHarness.with { feedback in
            try await feedback.track("idem-1")
            let first = try await feedback.report("idem-1", .accepted, eventID: "dept-evt-1")
            let again = try await feedback.report("idem-1", .accepted, eventID: "dept-evt-1")
            #expect(again.event.id == first.event.id)
            #expect(try await feedback.ticket("idem-1").history.count == 2)
            let request = Fenliu_Feedback_V1_ReportStatusRequest.with {
                $0.ticketID = "idem-1"
                $0.state = .inProgress
                $0.actor = "510104-cgj"
            }
            let keyed = try await feedback.client.call(FeedbackAPI.reportStatus, request, headers: [("Idempotency-Key", "k-9")])
            let replay = try await feedback.client.call(FeedbackAPI.reportStatus, request, headers: [("Idempotency-Key", "k-9")])
            #expect(keyed.event.id == replay.event.id)
            #expect(try await feedback.ticket("idem-1").history.count == 3)
        }
    }

    @Test("police tickets are never returned and get no callback; they close after they are resolved")
    func policeTickets() async throws {
        try await FeedbackHarness.with { feedback in
            try await feedback.track("police-1", kind: .policeTicket, department: "police-110")
            let returned = await #expect(throws: ConnectError.self) { try await feedback.report("police-1", .returned, note: "x", actor: "police-110") }
            #expect(returned?.code == .failedPrecondition)
            #expect(returned?.message.contains("only 12345 work orders are returned") == true, "\(String(describing: returned))")
            try await feedback.report("police-1", .accepted, actor: "police-110")
            try await feedback.report("police-1", .resolved, note: "已出警处置，嫌疑人已带离", actor: "police-110")
            let callback = await #expect(throws: ConnectError.self) { try await feedback.callback("police-1", .satisfied) }
            #expect(callback?.code == .failedPrecondition)
            let closed = try await feedback.report("police-1", .closed, actor: "police-110")
            #expect(closed.ticket.state == .closed)
        }
    }
}
