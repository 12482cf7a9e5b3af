import Postgres

/// The `reporting` schema: the events the other services sent, and the facts built from them.
///
/// Every figure comes from the facts, and the facts only from the events, so a month can be rebuilt
/// (`RebuildMonth`) and any number explained (`ExplainFigure`). The facts merge events in any order
/// (a first time is the least, a flag once set stays, a holder is the latest reassignment's), so a
/// late or out-of-order event lands where it belongs; a repeated event id is not applied at all.
/// No caller name, phone, email or address is stored: the services never send them.
enum ReportingMigrations {
    static let all: [Migration] = [
        Migration(
            version: 1, name: "events and facts",
            sql: """
                CREATE TABLE events (
                    id text PRIMARY KEY,
                    source text NOT NULL,
                    type text NOT NULL,
                    occurred_at timestamptz NOT NULL,
                    call_id text NOT NULL DEFAULT '',
                    ticket_id text NOT NULL DEFAULT '',
                    category text NOT NULL DEFAULT '',
                    district text NOT NULL DEFAULT '',
                    department_id text NOT NULL DEFAULT '',
                    channel text NOT NULL DEFAULT '',
                    attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
                    received_at timestamptz NOT NULL DEFAULT now()
                );
                CREATE INDEX events_occurred ON events (occurred_at);
                CREATE INDEX events_call ON events (call_id) WHERE call_id <> '';
                CREATE INDEX events_ticket ON events (ticket_id) WHERE ticket_id <> '';
                CREATE INDEX events_type_occurred ON events (type, occurred_at);

                -- One row per call: when and where it came in, what classification made of it.
                CREATE TABLE call_facts (
                    call_id text PRIMARY KEY,
                    channel text,
                    district text,
                    received_at timestamptz,
                    incident_id text,
                    place text,
                    category text,
                    destinations text,
                    classified_at timestamptz,
                    needs_review boolean NOT NULL DEFAULT false,
                    reviewed boolean NOT NULL DEFAULT false,
                    review_changed boolean NOT NULL DEFAULT false,
                    reviewed_at timestamptz
                );
                CREATE INDEX call_facts_received ON call_facts (received_at);
                CREATE INDEX call_facts_incident ON call_facts (incident_id);

                -- One row per ticket: who held it, when each step happened, how it ended.
                CREATE TABLE ticket_facts (
                    ticket_id text PRIMARY KEY,
                    call_id text,
                    kind text,
                    destination text,
                    category text,
                    district text,
                    department_id text,
                    holder_since timestamptz,
                    priority text,
                    channel text,
                    created_at timestamptz,
                    delivered_at timestamptz,
                    accepted_at timestamptz,
                    sign_for_due timestamptz,
                    resolved_at timestamptz,
                    resolve_due timestamptz,
                    closed_at timestamptz,
                    returned boolean NOT NULL DEFAULT false,
                    reassignments integer NOT NULL DEFAULT 0,
                    reopened boolean NOT NULL DEFAULT false,
                    overdue boolean NOT NULL DEFAULT false,
                    extensions integer NOT NULL DEFAULT 0,
                    satisfaction text,
                    satisfaction_at timestamptz,
                    objects_to_diversion boolean NOT NULL DEFAULT false
                );
                CREATE INDEX ticket_facts_created ON ticket_facts (created_at);
                CREATE INDEX ticket_facts_call ON ticket_facts (call_id);

                -- Each department that held a ticket, and whether it sent it back: a return counts
                -- against the department that returned, not the one holding the ticket now.
                CREATE TABLE assignments (
                    ticket_id text NOT NULL,
                    department_id text NOT NULL,
                    assigned_at timestamptz,
                    returned boolean NOT NULL DEFAULT false,
                    PRIMARY KEY (ticket_id, department_id)
                );

                -- A department's name as routing last gave it, for people reading the bulletin.
                CREATE TABLE departments (
                    department_id text PRIMARY KEY,
                    name text NOT NULL,
                    named_at timestamptz NOT NULL
                );
                """),
        // Classification quality is judged by what the classifier proposed, but `category` follows
        // the latest review: a proposal a reviewer changed counted under the reviewer's category (a
        // stop-37 user test found CRIME_REPORT with no reviews and DISPUTE_MEDIATION with reviews it
        // never proposed). Filled from the stored events for the calls already there.
        Migration(
            version: 2, name: "the category the classifier proposed",
            sql: """
                ALTER TABLE call_facts ADD COLUMN proposed_category text;
                UPDATE call_facts f SET proposed_category = e.category
                FROM (SELECT DISTINCT ON (call_id) call_id, category FROM events
                      WHERE type = 'call.classified' AND call_id <> '' ORDER BY call_id, occurred_at) e
                WHERE f.call_id = e.call_id;
                -- A call whose review is stored but not its classification: what the first review changed,
                -- as RebuildMonth would take it.
                UPDATE call_facts f SET proposed_category = e.attributes->>'previous_category'
                FROM (SELECT DISTINCT ON (call_id) call_id, attributes FROM events
                      WHERE type = 'call.reviewed' AND call_id <> '' ORDER BY call_id, occurred_at) e
                WHERE f.call_id = e.call_id AND f.proposed_category IS NULL
                  AND COALESCE(e.attributes->>'previous_category', '') <> '';
                """),
    ]
}
