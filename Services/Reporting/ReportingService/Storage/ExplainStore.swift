import Foundation
import Postgres

/// The facts and events behind one figure of the bulletin (`ExplainFigure`).
enum ExplainStore {
    /// A figure: what it means, which rows count below and above the line, and which of their
    /// events to show.
    struct Definition: Sendable {
        var text: String
        /// What the figure counts.
        var table: Source
        var denominator: String
        var numerator: String
        var eventTypes: [String]
        /// What each row above the line adds to the figure (`extensions` counts every extension).
        var weight = "1"
    }

    /// Calls (by the month they came in), tickets (by the month they were created), or the
    /// holdings of those tickets (each department that held one).
    enum Source: Sendable {
        case calls
        case tickets
        case holdings

        var from: String {
            switch self {
            case .calls: "call_facts c"
            case .tickets: "ticket_facts t"
            case .holdings: "assignments a JOIN ticket_facts t ON t.ticket_id = a.ticket_id"
            }
        }

        var id: String { self == .calls ? "c.call_id" : "t.ticket_id" }
        var time: String { self == .calls ? "c.received_at" : "t.created_at" }
        var district: String { self == .calls ? "c.district" : "t.district" }
        var department: String? {
            switch self {
            case .calls: nil
            case .tickets: "t.department_id"
            case .holdings: "a.department_id"
            }
        }
    }

    /// Every figure `ExplainFigure` knows, by its `Figures` field name.
    static let definitions: [String: Definition] = [
        "calls": Definition(text: "calls received in the month", table: .calls, denominator: "true", numerator: "true", eventTypes: ["call.received"]),
        "diversion_rate": Definition(
            text: "110 calls sent to 12345 alone / 110 calls classified", table: .calls,
            denominator: "channel = 'CHANNEL_110' AND destinations IS NOT NULL AND destinations <> ''",
            numerator: "channel = 'CHANNEL_110' AND destinations = 'HOTLINE_12345'", eventTypes: ["call.classified", "call.reviewed"]),
        "handed_to_110": Definition(
            text: "12345 calls that reached 110", table: .calls, denominator: "channel = 'CHANNEL_12345'",
            numerator: "channel = 'CHANNEL_12345' AND destinations LIKE '%POLICE_110%'", eventTypes: ["call.classified", "call.reviewed"]),
        "tickets": Definition(text: "tickets created in the month", table: .tickets, denominator: "true", numerator: "true", eventTypes: ["ticket.created"]),
        "timely_sign_for_rate": Definition(
            text: "tickets signed for by their holder's deadline / tickets signed for", table: .tickets,
            denominator: "accepted_at IS NOT NULL", numerator: "accepted_at IS NOT NULL AND accepted_at <= sign_for_due",
            eventTypes: ["ticket.state_changed"]),
        "on_time_resolution_rate": Definition(
            text: "tickets first resolved by the deadline then in force / tickets resolved", table: .tickets,
            denominator: "resolved_at IS NOT NULL", numerator: "resolved_at IS NOT NULL AND resolved_at <= resolve_due",
            eventTypes: ["ticket.state_changed"]),
        "return_rate": Definition(
            text: "holdings returned / holdings: each department that held one of the month's tickets counts once, returned or not",
            table: .holdings, denominator: "true", numerator: "a.returned", eventTypes: ["ticket.created", "ticket.reassigned"]),
        "reopen_rate": Definition(
            text: "tickets reopened at least once / tickets resolved", table: .tickets, denominator: "resolved_at IS NOT NULL",
            numerator: "reopened", eventTypes: ["ticket.state_changed", "callback.recorded"]),
        "overdue": Definition(
            text: "tickets that went overdue on any deadline", table: .tickets, denominator: "true", numerator: "overdue",
            eventTypes: ["ticket.overdue"]),
        "extensions": Definition(
            text: "extensions granted (a ticket extended twice counts twice)", table: .tickets, denominator: "true",
            numerator: "extensions > 0", eventTypes: ["ticket.state_changed"], weight: "extensions"),
        "satisfaction_rate": Definition(
            text: "(satisfied + basically satisfied) / callbacks that reached the caller", table: .tickets,
            denominator: "satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED', 'NOT_SATISFIED')",
            numerator: "satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')", eventTypes: ["callback.recorded"]),
        "diversion_objections": Definition(
            text: "callers objecting to having been diverted from 110", table: .tickets, denominator: "true",
            // Only a 110 call was diverted: an objection recorded on another line's ticket (feedback
            // refuses them now, but earlier ones are stored) is not counted.
            numerator: "objects_to_diversion AND channel = 'CHANNEL_110'", eventTypes: ["callback.recorded"]),
    ]

    /// `diversionRate` as `diversion_rate`, `handedTo110` as `handed_to_110`; a snake_case name unchanged.
    static func snakeCase(_ name: String) -> String {
        var result = ""
        var previous: Character?
        for character in name {
            let startsNumber = character.isNumber && previous.map { !$0.isNumber && $0 != "_" } ?? false
            if character.isUppercase && !result.isEmpty || startsNumber { result += "_" }
            result += character.lowercased()
            previous = character
        }
        return result
    }

    /// The rows below and above the line, and their events.
    static func explain(
        _ definition: Definition, month: ReportingMonth, department: String, district: String, limit: Int, on connection: PostgresConnection
    ) throws -> (numerator: Int64, denominator: Int64, numeratorEvents: [StoredEvent], denominatorEvents: [StoredEvent]) {
        let source = definition.table
        let calls = source == .calls
        let departmentFilter = source.department.map { department.isEmpty ? "true" : "\($0) = $4" } ?? "true"
        func rows(_ predicate: String) throws -> [(id: String, weight: Int64)] {
            try connection.query(
                PostgresQuery(
                    sql: """
                        SELECT \(source.id) AS id, (\(definition.weight))::bigint AS weight FROM \(source.from)
                        WHERE \(source.time) >= $1::timestamptz AND \(source.time) < $2::timestamptz AND ($3 = '' OR \(source.district) = $3)
                          AND \(departmentFilter) AND (\(predicate))
                        ORDER BY \(source.time), \(source.id)
                        """,
                    binds: [month.start.postgresText, month.end.postgresText, district] + (calls || department.isEmpty ? [] : [department]))
            ).map { (try $0.decode("id", as: String.self), try $0.decode("weight", as: Int64.self)) }
        }
        let belowRows = try rows(definition.denominator)
        let aboveRows = try rows(definition.numerator)
        /// Each call or ticket once (a ticket held by two departments is two holdings), in order.
        func distinct(_ rows: [(id: String, weight: Int64)]) -> [String] {
            var seen = Set<String>()
            return rows.map(\.id).filter { seen.insert($0).inserted }
        }
        let below = distinct(belowRows)
        let above = distinct(aboveRows)
        func events(_ ids: [String]) throws -> [StoredEvent] {
            let chosen = Array(ids.prefix(limit))
            return try EventStore.about(
                callIDs: calls ? chosen : [], ticketIDs: calls ? [] : chosen, types: definition.eventTypes, limit: limit * 4, on: connection)
        }
        return (aboveRows.reduce(0) { $0 + $1.weight }, Int64(belowRows.count), try events(above), try events(below))
    }
}
