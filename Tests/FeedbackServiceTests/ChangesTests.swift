import FenliuModel
import Foundation
import RPC
import SwiftProtobuf
import TestSupport
import Testing

@testable import FeedbackService

@Suite("Feedback: returns, extensions, callbacks")
struct ChangesTests {
    @Test("a return goes to routing with the holder and the reason; routing's new holder arrives as a reassignment; an older hand-over is ignored")
    func returns() async throws {
        try await FeedbackHarness.with { feedback in
            try await feedback.track("ret-1")
            try await feedback.report("ret-1", .accepted)
            let returned = try await feedback.report("ret-1", .returned, note: "属于住建部门职责")
            #expect(returned.ticket.state == .returned)
            #expect(await eventually { feedback.routing.calls(to: RoutingAPI.returnTicket).count == 1 })
            let handed = try #require(feedback.routing.calls(to: RoutingAPI.returnTicket).first?.request)
            #expect(handed.ticketID == "ret-1")
            #expect(handed.departmentID == "510104-cgj")
            #expect(handed.reason == "属于住建部门职责")
            let reassigned = try await feedback.track("ret-1", department: "510104-zjj", assignment: 2)
            #expect(reassigned.state == .dispatched)
            #expect(reassigned.departmentID == "510104-zjj")
            let late = try await feedback.track("ret-1", department: "510104-cgj", assignment: 1)
            #expect(late.departmentID == "510104-zjj")
            #expect(try await feedback.kinds("ret-1") == [.stateChanged, .stateChanged, .stateChanged, .reassigned])
            // The new holder signs for it and goes on.
            try await feedback.report("ret-1", .accepted, actor: "510104-zjj")
        }
    }

