import Postgres

/// The `routing` schema: the directory (departments, published rule versions), tickets with their
/// assignment history and the calls attached to them, and disputes.
enum RoutingMigrations {
    static let all: [Migration] = [
        Migration(
            version: 1, name: "directory, tickets, disputes",
            sql: """
                CREATE TABLE departments (
                    id text PRIMARY KEY,
                    name text NOT NULL,
                    level text NOT NULL,
                    district text NOT NULL DEFAULT '',
                    endpoint_url text NOT NULL DEFAULT '',
                    webhook_secret text,
                    active boolean NOT NULL DEFAULT true,
                    categories text NOT NULL DEFAULT '',
                    updated_at timestamptz NOT NULL DEFAULT now()
                );
                CREATE TABLE rule_versions (
                    sequence bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
                    version text PRIMARY KEY,
                    published_at timestamptz NOT NULL DEFAULT now(),
                    published_by text NOT NULL,
                    rules text NOT NULL
                );
                CREATE TABLE tickets (
                    id text PRIMARY KEY,
                    call_id text NOT NULL,
                    kind text NOT NULL,
                    destination text NOT NULL,
                    category text NOT NULL,
                    district text NOT NULL,
                    department_id text NOT NULL,
                    priority integer NOT NULL,
                    status text NOT NULL,
                    created_at timestamptz NOT NULL,
                    sign_for_due_at timestamptz,
                    resolve_due_at timestamptz,
                    feedback_due_at timestamptz,
                    return_count integer NOT NULL DEFAULT 0,
                    summary text NOT NULL DEFAULT '',
                    channel text NOT NULL DEFAULT '',
                    needs_review boolean NOT NULL DEFAULT false,
                    rules_version text NOT NULL DEFAULT '',
                    outbox_id uuid,
                    UNIQUE (call_id, destination)
                );
                CREATE INDEX tickets_queue ON tickets (priority, created_at, id);
                CREATE INDEX tickets_department ON tickets (department_id, priority, created_at, id);
                CREATE TABLE ticket_calls (
                    call_id text NOT NULL,
                    ticket_id text NOT NULL REFERENCES tickets (id),
                    attached_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (call_id, ticket_id)
                );
                CREATE TABLE assignments (
                    sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    ticket_id text NOT NULL REFERENCES tickets (id),
                    department_id text NOT NULL,
                    assigned_at timestamptz NOT NULL DEFAULT now(),
                    reason text NOT NULL,
                    actor text NOT NULL
                );
                CREATE INDEX assignments_ticket ON assignments (ticket_id, sequence);
                CREATE TABLE disputes (
                    id text PRIMARY KEY,
                    ticket_id text NOT NULL UNIQUE REFERENCES tickets (id),
                    call_id text NOT NULL,
                    category text NOT NULL,
                    district text NOT NULL,
                    department_ids text NOT NULL,
                    reasons text NOT NULL,
                    in_arbitration boolean NOT NULL DEFAULT false,
                    created_at timestamptz NOT NULL DEFAULT now(),
                    updated_at timestamptz NOT NULL DEFAULT now()
                );
                CREATE INDEX disputes_created ON disputes (created_at, id);
                """),
        // One incident (the first call of a chain of repeat calls) × destination has at most one
        // open ticket, enforced by the database: a repeat call routed before its first call, or the
        // two routed at once, can no longer open two tickets for one department. Rows from version
        // 1 count each call as its own incident. The queue indexes serve ListTickets by status and
        // by destination without scanning every ticket.
        Migration(
            version: 2, name: "one open ticket per incident and destination; queue indexes",
            sql: """
                ALTER TABLE tickets ADD COLUMN incident_id text;
                UPDATE tickets SET incident_id = call_id;
                ALTER TABLE tickets ALTER COLUMN incident_id SET NOT NULL;
                CREATE UNIQUE INDEX tickets_open_per_incident ON tickets (incident_id, destination)
                    WHERE status NOT IN ('RESOLVED', 'CLOSED');
                CREATE INDEX tickets_incident ON tickets (incident_id);
                CREATE INDEX tickets_status_queue ON tickets (status, priority, created_at, id);
                CREATE INDEX tickets_destination_queue ON tickets (destination, priority, created_at, id);
                """),
        // Feedback owns what happens to a ticket after dispatch and tells routing each new state,
        // numbered (status_sequence), so a late message never undoes a newer one. A ticket counts as
        // finished for the incident rule once it was first resolved, and stays so even if the caller
        // reopens it: a repeat call after the resolution opens a ticket of its own.
        Migration(
            version: 3, name: "states from feedback; finished tickets",
            sql: """
                ALTER TABLE tickets ADD COLUMN status_sequence bigint NOT NULL DEFAULT 0;
                ALTER TABLE tickets ADD COLUMN finished boolean NOT NULL DEFAULT false;
                UPDATE tickets SET finished = true WHERE status IN ('RESOLVED', 'CALLBACK_DONE', 'CLOSED');
                UPDATE tickets SET status = 'ACCEPTED' WHERE status = 'SIGNED_FOR';
                DROP INDEX tickets_open_per_incident;
                CREATE UNIQUE INDEX tickets_open_per_incident ON tickets (incident_id, destination) WHERE NOT finished;
                """),
        // Every delivered ticket message finds its ticket by outbox id (`outboxDelivered`); without
        // an index that was a scan of the whole table per delivery, which the benchmark showed
        // growing with the table (13,000 scans, 48 million rows read in 10 minutes at 90 calls/s).
        Migration(
            version: 4, name: "tickets by outbox message",
            sql: "CREATE INDEX tickets_outbox ON tickets (outbox_id) WHERE outbox_id IS NOT NULL;"),
        // Every statement that changes the directory or the rules counts one change, in its own
        // transaction, whichever replica or tool made it: `Route` reads this one row and rebuilds
        // its resolver only when the count moved, instead of reading 239 departments and the rules
        // for every call (0.36 ms of PostgreSQL and the decoding in routing, 32 times over in a
        // batch of hand-offs; BENCHMARKS.md). A trigger rather than the handlers' own update, so a
        // change made by hand in psql is seen as well; the function keeps the schema it was created
        // in (SET search_path FROM CURRENT), so it counts in routing's own table whatever the path of
        // the session that changed the directory (a review found psql's default path failing).
        Migration(
            version: 5, name: "directory changes counted",
            sql: """
                CREATE TABLE directory_changes (
                    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
                    count bigint NOT NULL
                );
                INSERT INTO directory_changes (count) VALUES (0);
                CREATE FUNCTION count_directory_change() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
                BEGIN
                    UPDATE directory_changes SET count = count + 1;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER departments_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON departments
                    FOR EACH STATEMENT EXECUTE FUNCTION count_directory_change();
                CREATE TRIGGER rule_versions_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rule_versions
                    FOR EACH STATEMENT EXECUTE FUNCTION count_directory_change();
                """),
    ]
}
