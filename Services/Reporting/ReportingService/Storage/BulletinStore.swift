import FenliuModel
import Foundation
import Postgres

/// The bulletin's figures, computed from the facts of one month (see README, "Reporting", for
/// every definition). Calls count in the month they were received, tickets in the month they were
/// created, each ticket under the department holding it now.
enum BulletinStore {
    /// The bulletin of `month`, within `district` when given.
    static func bulletin(_ month: ReportingMonth, district: String, on connection: PostgresConnection) throws -> Bulletin {
        Bulletin(
            month: month, district: district, current: try parts(month, district: district, on: connection),
            previous: try parts(month.previous, district: district, on: connection), computedAt: Date())
    }

    /// Everything the bulletin needs of one month.
    static func parts(_ month: ReportingMonth, district: String, on connection: PostgresConnection) throws -> Bulletin.Parts {
        var parts = Bulletin.Parts()
        parts.districts = try figures(month, grouping: .district, district: district, on: connection)
        parts.departments = try figures(month, grouping: .department, district: district, on: connection)
        for row in try connection.query(
            """
            SELECT t.department_id, mode() WITHIN GROUP (ORDER BY t.district) AS home, min(d.name) AS name
            FROM ticket_facts t LEFT JOIN departments d ON d.department_id = t.department_id
            WHERE t.created_at >= \(month.start) AND t.created_at < \(month.end) AND t.department_id IS NOT NULL AND t.department_id <> ''
              AND (\(district) = '' OR t.district = \(district))
            GROUP BY t.department_id
            """)
        {
            let id: String = try row.decode("department_id")
            parts.homes[id] = try row.decode("home", as: String?.self) ?? ""
            if let name = try row.decode("name", as: String?.self) { parts.names[id] = name }
        }
        return parts
    }

    /// How to group: per district or per department.
    enum Grouping: Sendable {
        case district
        case department

        fileprivate var callKey: String {
            switch self {
            case .department: "''"
            case .district: "COALESCE(district, '')"
            }
        }

        fileprivate var ticketKey: String {
            switch self {
            case .district: "COALESCE(district, '')"
            case .department: "COALESCE(department_id, '')"
            }
        }
    }

