import FenliuModel
import Foundation
import Postgres
import SwiftProtobuf

/// An event as reporting stores it.
struct StoredEvent: Sendable {
    var id: String
    var source: String
    var type: String
    var occurredAt: Date
    var callID: String
    var ticketID: String
    var category: String
    var district: String
    var departmentID: String
    var channel: String
    var attributes: [String: String]
}

/// The events the other services sent.
enum EventStore {
    static let columns = "id, source, type, occurred_at, call_id, ticket_id, category, district, department_id, channel, attributes::text AS attributes"

    /// One event as a row of the set `insert(_:on:)` sends: the columns by name, the time as
    /// PostgreSQL's own text, the attributes as a JSON object.
    private struct Row: Encodable {
        let id, source, type, occurredAt, callID, ticketID, category, district, departmentID, channel: String
        let attributes: [String: String]

        enum CodingKeys: String, CodingKey {
            case id, source, type, category, district, channel, attributes
            case occurredAt = "occurred_at"
            case callID = "call_id"
            case ticketID = "ticket_id"
            case departmentID = "department_id"
        }
    }

    /// Stores the events whose ids were not stored before, all in one statement (a batch of a
    /// hundred events was a hundred inserts), and returns the ids stored now. An id given twice is
    /// stored once.
    static func insert(_ events: [StoredEvent], on connection: PostgresConnection) throws -> Set<String> {
        guard !events.isEmpty else { return [] }
        let rows = events.map {
            Row(
                id: $0.id, source: $0.source, type: $0.type, occurredAt: $0.occurredAt.postgresText, callID: $0.callID, ticketID: $0.ticketID,
                category: $0.category, district: $0.district, departmentID: $0.departmentID, channel: $0.channel, attributes: $0.attributes)
        }
        let json = String(decoding: try JSONEncoder().encode(rows), as: UTF8.self)
        return Set(
            try connection.query(
                """
                INSERT INTO events (id, source, type, occurred_at, call_id, ticket_id, category, district, department_id, channel, attributes)
                SELECT id, source, type, occurred_at, call_id, ticket_id, category, district, department_id, channel, attributes
                FROM jsonb_to_recordset(\(json)::jsonb) AS row(id text, source text, type text, occurred_at timestamptz, call_id text,
                     ticket_id text, category text, district text, department_id text, channel text, attributes jsonb)
                ON CONFLICT (id) DO NOTHING
                RETURNING id
                """, plan: .cached
            ).map { try $0.decode("id", as: String.self) })
    }

    /// Everything a rebuild of `[from, to)` needs: the calls and tickets that had an event then,
    /// and every event their facts are built from, oldest first. A call's facts come from its
    /// `call.*` events only and a ticket's from its ticket events only (a ticket event names its
    /// call, but never changes the call's facts).
    static func touching(from: Date, to: Date, on connection: PostgresConnection) throws
        -> (calls: [String], tickets: [String], events: [StoredEvent])
    {
        let touched = try connection.query(
            """
            SELECT DISTINCT CASE WHEN type LIKE 'call.%' THEN 'c' ELSE 't' END AS kind,
                   CASE WHEN type LIKE 'call.%' THEN call_id ELSE ticket_id END AS id
            FROM events WHERE occurred_at >= \(from) AND occurred_at < \(to)
            """
        ).map { (try $0.decode("kind", as: String.self), try $0.decode("id", as: String.self)) }.filter { !$0.1.isEmpty }
        let calls = touched.filter { $0.0 == "c" }.map(\.1)
        let tickets = touched.filter { $0.0 == "t" }.map(\.1)
        let events = try connection.query(
            """
            SELECT \(unescaped: columns) FROM events
            WHERE (type LIKE 'call.%' AND call_id = ANY(\(EventRow.textArray(calls))::text[]))
               OR (type NOT LIKE 'call.%' AND ticket_id = ANY(\(EventRow.textArray(tickets))::text[]))
            ORDER BY occurred_at, id
            """
        ).map(EventRow.event)
        return (calls, tickets, events)
    }

    /// Events of `types` about the given calls or tickets, oldest first, at most `limit`.
    static func about(callIDs: [String], ticketIDs: [String], types: [String], limit: Int, on connection: PostgresConnection) throws
        -> [StoredEvent]
    {
        try connection.query(
            """
            SELECT \(unescaped: columns) FROM events
            WHERE type = ANY(\(EventRow.textArray(types))::text[])
              AND (call_id = ANY(\(EventRow.textArray(callIDs))::text[]) OR ticket_id = ANY(\(EventRow.textArray(ticketIDs))::text[]))
            ORDER BY occurred_at, id LIMIT \(limit)
            """
        ).map(EventRow.event)
    }
}

/// The mapping between an event and its row, and its proto.
enum EventRow {
    static func event(_ row: PostgresRow) throws -> StoredEvent {
        let attributes: String = try row.decode("attributes")
        let decoded: [String: String]
        do {
            decoded = try JSONDecoder().decode([String: String].self, from: Data(attributes.utf8))
        } catch {
            throw PostgresError(code: .decodingFailed, message: "column \"attributes\" is not a map of strings")
        }
        return StoredEvent(
            id: try row.decode("id"), source: try row.decode("source"), type: try row.decode("type"), occurredAt: try row.decode("occurred_at"),
            callID: try row.decode("call_id"), ticketID: try row.decode("ticket_id"), category: try row.decode("category"),
            district: try row.decode("district"), departmentID: try row.decode("department_id"), channel: try row.decode("channel"),
            attributes: decoded
        )
    }

    /// A PostgreSQL `text[]` literal.
    static func textArray(_ values: [String]) -> String {
        "{"
            + values.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }
}
