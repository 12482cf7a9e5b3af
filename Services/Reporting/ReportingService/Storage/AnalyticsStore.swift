import FenliuModel
import Foundation
import Postgres

/// The multi-dimensional view, disputed matters, hot spots, hop latency and classification quality,
/// all from the facts (and, for disputes, the reassignment events).
enum AnalyticsStore {
    /// A grouping dimension of `QueryMetrics`.
    enum Dimension: String, CaseIterable, Sendable {
        case channel, category, district, department, priority, day, hour

        /// The SQL of the dimension over calls (received time) or tickets (created time); calls have
        /// no department or priority, so they group under an empty value there.
        fileprivate func expression(tickets: Bool) -> String {
            let time = tickets ? "created_at" : "received_at"
            switch self {
            case .channel: return "COALESCE(channel, '')"
            case .category: return "COALESCE(category, '')"
            case .district: return "COALESCE(district, '')"
            case .department: return tickets ? "COALESCE(department_id, '')" : "''"
            case .priority: return tickets ? "COALESCE(priority, '')" : "''"
            case .day: return "to_char(\(time) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')"
            case .hour: return "to_char(\(time) AT TIME ZONE 'Asia/Shanghai', 'HH24')"
            }
        }
    }

    /// One row of `QueryMetrics`.
    struct MetricRow: Sendable {
        var keys: [String]
        var calls: Int64 = 0
        var diverted: Int64 = 0
        var diversionBase: Int64 = 0
        var tickets: Int64 = 0
        var resolved: Int64 = 0
        var resolvedOnTime: Int64 = 0
        var returned: Int64 = 0
        var overdue: Int64 = 0
    }

    /// Filters of `QueryMetrics`.
    struct MetricFilter: Sendable {
        var from: Date
        var to: Date
        var district = ""
        var category = ""
        var channel = ""
    }

    /// Counts and rates grouped by `dimensions` over `[from, to)`.
    static func metrics(_ dimensions: [Dimension], filter: MetricFilter, on connection: PostgresConnection) throws -> [MetricRow] {
        var rows = [[String]: MetricRow]()
        let callKeys = dimensions.map { $0.expression(tickets: false) }
        let ticketKeys = dimensions.map { $0.expression(tickets: true) }
        func keyList(_ expressions: [String]) -> String {
            expressions.isEmpty ? "''" : expressions.enumerated().map { "\($0.element) AS k\($0.offset)" }.joined(separator: ", ")
        }
        func groupList(_ count: Int) -> String { count == 0 ? "1" : (1...count).map(String.init).joined(separator: ", ") }
        func keys(_ row: PostgresRow) throws -> [String] { try dimensions.indices.map { try row.decode("k\($0)", as: String.self) } }
        for row in try connection.query(
            """
            SELECT \(unescaped: keyList(callKeys)), count(*) AS calls,
                count(*) FILTER (WHERE channel = 'CHANNEL_110' AND destinations = 'HOTLINE_12345') AS diverted,
                count(*) FILTER (WHERE channel = 'CHANNEL_110' AND destinations IS NOT NULL AND destinations <> '') AS base
            FROM call_facts
            WHERE received_at >= \(filter.from) AND received_at < \(filter.to)
              AND (\(filter.district) = '' OR district = \(filter.district)) AND (\(filter.category) = '' OR category = \(filter.category))
              AND (\(filter.channel) = '' OR channel = \(filter.channel))
            GROUP BY \(unescaped: groupList(dimensions.count))
            """)
        {
            let key = try keys(row)
            var metric = rows[key] ?? MetricRow(keys: key)
            metric.calls = try row.decode("calls")
            metric.diverted = try row.decode("diverted")
            metric.diversionBase = try row.decode("base")
            rows[key] = metric
        }
        for row in try connection.query(
            """
            SELECT \(unescaped: keyList(ticketKeys)), count(*) AS tickets,
                count(*) FILTER (WHERE resolved_at IS NOT NULL) AS resolved,
                count(*) FILTER (WHERE resolved_at IS NOT NULL AND resolved_at <= resolve_due) AS on_time,
                count(*) FILTER (WHERE returned) AS returned, count(*) FILTER (WHERE overdue) AS overdue
            FROM ticket_facts
            WHERE created_at >= \(filter.from) AND created_at < \(filter.to)
              AND (\(filter.district) = '' OR district = \(filter.district)) AND (\(filter.category) = '' OR category = \(filter.category))
              AND (\(filter.channel) = '' OR channel = \(filter.channel))
            GROUP BY \(unescaped: groupList(dimensions.count))
            """)
        {
            let key = try keys(row)
            var metric = rows[key] ?? MetricRow(keys: key)
            metric.tickets = try row.decode("tickets")
            metric.resolved = try row.decode("resolved")
            metric.resolvedOnTime = try row.decode("on_time")
            metric.returned = try row.decode("returned")
            metric.overdue = try row.decode("overdue")
            rows[key] = metric
        }
        return rows.values.sorted { $0.keys.lexicographicallyPrecedes($1.keys) }
    }

