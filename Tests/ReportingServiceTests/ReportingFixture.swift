import FenliuModel
import Foundation
import HTTPClient
import Postgres
import RPC
import ReportingService
import SwiftProtobuf
import TestSupport

/// A running reporting service and a client for it.
struct ReportingHarness {
    let base: String
    let client: RPCClient
    let database: PostgresPool

    static func with<T: Sendable>(
        configuration: ReportingConfiguration = ReportingConfiguration(), _ body: (ReportingHarness) async throws -> T
    ) async throws -> T {
        try await TestService.with(ReportingModule.self, configuration: configuration) { base, database in
            try await body(
                ReportingHarness(base: base, client: RPCClient(baseURL: base, httpClient: TestHTTP.client, timeout: TestHTTP.rpcTimeout), database: database))
        }
    }

    /// Sends `events` in batches of `batch`.
    @discardableResult
    func ingest(_ events: [Fenliu_Reporting_V1_Event], batch: Int = 1000) async throws -> (accepted: Int, duplicates: Int) {
        var accepted = 0
        var duplicates = 0
        for start in stride(from: 0, to: events.count, by: batch) {
            let response = try await client.call(
                ReportingAPI.ingestEvents, .with { $0.events = Array(events[start..<min(start + batch, events.count)]) })
            accepted += Int(response.accepted)
            duplicates += Int(response.duplicates)
        }
        return (accepted, duplicates)
    }

    func bulletin(_ month: String, district: String = "") async throws -> Fenliu_Reporting_V1_MonthlyBulletin {
        try await client.call(
            ReportingAPI.getMonthlyBulletin,
            .with {
                $0.month = month
                $0.district = district
            }
        ).bulletin
    }

    /// A page's body and headers.
    func get(_ path: String, method: String = "GET") async throws -> HTTPClientResponse {
        try await TestHTTP.client.execute(HTTPClientRequest(method: method, url: base + path))
    }
}

/// Builds events the way the four services send them.
struct EventLog {
    private(set) var events: [Fenliu_Reporting_V1_Event] = []

    /// An instant given as Chengdu wall time, e.g. `2026-11-01 00:30`.
    static func chengdu(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }

    private mutating func add(
        _ source: String, _ type: String, key: String, at: Date, call: String = "", ticket: String = "",
        category: Fenliu_Common_V1_Category = .unspecified, district: String = "", department: String = "",
        channel: Fenliu_Common_V1_Channel = .unspecified, attributes: [String: String] = [:]
    ) {
        events.append(
            .with {
                $0.id = "\(source):\(type):\(key)"
                $0.source = source
                $0.type = type
                $0.occurredAt = Google_Protobuf_Timestamp(date: at)
                $0.callID = call
                $0.ticketID = ticket
                $0.category = category
                $0.district = district
                $0.departmentID = department
                $0.channel = channel
                $0.attributes = attributes
            })
    }

    mutating func received(_ call: String, _ channel: Fenliu_Common_V1_Channel, _ district: String, at: Date, place: String? = nil, incident: String? = nil) {
        var attributes = ["incident_id": incident ?? call]
        if let place { attributes["place"] = place }
        add("intake", "call.received", key: call, at: at, call: call, district: district, channel: channel, attributes: attributes)
    }

    mutating func classified(
        _ call: String, _ channel: Fenliu_Common_V1_Channel, _ district: String, _ category: Fenliu_Common_V1_Category,
        _ destinations: String, at: Date, needsReview: Bool = false
    ) {
        add(
            "classification", "call.classified", key: call, at: at, call: call, category: category, district: district, channel: channel,
            attributes: ["destinations": destinations, "needs_review": needsReview ? "true" : "false", "confidence": "0.900"])
    }

    mutating func reviewed(
        _ call: String, _ channel: Fenliu_Common_V1_Channel, _ district: String, _ category: Fenliu_Common_V1_Category,
        _ destinations: String, at: Date, changed: Bool, previous: Fenliu_Common_V1_Category? = nil
    ) {
        var attributes = ["destinations": destinations, "changed": changed ? "true" : "false"]
        if let previous, let code = Category(proto: previous)?.code { attributes["previous_category"] = code }
        add(
            "classification", "call.reviewed", key: "\(call):2", at: at, call: call, category: category, district: district,
            channel: channel, attributes: attributes)
    }

    mutating func created(
        _ ticket: String, call: String, _ department: String, name: String, _ district: String, _ category: Fenliu_Common_V1_Category,
        channel: Fenliu_Common_V1_Channel, at: Date, signFor: TimeInterval = 1800, resolve: TimeInterval = 86_400
    ) {
        add(
            "routing", "ticket.created", key: ticket, at: at, call: call, ticket: ticket, category: category, district: district,
            department: department, channel: channel,
            attributes: [
                "kind": "WORK_ORDER", "destination": "HOTLINE_12345", "priority": "NORMAL", "state": "DISPATCHED", "department_name": name,
                "sign_for_due": at.addingTimeInterval(signFor).postgresText, "resolve_due": at.addingTimeInterval(resolve).postgresText,
            ])
    }

