import FenliuModel
import Foundation
import HTTPClient
import RPC
import SwiftProtobuf
import TestSupport
import Testing

/// The closed loop through real processes: a diverted call's work order is reported on at
/// feedback, returned, reassigned by routing, resolved, called back, reopened and closed — and after
/// every step routing and feedback tell the same story.
@Suite("The closed loop end to end", .serialized)
struct ClosedLoopTests {
    @Test("routing's and feedback's views of a ticket agree after every step of its life")
    func viewsAgree() async throws {
        let stack = try await LocalStack.start()
        do {
            try await run(stack)
        } catch {
            await stack.stop()
            throw error
        }
        await stack.stop()
    }

    private func run(_ stack: LocalStack) async throws {
        let http = TestHTTP.client
        let intake = try stack.client("intake", key: "FENLIU_KEY_110", httpClient: http)
        let routing = try stack.client("routing", httpClient: http)
        let feedback = try stack.client("feedback", httpClient: http)

        let call = try await intake.call(
            IntakeAPI.submitCall,
            .with {
                $0.channel = .channel110
                $0.externalID = "110-loop-1"
                $0.receivedAt = Google_Protobuf_Timestamp(date: Date())
                $0.callerPhone = "13800001111"
                $0.district = "锦江区"
                $0.address = "锦江区东大街某小区门口"
                $0.description_p = "报警人称：小区门口的垃圾堆了三天没人清运，臭气熏天，请相关部门处理。"
            }
        ).call
        var ticketID = ""
        #expect(
            await eventually(timeout: .seconds(30)) {
                ticketID = (try? await routing.call(RoutingAPI.listTickets, .with { $0.callID = call.id }).tickets.first?.id) ?? ""
                return !ticketID.isEmpty
            })
        let id = ticketID

        /// Both views, once they agree on `state`; `nil` when they never do.
        func agreed(on state: Fenliu_Common_V1_TicketStatus) async -> (Fenliu_Routing_V1_Ticket, Fenliu_Feedback_V1_Ticket)? {
            var views: (Fenliu_Routing_V1_Ticket, Fenliu_Feedback_V1_Ticket)?
            _ = await eventually(timeout: .seconds(20)) {
                guard let routed = try? await routing.call(RoutingAPI.getTicket, .with { $0.id = id }).ticket,
                    let followed = try? await feedback.call(FeedbackAPI.getTicket, .with { $0.ticketID = id }).ticket,
                    routed.status == state, followed.state == state, routed.departmentID == followed.departmentID
                else { return false }
                views = (routed, followed)
                return true
            }
            return views
        }
        func report(_ state: Fenliu_Common_V1_TicketStatus, _ note: String = "") async throws {
            let holder = try await feedback.call(FeedbackAPI.getTicket, .with { $0.ticketID = id }).ticket.departmentID
            _ = try await feedback.call(
                FeedbackAPI.reportStatus,
                .with {
                    $0.ticketID = id; $0.state = state; $0.note = note; $0.actor = holder; $0.eventID = "\(holder)-\(state)-\(note.count)"
                })
        }