    /// A matter disputed between departments.
    struct Dispute: Sendable {
        var category: String
        var district: String
        var tickets: [String]
        var departments: [String]
        var reasons: [String]
    }

    /// Tickets returned or reassigned in `[from, to)`, by matter and district, most disputed first.
    static func disputes(from: Date, to: Date, district: String, on connection: PostgresConnection) throws -> [Dispute] {
        try connection.query(
            """
            SELECT COALESCE(NULLIF(e.category, ''), t.category, '') AS category, COALESCE(NULLIF(e.district, ''), t.district, '') AS district,
                array_agg(DISTINCT e.ticket_id)::text AS tickets,
                array_agg(DISTINCT d.department)::text AS departments,
                array_agg(DISTINCT e.attributes->>'reason') FILTER (WHERE COALESCE(e.attributes->>'reason', '') <> '')::text AS reasons
            FROM events e
            LEFT JOIN ticket_facts t ON t.ticket_id = e.ticket_id
            CROSS JOIN LATERAL (VALUES (e.department_id), (e.attributes->>'from_department')) AS d(department)
            WHERE e.type = 'ticket.reassigned' AND e.occurred_at >= \(from) AND e.occurred_at < \(to)
              AND d.department IS NOT NULL AND d.department <> ''
              AND (\(district) = '' OR COALESCE(NULLIF(e.district, ''), t.district) = \(district))
            GROUP BY 1, 2
            ORDER BY count(DISTINCT e.ticket_id) DESC, 1, 2
            """
        ).map { row in
            Dispute(
                category: try row.decode("category"), district: try row.decode("district"),
                tickets: parseArray(try row.decode("tickets")), departments: parseArray(try row.decode("departments")),
                reasons: parseArray(try row.decode("reasons", as: String?.self) ?? "{}")
            )
        }
    }

    /// A place or incident with repeated calls.
    struct Hotspot: Sendable {
        var district: String
        var category: String
        var place: String
        var calls: [String]
        var first: Date
        var last: Date
    }

    /// Places (≈500 m cells, within a district) and incidents (a first call and its repeats) with at
    /// least `minimum` calls in `[from, to)`, the most called first: problems to solve at the source
    /// (研判). The matter shown is the calls' most common category.
    static func hotspots(from: Date, to: Date, minimum: Int, district: String, on connection: PostgresConnection) throws -> [Hotspot] {
        try connection.query(
            """
            WITH window_calls AS (
                SELECT call_id, COALESCE(district, '') AS district, COALESCE(category, '') AS category, place, incident_id, received_at
                FROM call_facts WHERE received_at >= \(from) AND received_at < \(to) AND (\(district) = '' OR district = \(district))
            ), groups AS (
                SELECT district, mode() WITHIN GROUP (ORDER BY category) AS category, place,
                       array_agg(call_id ORDER BY received_at)::text AS calls, count(*) AS n, min(received_at) AS first, max(received_at) AS last
                FROM window_calls WHERE place IS NOT NULL GROUP BY district, place
                UNION ALL
                SELECT mode() WITHIN GROUP (ORDER BY district), mode() WITHIN GROUP (ORDER BY category), 'incident:' || incident_id,
                       array_agg(call_id ORDER BY received_at)::text, count(*), min(received_at), max(received_at)
                FROM window_calls WHERE incident_id IS NOT NULL GROUP BY incident_id
            )
            SELECT * FROM groups WHERE n >= \(minimum) ORDER BY n DESC, last DESC LIMIT 200
            """
        ).map { row in
            Hotspot(
                district: try row.decode("district"), category: try row.decode("category"), place: try row.decode("place"),
                calls: parseArray(try row.decode("calls")), first: try row.decode("first"), last: try row.decode("last")
            )
        }
    }

