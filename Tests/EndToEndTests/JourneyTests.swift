import FenliuModel
import Foundation
import HTTPClient
import RPC
import SwiftProtobuf
import TestSupport
import Testing

/// The journeys the reform is about, through the five real processes: 12345 → 110 with 110's
/// one-hour feedback clock; a fire with injured people reaching 119, 120 and 110; a returned work
/// order reassigned and on the disputed list; an overdue ticket escalated to the supervising office.
@Suite("Journeys end to end", .serialized)
struct JourneyTests {
    static func submit(
        _ stack: LocalStack, _ channel: Fenliu_Common_V1_Channel, _ text: String, address: String, external: String
    ) async throws -> Fenliu_Intake_V1_Call {
        try await stack.client("intake", httpClient: TestHTTP.client).call(
            IntakeAPI.submitCall,
            .with {
                $0.channel = channel
                $0.externalID = external
                $0.receivedAt = Google_Protobuf_Timestamp(date: Date())
                $0.callerPhone = "1370000\(String(format: "%04d", Int.random(in: 0...9999)))"
                $0.address = address
                $0.description_p = text
            }
        ).call
    }

    /// The call's tickets at feedback once there are `count` of them.
    static func tickets(_ stack: LocalStack, of call: String, count: Int, timeout: Duration = .seconds(30)) async throws -> [Fenliu_Feedback_V1_Ticket] {
        let feedback = try stack.client("feedback", httpClient: TestHTTP.client)
        var found = [Fenliu_Feedback_V1_Ticket]()
        _ = await eventually(timeout: timeout) {
            found = (try? await feedback.call(FeedbackAPI.listTickets, .with { $0.incidentIds = [call] }).tickets) ?? []
            return found.count >= count
        }
        return found
    }

    @Test("12345 → 110 at once with a one-hour feedback clock; a fire with injured people reaches 119, 120 and 110")
    func emergencies() async throws {
        let stack = try await LocalStack.start()
        do {
            let threat = try await Self.submit(
                stack, .channel12345, "来电人称前夫现在正在她家门口砸门，扬言要杀了她，她很害怕。", address: "青羊区西御街8号", external: "j-1")
            let police = try #require(try await Self.tickets(stack, of: threat.id, count: 1).first)
            #expect(police.kind == .policeTicket && police.departmentID == "police-110", "\(police)")
            #expect(police.origin == .channel12345)
            let feedbackDue = police.feedbackDueAt.date.timeIntervalSince(police.createdAt.date)
            #expect(abs(feedbackDue - 3600) < 60, "110's feedback to 12345 is due within the hour: \(feedbackDue) s")

            let fire = try await Self.submit(
                stack, .channel119, "居民楼三楼厨房起火，浓烟很大，一名老人被烧伤，还有人困在楼上。", address: "成华区建设北路二段5号", external: "j-2")
            let alerts = try await Self.tickets(stack, of: fire.id, count: 3)
            #expect(Set(alerts.map(\.destination)) == [.fire119, .medical120, .police110], "\(alerts.map(\.destination))")
            #expect(alerts.allSatisfy { $0.priority == .emergency })
        } catch {
            await stack.stop()
            throw error
        }
        await stack.stop()
    }

    @Test("a returned work order is reassigned to the next department and appears on routing's and reporting's disputed lists")
    func returnedAndDisputed() async throws {
        let stack = try await LocalStack.start()
        do {
            let call = try await Self.submit(
                stack, .channel12345, "来电人反映小区旁边的河道里有人倾倒建筑垃圾，河水发臭。", address: "金牛区沙湾路20号", external: "j-3")
            let first = try #require(try await Self.tickets(stack, of: call.id, count: 1).first)
            let feedback = try stack.client("feedback", httpClient: TestHTTP.client)
            _ = try await feedback.call(
                FeedbackAPI.reportStatus,
                .with {
                    $0.ticketID = first.id
                    $0.state = .returned
                    $0.eventID = "j-3-return"
                    $0.note = "河道管理不属本单位职责"
                    $0.actor = first.departmentID
                })
            var now = first
            let moved = await eventually(timeout: .seconds(30)) {
                guard let ticket = try? await feedback.call(FeedbackAPI.getTicket, .with { $0.ticketID = first.id }).ticket else { return false }
                now = ticket
                return ticket.departmentID != first.departmentID && [.dispatched, .pendingAssignment].contains(ticket.state)
            }
            #expect(moved, "reassigned: \(now.departmentID) \(now.state)")

            let routing = try stack.client("routing", httpClient: TestHTTP.client)
            let disputes = try await routing.call(RoutingAPI.listDisputes, .init()).disputes
            let dispute = try #require(disputes.first { $0.ticketID == first.id })
            #expect(dispute.departmentIds.contains(first.departmentID))
            #expect(dispute.reasons.contains("河道管理不属本单位职责"))

            let reporting = try stack.client("reporting", key: "FENLIU_KEY_REPORTING", httpClient: TestHTTP.client)
            var matters = [Fenliu_Reporting_V1_DisputedMatter]()
            let listed = await eventually(timeout: .seconds(30)) {
                matters = (try? await reporting.call(ReportingAPI.listDisputedMatters, .with { $0.month = ClosedLoopTests.chengduMonth(Date()) }).matters) ?? []
                return matters.contains { $0.ticketIds.contains(first.id) }
            }
            #expect(listed, "the monthly consultation's list: \(matters)")
        } catch {
            await stack.stop()
            throw error
        }
        await stack.stop()
    }

    @Test("a ticket not signed for in time goes overdue and the supervising office is notified, then again (short deadlines)")
    func overdueEscalated() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fenliu-policy-\(UUID().uuidString).json")
        try Data(#"{"deadlines": {"PINNED": {"signFor": "1m", "resolve": "30m"}, "NORMAL": {"signFor": "1m", "resolve": "30m"}}}"#.utf8)
            .write(to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stack = try await LocalStack.start(environment: [
            "FENLIU_POLICY_FILE": folder.path, "FENLIU_FEEDBACK_ESCALATION_MINUTES": "1",
        ])
        do {
            let call = try await Self.submit(
                stack, .channel110, "报警人称小区门口的路灯坏了一个星期，晚上很黑。", address: "武侯区玉林北路30号", external: "j-4")
            let ticket = try #require(try await Self.tickets(stack, of: call.id, count: 1).first)
            #expect(ticket.signForDueAt.date.timeIntervalSince(ticket.createdAt.date) < 61)
            let feedback = try stack.client("feedback", httpClient: TestHTTP.client)
            var events = [Fenliu_Feedback_V1_TicketEvent]()
            let escalated = await eventually(timeout: .seconds(200)) {
                events = (try? await feedback.call(FeedbackAPI.getTicket, .with { $0.ticketID = ticket.id }).ticket.history) ?? []
                return events.contains { $0.kind == .escalation }
            }
            let overdue = try #require(events.first { $0.kind == .overdue }, "\(events.map(\.kind))")
            #expect(overdue.clock == .signFor)
            #expect(overdue.supervisorID == "municipal-12345", "the 12345 centre supervises work orders")
            #expect(escalated, "escalated again while still overdue: \(events.map(\.kind))")
            let reminder = events.first { $0.kind == .reminder }
            #expect(reminder != nil, "a reminder came before the deadline")
        } catch {
            await stack.stop()
            throw error
        }
        await stack.stop()
    }
}