        let dispatched = try #require(await agreed(on: .dispatched))
        let firstHolder = dispatched.0.departmentID
        try await report(.accepted)
        #expect(await agreed(on: .accepted) != nil)
        try await report(.returned, "该路段属于其他部门管辖")
        let reassigned = try #require(await agreed(on: .dispatched))
        #expect(reassigned.0.departmentID != firstHolder)
        #expect(reassigned.1.history.contains { $0.kind == .reassigned })
        try await report(.accepted)
        try await report(.inProgress, "已安排环卫车辆")
        #expect(await agreed(on: .inProgress) != nil)
        try await report(.resolved, "垃圾已清运，已消杀")
        #expect(await agreed(on: .resolved) != nil)
        _ = try await feedback.call(
            FeedbackAPI.recordCallback,
            .with {
                $0.ticketID = id; $0.satisfaction = .notSatisfied; $0.comment = "还有异味"; $0.actor = "12345-op"
            })
        let reopened = try #require(await agreed(on: .reopened))
        #expect(abs(reopened.0.resolveDueAt.date.timeIntervalSince(reopened.1.resolveDueAt.date)) < 0.001)
        try await report(.resolved, "已再次消杀，异味消除")
        _ = try await feedback.call(
            FeedbackAPI.recordCallback,
            .with {
                $0.ticketID = id; $0.satisfaction = .satisfied; $0.actor = "12345-op"
            })
        #expect(await agreed(on: .closed) != nil)
        // The 110 system is subscribed to its channel's calls by default: it saw every change, in order.
        var sequences = [Int]()
        #expect(
            await eventually(timeout: .seconds(20)) {
                guard let listed = try? await http.execute(HTTPClientRequest(url: stack.receiverEndpoint + "/status-110")),
                    let deliveries = try? JSONSerialization.jsonObject(with: Data(listed.body)) as? [[String: Any]]
                else { return false }
                sequences = deliveries.compactMap { delivery in
                    guard let body = delivery["body"] as? [String: Any], let event = body["event"] as? [String: Any],
                        event["ticketId"] as? String == id
                    else { return nil }
                    return Int(event["sequence"] as? String ?? "")
                }
                return sequences.last == reopened.1.history.count + 3
            })
        #expect(sequences == Array(1...(sequences.last ?? 0)))

        // Every service told reporting what happened, through its outbox: the month's bulletin has
        // the call, its diversion, the return, the reopening and the final callback.
        let reporting = try stack.client("reporting", httpClient: http)
        let month = Self.chengduMonth(Date())
        var total = Fenliu_Reporting_V1_Figures()
        #expect(
            await eventually(timeout: .seconds(30)) {
                guard let bulletin = try? await reporting.call(ReportingAPI.getMonthlyBulletin, .with { $0.month = month }).bulletin
                else { return false }
                total = bulletin.total
                return total.satisfactionRate.numerator == 1 && total.reopenRate.numerator == 1 && total.returnRate.denominator == 2
            }, "\(total)")
        #expect(total.calls == 1)
        #expect(total.callsByChannel == ["CHANNEL_110": 1])
        #expect("\(total.diversionRate.numerator)/\(total.diversionRate.denominator)" == "1/1")
        #expect(total.tickets == 1)
        #expect("\(total.returnRate.numerator)/\(total.returnRate.denominator)" == "1/2", "the first holder returned it")
        #expect("\(total.timelySignForRate.numerator)/\(total.timelySignForRate.denominator)" == "1/1")
        #expect("\(total.reopenRate.numerator)/\(total.reopenRate.denominator)" == "1/1")
        #expect("\(total.satisfactionRate.numerator)/\(total.satisfactionRate.denominator)" == "1/1", "the latest callback counts")
        let hops = try await reporting.call(ReportingAPI.getHopLatency, .with { $0.month = month }).hops
        #expect(hops.map(\.count).prefix(3) == [1, 1, 1], "received, classified, ticket created and delivered: \(hops)")
        let dashboard = try await http.execute(HTTPClientRequest(url: try #require(stack.urls["reporting"]) + "/?month=\(month)"))
        #expect(dashboard.status == 200)
        #expect(dashboard.text.contains("data-figure=\"calls\" data-value=\"1\""))

        // The caller's phone number never reached a log line at info level or above, in any service.
        let logs = stack.logs()
        #expect(!logs.isEmpty)
        #expect(!logs.contains("13800001111"), "a caller's phone number is in the stack's logs")
    }

    /// The Asia/Shanghai month of an instant, as `YYYY-MM`.
    static func chengduMonth(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let parts = calendar.dateComponents([.year, .month], from: date)
        return String(format: "%04d-%02d", parts.year ?? 0, parts.month ?? 0)
    }

    @Test("an Open311 client sees its report closed with the department's result, and fetches the updates")
    func open311SeesTheLoopClose() async throws {
        let stack = try await LocalStack.start()
        do {
            try await open311(stack)
        } catch {
            await stack.stop()
            throw error
        }
        await stack.stop()
    }

    private func open311(_ stack: LocalStack) async throws {
        let http = TestHTTP.client
        let intakeURL = try #require(stack.urls["intake"])
        let routing = try stack.client("routing", httpClient: http)
        let feedback = try stack.client("feedback", httpClient: http)
        let form =
            "service_code=PUBLIC_FACILITIES&address_string=%E6%88%90%E9%83%BD%E5%B8%82%E9%9D%92%E7%BE%8A%E5%8C%BA%E4%BA%BA%E6%B0%91%E4%B8%AD%E8%B7%AF%E4%B8%80%E6%AE%B5"
            + "&description=%E8%B7%AF%E7%81%AF%E4%B8%8D%E4%BA%AE&email=citizen%40example.org"
            + "&api_key=" + (try #require(stack.keys["FENLIU_KEY_OPEN311"]))
        let created = try await http.execute(
            HTTPClientRequest(
                method: "POST", url: intakeURL + "/open311/v2/requests.json", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                body: Array(form.utf8)))
        #expect(created.status == 201)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(created.body)) as? [[String: Any]])
        let id = try #require(records.first?["service_request_id"] as? String)

        var ticket = Fenliu_Routing_V1_Ticket()
        #expect(
            await eventually(timeout: .seconds(30)) {
                guard let found = try? await routing.call(RoutingAPI.listTickets, .with { $0.callID = id }).tickets.first else { return false }
                ticket = found
                return (try? await feedback.call(FeedbackAPI.getTicket, .with { $0.ticketID = found.id })) != nil
            })
        #expect(ticket.destination == .hotline12345)
        for (state, note) in [(Fenliu_Common_V1_TicketStatus.accepted, ""), (.resolved, "路灯已更换，恢复照明")] {
            _ = try await feedback.call(
                FeedbackAPI.reportStatus,
                .with {
                    $0.ticketID = ticket.id; $0.state = state; $0.note = note; $0.actor = ticket.departmentID
                })
        }
        let request = try await http.execute(HTTPClientRequest(url: intakeURL + "/open311/v2/requests/\(id).json"))
        let shown = try #require((try JSONSerialization.jsonObject(with: Data(request.body)) as? [[String: Any]])?.first)
        #expect(shown["status"] as? String == "closed")
        #expect(shown["status_notes"] as? String == "路灯已更换，恢复照明")
        #expect(shown["expected_datetime"] is String)
        let updates = try await http.execute(HTTPClientRequest(url: intakeURL + "/open311/v2/servicerequestupdates.xml"))
        #expect(updates.status == 200)
        #expect(updates.text.contains("<service_request_id>\(id)</service_request_id>"))
        #expect(updates.text.contains("<status>closed</status>"))
        #expect(updates.text.contains("路灯已更换，恢复照明"), "a department's result reaches the citizen")
        #expect(!updates.text.contains("routed by"), "routing's working notes do not: \(updates.text)")
    }
}