    /// The figures of `month` by the grouping's key, within `district` when given.
    static func figures(_ month: ReportingMonth, grouping: Grouping, district: String, on connection: PostgresConnection) throws
        -> [String: Figures]
    {
        var result = [String: Figures]()
        if grouping == .district {
            for row in try connection.query(
                """
                SELECT \(unescaped: grouping.callKey) AS key, count(*) AS calls,
                    count(*) FILTER (WHERE channel = 'CHANNEL_110') AS channel_110,
                    count(*) FILTER (WHERE channel = 'CHANNEL_12345') AS channel_12345,
                    count(*) FILTER (WHERE channel = 'CHANNEL_119') AS channel_119,
                    count(*) FILTER (WHERE channel = 'CHANNEL_120') AS channel_120,
                    count(*) FILTER (WHERE channel = 'CHANNEL_OPEN311') AS channel_open311,
                    count(*) FILTER (WHERE channel = 'CHANNEL_110' AND destinations IS NOT NULL AND destinations <> '') AS diversion_base,
                    count(*) FILTER (WHERE channel = 'CHANNEL_110' AND destinations = 'HOTLINE_12345') AS diverted,
                    count(*) FILTER (WHERE channel = 'CHANNEL_12345' AND destinations LIKE '%POLICE_110%') AS handed
                FROM call_facts
                WHERE received_at >= \(month.start) AND received_at < \(month.end) AND (\(district) = '' OR district = \(district))
                GROUP BY 1
                """)
            {
                var figures = Figures()
                figures.calls = try row.decode("calls")
                for channel in Channel.allCases {
                    let count: Int64 = try row.decode(channel.code.lowercased())
                    if count > 0 { figures.callsByChannel[channel.code] = count }
                }
                figures.diversion = Ratio(numerator: try row.decode("diverted"), denominator: try row.decode("diversion_base"))
                figures.handedTo110 = try row.decode("handed")
                result[try row.decode("key")] = figures
            }
        }
        for row in try connection.query(
            """
            SELECT \(unescaped: grouping.ticketKey) AS key, count(*) AS tickets,
                count(*) FILTER (WHERE accepted_at IS NOT NULL) AS signed,
                count(*) FILTER (WHERE accepted_at IS NOT NULL AND accepted_at <= sign_for_due) AS signed_in_time,
                count(*) FILTER (WHERE resolved_at IS NOT NULL) AS resolved,
                count(*) FILTER (WHERE resolved_at IS NOT NULL AND resolved_at <= resolve_due) AS resolved_in_time,
                count(*) FILTER (WHERE reopened) AS reopened,
                count(*) FILTER (WHERE overdue) AS overdue,
                COALESCE(sum(extensions), 0) AS extensions,
                count(*) FILTER (WHERE satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED', 'NOT_SATISFIED')) AS reached,
                count(*) FILTER (WHERE satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied,
                count(*) FILTER (WHERE objects_to_diversion AND channel = 'CHANNEL_110') AS objections
            FROM ticket_facts
            WHERE created_at >= \(month.start) AND created_at < \(month.end) AND (\(district) = '' OR district = \(district))
            GROUP BY 1
            """)
        {
            let key: String = try row.decode("key")
            var figures = result[key] ?? Figures()
            figures.tickets = try row.decode("tickets")
            figures.timelySignFor = Ratio(numerator: try row.decode("signed_in_time"), denominator: try row.decode("signed"))
            let resolved: Int64 = try row.decode("resolved")
            figures.onTimeResolution = Ratio(numerator: try row.decode("resolved_in_time"), denominator: resolved)
            figures.reopens = Ratio(numerator: try row.decode("reopened"), denominator: resolved)
            figures.overdue = try row.decode("overdue")
            figures.extensions = try row.decode("extensions")
            figures.satisfaction = Ratio(numerator: try row.decode("satisfied"), denominator: try row.decode("reached"))
            figures.diversionObjections = try row.decode("objections")
            result[key] = figures
        }
        // Returns by holding: each department that held one of the month's tickets counts once,
        // returned or not, so a return counts against the department that sent the ticket back.
        for row in try connection.query(
            """
            SELECT \(unescaped: grouping == .district ? "COALESCE(t.district, '')" : "a.department_id") AS key, count(*) AS held,
                count(*) FILTER (WHERE a.returned) AS returned
            FROM assignments a JOIN ticket_facts t ON t.ticket_id = a.ticket_id
            WHERE t.created_at >= \(month.start) AND t.created_at < \(month.end) AND (\(district) = '' OR t.district = \(district))
            GROUP BY 1
            """)
        {
            let key: String = try row.decode("key")
            var figures = result[key] ?? Figures()
            figures.returns = Ratio(numerator: try row.decode("returned"), denominator: try row.decode("held"))
            result[key] = figures
        }
        return result
    }

    /// The trend lines of the dashboard, for `months` (consecutive, oldest first): calls, the
    /// diversion rate and the satisfaction rate of each, in two queries however many months.
    static func trend(_ months: [ReportingMonth], district: String, on connection: PostgresConnection) throws -> [(month: ReportingMonth, figures: Figures)] {
        guard let first = months.first, let last = months.last else { return [] }
        var figures = [String: Figures]()
        for row in try connection.query(
            """
            SELECT to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*) AS calls,
                count(*) FILTER (WHERE channel = 'CHANNEL_110' AND destinations IS NOT NULL AND destinations <> '') AS diversion_base,
                count(*) FILTER (WHERE channel = 'CHANNEL_110' AND destinations = 'HOTLINE_12345') AS diverted
            FROM call_facts
            WHERE received_at >= \(first.start) AND received_at < \(last.end) AND (\(district) = '' OR district = \(district))
            GROUP BY 1
            """)
        {
            var month = Figures()
            month.calls = try row.decode("calls")
            month.diversion = Ratio(numerator: try row.decode("diverted"), denominator: try row.decode("diversion_base"))
            figures[try row.decode("month")] = month
        }
        for row in try connection.query(
            """
            SELECT to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*) AS tickets,
                count(*) FILTER (WHERE satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED', 'NOT_SATISFIED')) AS reached,
                count(*) FILTER (WHERE satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied
            FROM ticket_facts
            WHERE created_at >= \(first.start) AND created_at < \(last.end) AND (\(district) = '' OR district = \(district))
            GROUP BY 1
            """)
        {
            let key: String = try row.decode("month")
            var month = figures[key] ?? Figures()
            month.tickets = try row.decode("tickets")
            month.satisfaction = Ratio(numerator: try row.decode("satisfied"), denominator: try row.decode("reached"))
            figures[key] = month
        }
        return months.map { ($0, figures[$0.description] ?? Figures()) }
    }
}