    mutating func reassigned(
        _ ticket: String, from: String, to department: String, name: String, _ district: String, reason: String, returned: Bool,
        at: Date, signFor: TimeInterval = 1800
    ) {
        add(
            "routing", "ticket.reassigned", key: "\(ticket):\(events.count)", at: at, ticket: ticket, district: district,
            department: department,
            attributes: [
                "from_department": from, "reason": reason, "returned": returned ? "true" : "false", "department_name": name,
                "sign_for_due": at.addingTimeInterval(signFor).postgresText,
            ])
    }

    mutating func delivered(_ ticket: String, at: Date) {
        add("routing", "ticket.delivered", key: ticket, at: at, ticket: ticket)
    }

    /// A state change as feedback reports it, with the deadlines then in force.
    mutating func state(
        _ ticket: String, _ state: String, _ department: String, at: Date, signForDue: Date? = nil, resolveDue: Date? = nil
    ) {
        var attributes = ["state": state]
        if let signForDue { attributes["sign_for_due"] = signForDue.postgresText }
        if let resolveDue { attributes["resolve_due"] = resolveDue.postgresText }
        add(
            "feedback", "ticket.state_changed", key: "\(ticket):\(state):\(events.count)", at: at, ticket: ticket, department: department,
            attributes: attributes)
    }

    mutating func overdue(_ ticket: String, _ department: String, at: Date) {
        add("feedback", "ticket.overdue", key: "\(ticket):\(events.count)", at: at, ticket: ticket, department: department, attributes: ["clock": "resolve"])
    }

    mutating func callback(_ ticket: String, _ department: String, _ satisfaction: String, objects: Bool = false, state: String, at: Date) {
        add(
            "feedback", "callback.recorded", key: "\(ticket):\(events.count)", at: at, ticket: ticket, department: department,
            attributes: ["satisfaction": satisfaction, "objects_to_diversion": objects ? "true" : "false", "state": state])
    }
}

/// The fixture month, November 2026 in Chengdu, with its figures worked out by hand beside it.
///
/// Calls — November (Chengdu time): c1 110 锦江 00:30 on the 1st (23:30 UTC... of 31 Oct: November
/// all the same), diverted; c3 110 武侯 23:30 on the 30th, police; c5 12345 锦江, handed to 110; c6
/// 12345 武侯, 12345; c7 110 武侯, first diverted, then reviewed to police (changed); c8 119 锦江,
/// fire + ambulance; c9 110 锦江, not classified yet. October: c2 110 锦江 23:30 on the 31st,
/// diverted. December: c4 110 武侯 00:30 on 1 December.
///
/// Tickets created in November: t1 (c1, 锦江城管) signed and resolved in time, satisfied; t2 (c6,
/// 武侯城管) signed late, resolved late, overdue, basically satisfied; t3 (c5, 锦江派出所) signed in
/// time, open; t4 (锦江城管, returned to 锦江市监 which signed in time, was extended, resolved in
/// time; not satisfied, objects to the diversion, reopened). t6 was created in October (锦江城管);
/// t5 on 1 December.
enum NovemberFixture {
    static let jinjiang = "510104"
    static let wuhou = "510107"
    static let place = "30.655,104.080"

