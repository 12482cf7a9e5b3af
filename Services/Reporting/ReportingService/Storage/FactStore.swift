import Foundation
import Postgres

/// Builds the facts from events. Each event merges into its call's or ticket's row so that the
/// order of arrival does not matter: a first time is the least of those seen, a flag once set stays
/// set, a holder or a reviewed category is the one of the latest event, a count counts each event
/// once (a repeated event id never reaches here).
enum FactStore {
    /// Merges new events into the facts, in the order given. A department's name is looked up once
    /// per batch while its row already holds it (every ticket event names its department).
    static func apply(_ events: [StoredEvent], on connection: PostgresConnection) throws {
        // Each department's name as its row was last seen to hold it; forgotten once this batch
        // wrote the row (or found a newer name), so the next event looks again.
        var namesHeld = [String: String]()
        for event in events {
            if let name = event.attributes["department_name"], !name.isEmpty, !event.departmentID.isEmpty, namesHeld[event.departmentID] != name {
                namesHeld[event.departmentID] = try keepName(name, of: event.departmentID, at: event.occurredAt, on: connection) ? name : nil
            }
            try apply(event, on: connection)
        }
    }

    /// Merges one new event into the facts (its department's name aside).
    private static func apply(_ event: StoredEvent, on connection: PostgresConnection) throws {
        let attributes = event.attributes
        func time(_ key: String) -> Date? { attributes[key].flatMap(Date.init(postgresText:)) }
        switch event.type {
        case "call.received":
            try connection.query(
                """
                INSERT INTO call_facts (call_id, channel, district, received_at, incident_id, place)
                VALUES (\(event.callID), \(event.channel), \(event.district), \(event.occurredAt), \(attributes["incident_id"]), \(attributes["place"]))
                ON CONFLICT (call_id) DO UPDATE SET channel = EXCLUDED.channel, district = EXCLUDED.district,
                    received_at = EXCLUDED.received_at, incident_id = EXCLUDED.incident_id, place = EXCLUDED.place
                """, plan: .cached)
        case "call.classified":
            try connection.query(
                """
                INSERT INTO call_facts (call_id, channel, district, category, proposed_category, destinations, classified_at, needs_review)
                VALUES (\(event.callID), \(event.channel), \(event.district), \(event.category), \(event.category),
                        \(attributes["destinations"] ?? ""), \(event.occurredAt), \(attributes["needs_review"] == "true"))
                ON CONFLICT (call_id) DO UPDATE SET
                    channel = COALESCE(call_facts.channel, EXCLUDED.channel), district = COALESCE(call_facts.district, EXCLUDED.district),
                    proposed_category = EXCLUDED.proposed_category,
                    category = CASE WHEN call_facts.reviewed THEN call_facts.category ELSE EXCLUDED.category END,
                    destinations = CASE WHEN call_facts.reviewed THEN call_facts.destinations ELSE EXCLUDED.destinations END,
                    classified_at = LEAST(call_facts.classified_at, EXCLUDED.classified_at), needs_review = EXCLUDED.needs_review
                """, plan: .cached)
        case "call.reviewed":
            try connection.query(
                """
                INSERT INTO call_facts (call_id, channel, district, category, proposed_category, destinations, reviewed, review_changed,
                                        reviewed_at, needs_review)
                VALUES (\(event.callID), \(event.channel), \(event.district), \(event.category), NULLIF(\(attributes["previous_category"] ?? ""), ''),
                        \(attributes["destinations"] ?? ""), true, \(attributes["changed"] == "true"), \(event.occurredAt), true)
                ON CONFLICT (call_id) DO UPDATE SET
                    channel = COALESCE(call_facts.channel, EXCLUDED.channel), district = COALESCE(call_facts.district, EXCLUDED.district),
                    -- The classifier's own event sets it; a review arriving first holds the category it changed.
                    proposed_category = COALESCE(call_facts.proposed_category, EXCLUDED.proposed_category),
                    category = CASE WHEN call_facts.reviewed_at IS NULL OR EXCLUDED.reviewed_at >= call_facts.reviewed_at
                                    THEN EXCLUDED.category ELSE call_facts.category END,
                    destinations = CASE WHEN call_facts.reviewed_at IS NULL OR EXCLUDED.reviewed_at >= call_facts.reviewed_at
                                        THEN EXCLUDED.destinations ELSE call_facts.destinations END,
                    reviewed = true, review_changed = call_facts.review_changed OR EXCLUDED.review_changed,
                    reviewed_at = GREATEST(call_facts.reviewed_at, EXCLUDED.reviewed_at), needs_review = true
                """, plan: .cached)
        case "ticket.created":
            try connection.query(
                """
                INSERT INTO ticket_facts (ticket_id, call_id, kind, destination, category, district, department_id, holder_since, priority,
                                          channel, created_at, sign_for_due, resolve_due)
                VALUES (\(event.ticketID), \(event.callID), \(attributes["kind"]), \(attributes["destination"]), \(event.category),
                        \(event.district), \(event.departmentID), \(event.occurredAt), \(attributes["priority"]), \(event.channel),
                        \(event.occurredAt), \(time("sign_for_due")), \(time("resolve_due")))
                ON CONFLICT (ticket_id) DO UPDATE SET call_id = EXCLUDED.call_id, kind = EXCLUDED.kind, destination = EXCLUDED.destination,
                    category = EXCLUDED.category, district = EXCLUDED.district, priority = EXCLUDED.priority, channel = EXCLUDED.channel,
                    created_at = EXCLUDED.created_at,
                    department_id = CASE WHEN ticket_facts.holder_since IS NULL OR EXCLUDED.holder_since >= ticket_facts.holder_since
                                         THEN EXCLUDED.department_id ELSE ticket_facts.department_id END,
                    holder_since = GREATEST(ticket_facts.holder_since, EXCLUDED.holder_since),
                    sign_for_due = COALESCE(ticket_facts.sign_for_due, EXCLUDED.sign_for_due),
                    resolve_due = COALESCE(ticket_facts.resolve_due, EXCLUDED.resolve_due)
                """, plan: .cached)
            try assign(event.ticketID, to: event.departmentID, at: event.occurredAt, on: connection)
        case "ticket.delivered":
            try upsertTicket(
                event.ticketID, "delivered_at", event.occurredAt, merged: "LEAST(ticket_facts.delivered_at, EXCLUDED.delivered_at)", on: connection)
        case "ticket.reassigned":
            try connection.query(
                """
                INSERT INTO ticket_facts (ticket_id, department_id, holder_since, reassignments, returned)
                VALUES (\(event.ticketID), \(event.departmentID), \(event.occurredAt), 1, \(attributes["returned"] == "true"))
                ON CONFLICT (ticket_id) DO UPDATE SET reassignments = ticket_facts.reassignments + 1,
                    returned = ticket_facts.returned OR EXCLUDED.returned,
                    department_id = CASE WHEN ticket_facts.holder_since IS NULL OR EXCLUDED.holder_since >= ticket_facts.holder_since
                                         THEN EXCLUDED.department_id ELSE ticket_facts.department_id END,
                    holder_since = GREATEST(ticket_facts.holder_since, EXCLUDED.holder_since)
                """, plan: .cached)
            try assign(event.ticketID, to: event.departmentID, at: event.occurredAt, on: connection)
            if attributes["returned"] == "true", let from = attributes["from_department"] {
                try assign(event.ticketID, to: from, at: nil, returned: true, on: connection)
            }
        case "ticket.state_changed":
            try applyState(event, signForDue: time("sign_for_due"), resolveDue: time("resolve_due"), on: connection)
        case "ticket.overdue", "ticket.escalated":
            try upsertTicket(event.ticketID, "overdue", true, merged: "true", on: connection)
        case "callback.recorded":
            try connection.query(
                """
                INSERT INTO ticket_facts (ticket_id, satisfaction, satisfaction_at, objects_to_diversion)
                VALUES (\(event.ticketID), \(attributes["satisfaction"]), \(event.occurredAt), \(attributes["objects_to_diversion"] == "true"))
                ON CONFLICT (ticket_id) DO UPDATE SET
                    satisfaction = CASE WHEN ticket_facts.satisfaction_at IS NULL OR EXCLUDED.satisfaction_at >= ticket_facts.satisfaction_at
                                        THEN EXCLUDED.satisfaction ELSE ticket_facts.satisfaction END,
                    satisfaction_at = GREATEST(ticket_facts.satisfaction_at, EXCLUDED.satisfaction_at),
                    objects_to_diversion = ticket_facts.objects_to_diversion OR EXCLUDED.objects_to_diversion
                """, plan: .cached)
            if let state = attributes["state"], state == "REOPENED" || state == "CALLBACK_DONE" {
                try applyState(event, signForDue: nil, resolveDue: time("resolve_due"), on: connection)
            }
        default:
            break  // an event type this version does not use is kept, not applied
        }
    }

