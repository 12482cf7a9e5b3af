import Postgres

/// The `feedback` schema: the tickets feedback follows, their append-only history, the deadline
/// clocks, and the subscriptions status changes are pushed to.
enum FeedbackMigrations {
    static let all: [Migration] = [
        Migration(
            version: 1, name: "tickets, events, clocks, subscriptions",
            sql: """
                CREATE TABLE tickets (
                    id text PRIMARY KEY,
                    call_id text NOT NULL,
                    incident_id text NOT NULL,
                    origin text,
                    kind text NOT NULL,
                    destination text NOT NULL,
                    category text NOT NULL,
                    district text NOT NULL,
                    department_id text NOT NULL,
                    department_name text NOT NULL,
                    priority integer NOT NULL,
                    state text NOT NULL,
                    sign_for_due_at timestamptz,
                    resolve_due_at timestamptz,
                    feedback_due_at timestamptz,
                    created_at timestamptz NOT NULL,
                    updated_at timestamptz NOT NULL,
                    result text NOT NULL DEFAULT '',
                    assignment bigint NOT NULL,
                    sequence bigint NOT NULL,
                    extension_until timestamptz,
                    extension_reason text,
                    extension_by text,
                    extension_at timestamptz,
                    extension_state_before text,
                    callback_satisfaction text,
                    callback_comment text NOT NULL DEFAULT '',
                    callback_objects boolean NOT NULL DEFAULT false,
                    callback_attempts integer NOT NULL DEFAULT 0,
                    callback_at timestamptz,
                    callback_next_due_at timestamptz
                );
                CREATE INDEX tickets_department ON tickets (department_id, created_at, id);
                CREATE INDEX tickets_state ON tickets (state, created_at, id);
                CREATE INDEX tickets_created ON tickets (created_at, id);
                CREATE INDEX tickets_incident ON tickets (incident_id);
                CREATE INDEX tickets_resolve_due ON tickets (resolve_due_at);

                -- The history is append-only: every change, reminder, escalation and callback, in
                -- order per ticket (sequence). `tx` and `position` give ListEvents a cursor that never
                -- skips an event committed late: it only hands out events of transactions older than
                -- every one still running.
                CREATE TABLE events (
                    id uuid PRIMARY KEY,
                    ticket_id text NOT NULL REFERENCES tickets (id),
                    sequence bigint NOT NULL,
                    kind text NOT NULL,
                    state text NOT NULL,
                    previous_state text NOT NULL,
                    actor text NOT NULL,
                    note text NOT NULL,
                    occurred_at timestamptz NOT NULL,
                    department_id text NOT NULL,
                    event_id text NOT NULL DEFAULT '',
                    clock text,
                    due_at timestamptz,
                    escalations integer NOT NULL DEFAULT 0,
                    supervisor_id text NOT NULL DEFAULT '',
                    tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
                    position bigint GENERATED ALWAYS AS IDENTITY,
                    UNIQUE (ticket_id, sequence)
                );
                CREATE UNIQUE INDEX events_sender_id ON events (ticket_id, event_id) WHERE event_id <> '';
                CREATE INDEX events_feed ON events (tx, position);
                CREATE INDEX events_occurred ON events (occurred_at);

                -- One row per ticket and deadline; each reminder, overdue notice and escalation fires
                -- once, whichever replica's watcher claims it.
                CREATE TABLE clocks (
                    ticket_id text NOT NULL REFERENCES tickets (id),
                    clock text NOT NULL,
                    started_at timestamptz NOT NULL,
                    due_at timestamptz NOT NULL,
                    remind_at timestamptz NOT NULL,
                    reminded_at timestamptz,
                    overdue_at timestamptz,
                    escalations integer NOT NULL DEFAULT 0,
                    next_escalation_at timestamptz,
                    stopped_at timestamptz,
                    PRIMARY KEY (ticket_id, clock)
                );
                CREATE INDEX clocks_remind ON clocks (remind_at) WHERE stopped_at IS NULL AND reminded_at IS NULL;
                CREATE INDEX clocks_due ON clocks (due_at) WHERE stopped_at IS NULL AND overdue_at IS NULL;
                CREATE INDEX clocks_escalate ON clocks (next_escalation_at) WHERE stopped_at IS NULL AND overdue_at IS NOT NULL;

                CREATE TABLE subscriptions (
                    id text PRIMARY KEY,
                    url text NOT NULL,
                    secret text NOT NULL,
                    channel text,
                    department_id text,
                    call_id text,
                    created_at timestamptz NOT NULL DEFAULT now(),
                    CHECK ((channel IS NOT NULL)::int + (department_id IS NOT NULL)::int + (call_id IS NOT NULL)::int = 1)
                );
                CREATE INDEX subscriptions_channel ON subscriptions (channel) WHERE channel IS NOT NULL;
                CREATE INDEX subscriptions_department ON subscriptions (department_id) WHERE department_id IS NOT NULL;
                CREATE INDEX subscriptions_call ON subscriptions (call_id) WHERE call_id IS NOT NULL;
                """),
        // A restricted key that follows a call is checked against the call's tickets
        // (`TicketStore.forCall`): without this, a scan of every ticket.
        Migration(version: 2, name: "tickets by call", sql: "CREATE INDEX tickets_call ON tickets (call_id);"),
        // Who made a subscription (the first key of the maker's rotations; empty for the start-up
        // defaults, with keys off, and for subscriptions made before this migration):
        // a department's or a line's key lists and removes only its own, so no system can read
        // another's webhook URLs or stop its feed. Supervisors, admins and services see them all.
        Migration(version: 3, name: "subscription owner", sql: "ALTER TABLE subscriptions ADD COLUMN created_by text NOT NULL DEFAULT '';"),
    ]
}