    @Test("an extension moves the resolve deadline when approved, visibly; a refused one leaves the state where it was")
    func extensions() async throws {
        try await FeedbackHarness.with { feedback in
            try await feedback.track("ext-1")
            try await feedback.report("ext-1", .accepted)
            try await feedback.report("ext-1", .inProgress, note: "待材料")
            let until = feedback.clock.now().addingTimeInterval(5 * 86_400)
            let tooEarly = await #expect(throws: ConnectError.self) {
                try await feedback.client.call(
                    FeedbackAPI.requestExtension,
                    .with {
                        $0.ticketID = "ext-1"; $0.until = Google_Protobuf_Timestamp(date: feedback.clock.now()); $0.reason = "x"; $0.actor = "a"
                    })
            }
            #expect(tooEarly?.fieldViolations.first?.field == "until")
            // A deadline earlier than the standing one, or past a year, is no extension, asked for or
            // granted (year 9999 was a 500 once: its answer could not be encoded).
            let standing = try await feedback.client.call(FeedbackAPI.getTicket, .with { $0.ticketID = "ext-1" }).ticket.resolveDueAt.date
            let wrongDeadlines = [
                (standing.addingTimeInterval(-3600), "later than the current resolve deadline"),
                (feedback.clock.now().addingTimeInterval(400 * 86_400), "within 366 days"),
            ]
            func refusal(_ call: () async throws -> Void) async -> ConnectError? {
                do {
                    try await call()
                    return nil
                } catch { return error as? ConnectError }
            }
            // The last instant a timestamp can hold, with nanoseconds no Swift client sends (they
            // round up to year 10000): 500 once, as the answer could not be encoded.
            let lastInstant = { (path: String) in
                await refusal {
                    let body = #"{"ticketId":"ext-1","until":"9999-12-31T23:59:59.999999999Z","reason":"x","actor":"a"}"#
                    _ = try await feedback.client.send(path: path, jsonBody: Array(body.utf8))
                }
            }
            for (wrong, words) in wrongDeadlines {
                let refused = await refusal {
                    _ = try await feedback.client.call(
                        FeedbackAPI.requestExtension,
                        .with {
                            $0.ticketID = "ext-1"; $0.until = Google_Protobuf_Timestamp(date: wrong); $0.reason = "x"; $0.actor = "a"
                        })
                }
                #expect(refused?.code == .invalidArgument && refused?.message.contains(words) == true, "request \(wrong): \(String(describing: refused))")
            }
            let requestedLast = await lastInstant(FeedbackAPI.requestExtension.path)
            #expect(
                requestedLast?.code == .invalidArgument && requestedLast?.message.contains("within 366 days") == true, "\(String(describing: requestedLast))")
            let requested = try await feedback.client.call(
                FeedbackAPI.requestExtension,
                .with {
                    $0.ticketID = "ext-1"; $0.until = Google_Protobuf_Timestamp(date: until); $0.reason = "需市政部门配合"; $0.actor = "510104-cgj"
                }
            ).ticket
            #expect(requested.state == .extensionRequested)
            #expect(requested.extension.stateBefore == .inProgress)
            let approvedLast = await lastInstant(FeedbackAPI.approveExtension.path)
            #expect(approvedLast?.code == .invalidArgument && approvedLast?.message.contains("within 366 days") == true, "\(String(describing: approvedLast))")
            for (wrong, words) in wrongDeadlines {
                let refused = await refusal {
                    _ = try await feedback.client.call(
                        FeedbackAPI.approveExtension,
                        .with {
                            $0.ticketID = "ext-1"; $0.until = Google_Protobuf_Timestamp(date: wrong); $0.actor = "12345-centre"
                        })
                }
                #expect(refused?.code == .invalidArgument && refused?.message.contains(words) == true, "approve \(wrong): \(String(describing: refused))")
            }
            let approved = try await feedback.client.call(
                FeedbackAPI.approveExtension,
                .with {
                    $0.ticketID = "ext-1"; $0.actor = "12345-centre"; $0.note = "同意延期"
                }
            ).ticket
            #expect(approved.state == .extended)
            #expect(abs(approved.resolveDueAt.date.timeIntervalSince(until)) < 0.001)
            #expect(
                await eventually {
                    feedback.routing.calls(to: RoutingAPI.updateTicketStatus).contains { $0.request.status == .extended && $0.request.hasResolveDueAt }
                })
            let twice = await #expect(throws: ConnectError.self) {
                try await feedback.client.call(
                    FeedbackAPI.approveExtension,
                    .with {
                        $0.ticketID = "ext-1"; $0.actor = "12345-centre"
                    })
            }
            #expect(twice?.code == .failedPrecondition)

            // A second request, refused: back to EXTENDED, the deadline unchanged.
            _ = try await feedback.client.call(
                FeedbackAPI.requestExtension,
                .with {
                    $0.ticketID = "ext-1"; $0.until = Google_Protobuf_Timestamp(date: until.addingTimeInterval(86_400)); $0.reason = "再延"
                    $0.actor = "510104-cgj"
                })
            let refused = try await feedback.client.call(
                FeedbackAPI.refuseExtension,
                .with {
                    $0.ticketID = "ext-1"; $0.actor = "12345-centre"; $0.reason = "理由不充分"
                }
            ).ticket
            #expect(refused.state == .extended)
            #expect(abs(refused.resolveDueAt.date.timeIntervalSince(until)) < 0.001)
            #expect(try await feedback.kinds("ext-1").last == .extensionRefused)
        }
    }

    @Test("not satisfied reopens the ticket with the same holder and a new resolve deadline; routing hears it")
    func dissatisfactionReopens() async throws {
        try await FeedbackHarness.with { feedback in
            try await feedback.track("cb-1")
            try await feedback.report("cb-1", .accepted)
            try await feedback.report("cb-1", .resolved, note: "已处理")
            feedback.clock.advance(by: 3600)
            let reopened = try await feedback.callback("cb-1", .notSatisfied, objects: true)
            #expect(reopened.state == .reopened)
            #expect(reopened.departmentID == "510104-cgj")
            #expect(reopened.callback.objectsToDiversion)
            // PINNED: resolve within 24 h of the reopening.
            #expect(abs(reopened.resolveDueAt.date.timeIntervalSince(feedback.clock.now().addingTimeInterval(86_400))) < 1)
            #expect(await eventually { feedback.routing.calls(to: RoutingAPI.updateTicketStatus).last?.request.status == .reopened })
            try await feedback.report("cb-1", .inProgress, note: "重新处理")
            try await feedback.report("cb-1", .resolved, note: "已彻底清理")
            #expect(try await feedback.callback("cb-1", .basicallySatisfied).state == .closed)
        }
    }

    @Test("an unreachable caller gets more attempts; reached on a later one counts as reached; after the last one the callback is done")
    func unreachableCallers() async throws {
        try await FeedbackHarness.with { feedback in
            try await feedback.track("cb-2")
            try await feedback.report("cb-2", .accepted)
            try await feedback.report("cb-2", .resolved, note: "已处理")
            let first = try await feedback.callback("cb-2", .unreachable)
            #expect(first.state == .resolved)
            #expect(first.callback.attempts == 1)
            #expect(first.callback.hasNextAttemptDueAt)
            let reached = try await feedback.callback("cb-2", .satisfied)
            #expect(reached.state == .closed)
            #expect(reached.callback.attempts == 2)
            #expect(reached.callback.satisfaction == .satisfied)

            try await feedback.track("cb-3")
            try await feedback.report("cb-3", .accepted)
            try await feedback.report("cb-3", .resolved, note: "已处理")
            try await feedback.callback("cb-3", .unreachable)
            try await feedback.callback("cb-3", .unreachable)
            let last = try await feedback.callback("cb-3", .unreachable)
            #expect(last.state == .closed)
            #expect(last.callback.satisfaction == .unreachable)
            #expect(last.callback.attempts == 3)

            // A reopened ticket resolved anew gets a callback of its own: its attempts start again,
            // the not-satisfied call that reached the caller not counted against it.
            try await feedback.track("cb-4")
            try await feedback.report("cb-4", .accepted)
            try await feedback.report("cb-4", .resolved, note: "已处理")
            try await feedback.callback("cb-4", .unreachable)
            #expect(try await feedback.callback("cb-4", .notSatisfied).callback.attempts == 2)
            try await feedback.report("cb-4", .resolved, note: "重新处理完毕")
            let again = try await feedback.callback("cb-4", .unreachable)
            #expect(again.state == .resolved, "the new resolution's first attempt leaves room for more")
            #expect(again.callback.attempts == 1)
            #expect(try await feedback.callback("cb-4", .unreachable).callback.attempts == 2)
        }
    }

    @Test("only a call diverted from 110 can be objected to: an objection on another line's ticket is refused by field")
    func objectionsOnlyToDiversions() async throws {
        try await FeedbackHarness.with { feedback in
            try await feedback.track("ob-1", origin: .channel12345)
            try await feedback.report("ob-1", .accepted)
            try await feedback.report("ob-1", .resolved, note: "已处理")
            let refused = await #expect(throws: ConnectError.self) { try await feedback.callback("ob-1", .satisfied, objects: true) }
            #expect(refused?.code == .invalidArgument)
            #expect(refused?.fieldViolations.map(\.field) == ["objectsToDiversion"])
            #expect(try await feedback.callback("ob-1", .satisfied).state == .closed, "the same callback without the objection is taken")
        }
    }
}