    /// One hand-off's duration percentiles, in seconds.
    struct Hop: Sendable {
        var name: String
        var count: Int64
        var p50: Double
        var p90: Double
        var p99: Double
    }

    /// How long each hand-off took for calls received (or tickets created) in `[from, to)`.
    static func hops(from: Date, to: Date, on connection: PostgresConnection) throws -> [Hop] {
        let spans: [(String, String)] = [
            (
                "received→classified",
                "SELECT extract(epoch FROM classified_at - received_at) AS s FROM call_facts WHERE received_at >= $1 AND received_at < $2 AND classified_at IS NOT NULL"
            ),
            (
                "classified→ticket created",
                """
                SELECT extract(epoch FROM min(t.created_at) - min(c.classified_at)) AS s FROM call_facts c JOIN ticket_facts t ON t.call_id = c.call_id
                WHERE c.received_at >= $1 AND c.received_at < $2 AND c.classified_at IS NOT NULL GROUP BY c.call_id
                """
            ),
            (
                "ticket created→delivered",
                "SELECT extract(epoch FROM delivered_at - created_at) AS s FROM ticket_facts WHERE created_at >= $1 AND created_at < $2 AND delivered_at IS NOT NULL"
            ),
            (
                "delivered→accepted",
                "SELECT extract(epoch FROM accepted_at - delivered_at) AS s FROM ticket_facts WHERE created_at >= $1 AND created_at < $2 AND accepted_at IS NOT NULL AND delivered_at IS NOT NULL"
            ),
            (
                "accepted→resolved",
                "SELECT extract(epoch FROM resolved_at - accepted_at) AS s FROM ticket_facts WHERE created_at >= $1 AND created_at < $2 AND resolved_at IS NOT NULL AND accepted_at IS NOT NULL"
            ),
        ]
        return try spans.map { name, sql in
            let row = try connection.query(
                PostgresQuery(
                    sql: """
                        SELECT count(*) AS n, COALESCE(percentile_cont(0.5) WITHIN GROUP (ORDER BY s), 0) AS p50,
                               COALESCE(percentile_cont(0.9) WITHIN GROUP (ORDER BY s), 0) AS p90,
                               COALESCE(percentile_cont(0.99) WITHIN GROUP (ORDER BY s), 0) AS p99
                        FROM (\(sql)) spans
                        """, binds: [from.postgresText, to.postgresText])
            ).first
            return Hop(
                name: name, count: try row?.decode("n") ?? 0, p50: try row?.decode("p50") ?? 0, p90: try row?.decode("p90") ?? 0,
                p99: try row?.decode("p99") ?? 0)
        }
    }

    /// How the classifier did for calls received in `[from, to)`, by the category it proposed (a reviewer's
    /// change counts against the proposal it corrected).
    struct Quality: Sendable {
        var category: String
        var classified: Int64
        var sentToReview: Int64
        var reviewed: Int64
        var changed: Int64
    }

    static func quality(from: Date, to: Date, on connection: PostgresConnection) throws -> [Quality] {
        try connection.query(
            """
            SELECT COALESCE(proposed_category, category) AS category, count(*) AS classified,
                   count(*) FILTER (WHERE needs_review) AS review,
                   count(*) FILTER (WHERE reviewed) AS reviewed, count(*) FILTER (WHERE review_changed) AS changed
            FROM call_facts WHERE received_at >= \(from) AND received_at < \(to) AND COALESCE(proposed_category, category, '') <> ''
            GROUP BY 1 ORDER BY 1
            """
        ).map { row in
            Quality(
                category: try row.decode("category"), classified: try row.decode("classified"), sentToReview: try row.decode("review"),
                reviewed: try row.decode("reviewed"), changed: try row.decode("changed"))
        }
    }

    /// The elements of a PostgreSQL array's text form (`{a,"b c"}`).
    static func parseArray(_ text: String) -> [String] {
        guard text.count >= 2, text.hasPrefix("{"), text.hasSuffix("}") else { return [] }
        var values = [String]()
        var current = ""
        var quoted = false
        var escaped = false
        var wasQuoted = false
        for character in text.dropFirst().dropLast() {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
                wasQuoted = true
            } else if character == "," && !quoted {
                if wasQuoted || current != "NULL" { values.append(current) }
                current = ""
                wasQuoted = false
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty || wasQuoted { if wasQuoted || current != "NULL" { values.append(current) } }
        return values
    }
}
