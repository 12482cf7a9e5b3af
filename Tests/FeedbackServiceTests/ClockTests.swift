import FenliuModel
import Foundation
import Logging
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf
import TestSupport
import Testing

@testable import FeedbackService

@Suite("Feedback: deadline clocks and escalation (督办)")
struct ClockTests {
    /// The events of one kind and clock a ticket has had.
    func events(_ feedback: FeedbackHarness, _ id: String, _ kind: Fenliu_Feedback_V1_EventKind, _ clock: Fenliu_Feedback_V1_Clock) async throws
        -> [Fenliu_Feedback_V1_TicketEvent]
    {
        try await feedback.ticket(id).history.filter { $0.kind == kind && $0.clock == clock }
    }

    @Test("a reminder at 80% of the sign-for time, overdue at the deadline with the supervising office told, then escalation every interval until signed for")
    func remindOverdueEscalate() async throws {
        try await FeedbackHarness.with { feedback in
            try await feedback.track("clk-1", signFor: 30 * 60)
            feedback.clock.advance(by: 23 * 60)
            try await Task.sleep(for: .milliseconds(150))
            #expect(try await events(feedback, "clk-1", .reminder, .signFor).isEmpty)
            feedback.clock.advance(by: 2 * 60)  // 25 minutes: past 80% of 30
            #expect(await eventually { (try? await events(feedback, "clk-1", .reminder, .signFor).count) == 1 })
            feedback.clock.advance(by: 6 * 60)  // 31 minutes: overdue
            #expect(await eventually { (try? await events(feedback, "clk-1", .overdue, .signFor).count) == 1 })
            let overdue = try #require(try await events(feedback, "clk-1", .overdue, .signFor).first)
            #expect(overdue.supervisorID == "municipal-12345")
            #expect(overdue.escalations == 1)
            #expect(try await feedback.ticket("clk-1").overdue)
            let listed = try await feedback.client.call(FeedbackAPI.listTickets, .with { $0.overdue = true }).tickets
            #expect(listed.map(\.id) == ["clk-1"])
            for round in 2...3 {
                feedback.clock.advance(by: 3600)
                #expect(await eventually { (try? await events(feedback, "clk-1", .escalation, .signFor).count) == round - 1 })
            }
            #expect(try await events(feedback, "clk-1", .escalation, .signFor).last?.escalations == 3)
            try await feedback.report("clk-1", .accepted)
            feedback.clock.advance(by: 3 * 3600)
            try await Task.sleep(for: .milliseconds(200))
            #expect(try await events(feedback, "clk-1", .escalation, .signFor).count == 2)
            #expect(try await events(feedback, "clk-1", .reminder, .signFor).count == 1)
            #expect(try await !feedback.ticket("clk-1").overdue)
        }
    }

    @Test("110's one-hour feedback on an urgent 12345 matter is a clock too, met by the first report")
    func urgentFeedbackClock() async throws {
        try await FeedbackHarness.with { feedback in
            try await feedback.track("clk-2", kind: .policeTicket, department: "police-110", origin: .channel12345, feedback: 3600)
            feedback.clock.advance(by: 61 * 60)
            #expect(await eventually { (try? await events(feedback, "clk-2", .overdue, .feedback).count) == 1 })
            #expect(try await events(feedback, "clk-2", .overdue, .feedback).first?.supervisorID == "police-110")
            try await feedback.report("clk-2", .accepted, note: "已出警", actor: "police-110")
            feedback.clock.advance(by: 2 * 3600)
            try await Task.sleep(for: .milliseconds(200))
            #expect(try await events(feedback, "clk-2", .escalation, .feedback).isEmpty)
        }
    }

    @Test("with several replicas watching, each reminder and notice fires once; a deadline that passed while none ran fires once")
    func replicasAndDowntime() async throws {
        let pool = try await TestDatabase.makePool("feedback_clocks", size: 4)
        defer { Task { try? await pool.shutdown() } }
        try await Migrator.migrate(
            [Outbox.migrations, KeyStore.migrations, MigrationSet(component: "feedback", migrations: FeedbackModule.migrations)], on: pool)
        let clock = ManualClock(FeedbackHarness.start)
        let configuration = FeedbackConfiguration(clock: clock)
        let journal = TicketJournal(outbox: Outbox(), reporter: EventReporter(source: .feedback, outbox: Outbox(), isEnabled: false))
        let watchers = (0..<3).map { _ in ClockWatcher(database: pool, journal: journal, configuration: configuration, logger: Logger(label: "t")) }
        let handed = try HandedOverTicket(
            .with {
                $0.ticketID = "clk-3"; $0.callID = "c"; $0.kind = .workOrder; $0.destination = .hotline12345; $0.category = .construction
                $0.departmentID = "510104-zjj"; $0.priority = .normal; $0.state = .dispatched; $0.assignment = 1
                $0.createdAt = Google_Protobuf_Timestamp(date: FeedbackHarness.start)
            })
        try await pool.transaction { connection in
            var ticket = handed.ticket(at: clock.now())
            try journal.record(.init(kind: .stateChanged, actor: "routing"), ticket: &ticket, previous: .dispatched, at: clock.now(), on: connection)
            try ClockStore.start(.signFor, ticketID: "clk-3", at: clock.now(), due: clock.now().addingTimeInterval(7200), schedule: .init(), on: connection)
        }
        // Nobody watched for a day: the reminder and the deadline both passed.
        clock.advance(by: 86_400)
        let fired = try await withThrowingTaskGroup(of: Int.self) { group in
            for watcher in watchers { group.addTask { try await watcher.tick() } }
            return try await group.reduce(0, +)
        }
        #expect(fired == 1)
        let kinds = try await pool.query("SELECT kind FROM events WHERE ticket_id = 'clk-3' ORDER BY sequence").map { try $0.decode("kind", as: String.self) }
        #expect(kinds == ["STATE_CHANGED", "OVERDUE"])
        #expect(try await watchers[0].tick() == 0)
    }

    @Test("start-up subscriptions are checked as Subscribe checks a URL: no link-local or unspecified address")
    func defaultSubscriptionURLs() throws {
        let taken = try FeedbackConfiguration.fromEnvironment(
            ["FENLIU_FEEDBACK_DEFAULT_SUBSCRIPTIONS": "CHANNEL_110=http://127.0.0.1:8090/hooks/status-110"], service: .feedback)
        #expect(taken.defaultSubscriptions.map(\.url) == ["http://127.0.0.1:8090/hooks/status-110"])
        let refused = #expect(throws: ConfigurationError.self) {
            try FeedbackConfiguration.fromEnvironment(
                ["FENLIU_FEEDBACK_DEFAULT_SUBSCRIPTIONS": "CHANNEL_110=http://169.254.169.254/x,CHANNEL_12345=http://0.0.0.0/y"], service: .feedback)
        }
        #expect(refused?.problems.count == 2)
    }
}