    static var log: EventLog {
        var log = EventLog()
        let t = EventLog.chengdu
        // October's call and ticket, and December's.
        log.received("c2", .channel110, jinjiang, at: t("2026-10-31 23:30"))
        log.classified("c2", .channel110, jinjiang, .cityAppearance, "HOTLINE_12345", at: t("2026-10-31 23:31"))
        log.created("t6", call: "c2", "510104-cgj", name: "锦江区城管局", jinjiang, .cityAppearance, channel: .channel110, at: t("2026-10-31 23:40"))
        log.state("t6", "ACCEPTED", "510104-cgj", at: t("2026-10-31 23:50"), signForDue: t("2026-11-01 00:10"))
        log.state("t6", "RESOLVED", "510104-cgj", at: t("2026-11-01 09:00"), resolveDue: t("2026-11-01 23:40"))
        log.received("c4", .channel110, wuhou, at: t("2026-12-01 00:30"))
        log.classified("c4", .channel110, wuhou, .cityAppearance, "HOTLINE_12345", at: t("2026-12-01 00:31"))
        log.created("t5", call: "c4", "510107-cgj", name: "武侯区城管局", wuhou, .cityAppearance, channel: .channel110, at: t("2026-12-01 00:40"))

        // November's calls.
        log.received("c1", .channel110, jinjiang, at: t("2026-11-01 00:30"), place: place)
        log.classified("c1", .channel110, jinjiang, .cityAppearance, "HOTLINE_12345", at: t("2026-11-01 00:30").addingTimeInterval(2))
        log.received("c3", .channel110, wuhou, at: t("2026-11-30 23:30"))
        log.classified("c3", .channel110, wuhou, .crimeReport, "POLICE_110", at: t("2026-11-30 23:30").addingTimeInterval(2))
        log.received("c5", .channel12345, jinjiang, at: t("2026-11-10 10:00"), place: place)
        log.classified("c5", .channel12345, jinjiang, .crimeReport, "POLICE_110", at: t("2026-11-10 10:00").addingTimeInterval(2))
        log.received("c6", .channel12345, wuhou, at: t("2026-11-11 10:00"))
        log.classified("c6", .channel12345, wuhou, .cityAppearance, "HOTLINE_12345", at: t("2026-11-11 10:00").addingTimeInterval(2))
        log.received("c7", .channel110, wuhou, at: t("2026-11-12 10:00"), incident: "c3")
        log.classified("c7", .channel110, wuhou, .disputeMediation, "HOTLINE_12345", at: t("2026-11-12 10:00").addingTimeInterval(2), needsReview: true)
        log.reviewed("c7", .channel110, wuhou, .crimeReport, "POLICE_110", at: t("2026-11-12 10:10"), changed: true)
        log.received("c8", .channel119, jinjiang, at: t("2026-11-13 10:00"))
        log.classified("c8", .channel119, jinjiang, .fire, "FIRE_119,MEDICAL_120", at: t("2026-11-13 10:00").addingTimeInterval(2))
        log.received("c9", .channel110, jinjiang, at: t("2026-11-14 10:00"), place: place)

        // November's tickets.
        let t1 = t("2026-11-01 01:00")
        log.created("t1", call: "c1", "510104-cgj", name: "锦江区城管局", jinjiang, .cityAppearance, channel: .channel110, at: t1)
        log.delivered("t1", at: t1.addingTimeInterval(60))
        log.state("t1", "ACCEPTED", "510104-cgj", at: t1.addingTimeInterval(20 * 60), signForDue: t1.addingTimeInterval(1800))
        log.state("t1", "RESOLVED", "510104-cgj", at: t1.addingTimeInterval(20 * 3600), resolveDue: t1.addingTimeInterval(86_400))
        log.callback("t1", "510104-cgj", "SATISFIED", state: "CALLBACK_DONE", at: t1.addingTimeInterval(22 * 3600))

        let t2 = t("2026-11-11 10:05")
        log.created("t2", call: "c6", "510107-cgj", name: "武侯区城管局", wuhou, .cityAppearance, channel: .channel12345, at: t2)
        log.state("t2", "ACCEPTED", "510107-cgj", at: t2.addingTimeInterval(40 * 60), signForDue: t2.addingTimeInterval(1800))
        log.overdue("t2", "510107-cgj", at: t2.addingTimeInterval(86_400))
        log.state("t2", "RESOLVED", "510107-cgj", at: t2.addingTimeInterval(30 * 3600), resolveDue: t2.addingTimeInterval(86_400))
        // An objection on a ticket whose call came in on 12345 (feedback refuses these now; stored
        // ones stay): not a diversion, so not counted.
        log.callback("t2", "510107-cgj", "BASICALLY_SATISFIED", objects: true, state: "CALLBACK_DONE", at: t2.addingTimeInterval(32 * 3600))

        let t3 = t("2026-11-10 10:01")
        log.created("t3", call: "c5", "510104-pcs", name: "锦江公安分局", jinjiang, .crimeReport, channel: .channel12345, at: t3)
        log.state("t3", "ACCEPTED", "510104-pcs", at: t3.addingTimeInterval(5 * 60), signForDue: t3.addingTimeInterval(1800))

        let t4 = t("2026-11-20 09:00")
        log.created("t4", call: "c9", "510104-cgj", name: "锦江区城管局", jinjiang, .cityAppearance, channel: .channel110, at: t4)
        log.state("t4", "RETURNED", "510104-cgj", at: t4.addingTimeInterval(600))
        log.reassigned(
            "t4", from: "510104-cgj", to: "510104-scj", name: "锦江区市场监管局, 食品科", jinjiang, reason: "不属于本部门职责，\n应由市场监管处理", returned: true,
            at: t4.addingTimeInterval(900))
        log.state("t4", "ACCEPTED", "510104-scj", at: t4.addingTimeInterval(1200), signForDue: t4.addingTimeInterval(900 + 1800))
        log.state("t4", "EXTENDED", "510104-scj", at: t4.addingTimeInterval(3600), resolveDue: t4.addingTimeInterval(3 * 86_400))
        log.state("t4", "RESOLVED", "510104-scj", at: t4.addingTimeInterval(2 * 86_400), resolveDue: t4.addingTimeInterval(3 * 86_400))
        log.callback("t4", "510104-scj", "NOT_SATISFIED", objects: true, state: "REOPENED", at: t4.addingTimeInterval(2 * 86_400 + 3600))
        return log
    }
}