    /// What a state change means for the facts. Sign-for is judged on the latest acceptance against
    /// its holder's deadline; resolution on the first resolution against the deadline then in force.
    private static func applyState(_ event: StoredEvent, signForDue: Date?, resolveDue: Date?, on connection: PostgresConnection) throws {
        let at = event.occurredAt
        switch event.attributes["state"] ?? "" {
        case "ACCEPTED":
            try connection.query(
                """
                INSERT INTO ticket_facts (ticket_id, accepted_at, sign_for_due) VALUES (\(event.ticketID), \(at), \(signForDue))
                ON CONFLICT (ticket_id) DO UPDATE SET
                    sign_for_due = CASE WHEN ticket_facts.accepted_at IS NULL OR EXCLUDED.accepted_at >= ticket_facts.accepted_at
                                        THEN COALESCE(EXCLUDED.sign_for_due, ticket_facts.sign_for_due) ELSE ticket_facts.sign_for_due END,
                    accepted_at = GREATEST(ticket_facts.accepted_at, EXCLUDED.accepted_at)
                """, plan: .cached)
        case "RESOLVED":
            try connection.query(
                """
                INSERT INTO ticket_facts (ticket_id, resolved_at, resolve_due) VALUES (\(event.ticketID), \(at), \(resolveDue))
                ON CONFLICT (ticket_id) DO UPDATE SET
                    resolve_due = CASE WHEN ticket_facts.resolved_at IS NULL OR EXCLUDED.resolved_at < ticket_facts.resolved_at
                                       THEN COALESCE(EXCLUDED.resolve_due, ticket_facts.resolve_due) ELSE ticket_facts.resolve_due END,
                    resolved_at = LEAST(ticket_facts.resolved_at, EXCLUDED.resolved_at)
                """, plan: .cached)
        case "REOPENED":
            try upsertTicket(event.ticketID, "reopened", true, merged: "true", on: connection)
        case "CLOSED":
            try upsertTicket(event.ticketID, "closed_at", at, merged: "LEAST(ticket_facts.closed_at, EXCLUDED.closed_at)", on: connection)
        case "EXTENDED":
            try upsertTicket(event.ticketID, "extensions", 1, merged: "ticket_facts.extensions + 1", on: connection)
        case "RETURNED":
            try upsertTicket(event.ticketID, "returned", true, merged: "true", on: connection)
            try assign(event.ticketID, to: event.departmentID, at: nil, returned: true, on: connection)
        default:
            break
        }
    }

    /// Keeps a department's latest name; returns whether the row held `name` already. Looked at
    /// first without a lock: names rarely change, and every ticket event names its department, so
    /// an upsert each time would make every batch wait for the others on the same few rows (and
    /// deadlock with them).
    private static func keepName(_ name: String, of department: String, at: Date, on connection: PostgresConnection) throws -> Bool {
        let known = try connection.query("SELECT name, named_at FROM departments WHERE department_id = \(department)", plan: .cached).first
        if let known, try known.decode("name", as: String.self) == name { return true }
        if let known, try known.decode("named_at", as: Date.self) > at { return false }
        try connection.query(
            """
            INSERT INTO departments (department_id, name, named_at) VALUES (\(department), \(name), \(at))
            ON CONFLICT (department_id) DO UPDATE SET name = EXCLUDED.name, named_at = EXCLUDED.named_at
            WHERE EXCLUDED.named_at >= departments.named_at
            """, plan: .cached)
        return false
    }

    /// Records that `department` held the ticket (from `at`, when known), and whether it returned
    /// it; merges with what other events said.
    private static func assign(
        _ ticketID: String, to department: String, at: Date?, returned: Bool = false, on connection: PostgresConnection
    ) throws {
        guard !department.isEmpty else { return }
        try connection.query(
            """
            INSERT INTO assignments (ticket_id, department_id, assigned_at, returned) VALUES (\(ticketID), \(department), \(at), \(returned))
            ON CONFLICT (ticket_id, department_id) DO UPDATE SET
                assigned_at = LEAST(assignments.assigned_at, EXCLUDED.assigned_at),
                returned = assignments.returned OR EXCLUDED.returned
            """, plan: .cached)
    }

    /// Sets one column of a ticket's row, creating the row if missing (an event that arrived before
    /// `ticket.created`): `value` when the row is new, `merged` (code-chosen SQL over `ticket_facts`
    /// and `EXCLUDED`) when it was there.
    private static func upsertTicket(
        _ ticketID: String, _ column: String, _ value: some PostgresEncodable, merged: String, on connection: PostgresConnection
    ) throws {
        try connection.query(
            """
            INSERT INTO ticket_facts (ticket_id, \(unescaped: column)) VALUES (\(ticketID), \(value))
            ON CONFLICT (ticket_id) DO UPDATE SET \(unescaped: column) = \(unescaped: merged)
            """, plan: .cached)
    }

    /// Recomputes the facts of every call and ticket that had an event in `month` from all their
    /// events, oldest first; returns how many events, calls and tickets were rebuilt.
    static func rebuild(_ month: ReportingMonth, on connection: PostgresConnection) throws -> (events: Int, calls: Int, tickets: Int) {
        // Events arriving meanwhile wait (SHARE blocks inserts), so none is applied to facts this
        // rebuild then deletes; reads go on.
        try connection.query("LOCK TABLE events IN SHARE MODE")
        let (calls, tickets, events) = try EventStore.touching(from: month.start, to: month.end, on: connection)
        try connection.query("DELETE FROM call_facts WHERE call_id = ANY(\(EventRow.textArray(calls))::text[])")
        try connection.query("DELETE FROM ticket_facts WHERE ticket_id = ANY(\(EventRow.textArray(tickets))::text[])")
        try connection.query("DELETE FROM assignments WHERE ticket_id = ANY(\(EventRow.textArray(tickets))::text[])")
        try apply(events, on: connection)
        return (events.count, calls.count, tickets.count)
    }
}
