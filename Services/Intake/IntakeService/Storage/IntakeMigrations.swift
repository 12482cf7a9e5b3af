import Postgres

/// The intake schema. The outbox and inbox tables come from the shared `support` migrations.
enum IntakeMigrations {
    /// Intake's migrations in version order.
    static let all: [Migration] = [
        Migration(
            version: 1, name: "calls",
            sql: """
                CREATE TABLE calls (
                    id uuid PRIMARY KEY,
                    channel text NOT NULL,
                    external_id text NOT NULL,
                    content_hash text NOT NULL,
                    received_at timestamptz NOT NULL,
                    caller_name text NOT NULL DEFAULT '',
                    caller_phone text NOT NULL DEFAULT '',
                    district text,
                    address text NOT NULL DEFAULT '',
                    latitude double precision,
                    longitude double precision,
                    description text NOT NULL,
                    elements jsonb NOT NULL DEFAULT '{}'::jsonb,
                    operator_id text NOT NULL DEFAULT '',
                    open311_service_code text,
                    duplicate_of uuid REFERENCES calls (id),
                    duplicate_reason text NOT NULL DEFAULT '',
                    category text,
                    inquiry_elements jsonb NOT NULL DEFAULT '[]'::jsonb,
                    classified_at timestamptz,
                    elements_updated_at timestamptz,
                    elements_updated_by text,
                    created_at timestamptz NOT NULL DEFAULT now(),
                    -- The sender's record id identifies a call per line: a resubmission finds the first call.
                    CONSTRAINT calls_channel_external_id UNIQUE (channel, external_id),
                    CONSTRAINT calls_coordinates CHECK ((latitude IS NULL) = (longitude IS NULL))
                );
                -- ListCalls walks this keyset, newest first.
                CREATE INDEX calls_received ON calls (received_at DESC, id DESC);
                -- The repeat-call rule looks back a short window by caller and by district.
                CREATE INDEX calls_phone_received ON calls (caller_phone, received_at) WHERE caller_phone <> '';
                CREATE INDEX calls_district_received ON calls (district, received_at);
                CREATE INDEX calls_duplicate_of ON calls (duplicate_of) WHERE duplicate_of IS NOT NULL;
                """),
        // The newest classification wins by its revision (a number classification counts up with
        // each review), not by which replica's clock said later. ListCalls' text search is a
        // substring match (ILIKE '%…%'), which only trigram indexes serve; pg_trgm is installed in
        // the `extensions` schema by docker/postgres/init-roles.sh.
        Migration(
            version: 2, name: "classification revision, trigram text search",
            sql: """
                ALTER TABLE calls ADD COLUMN classification_revision bigint;
                CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions;
                CREATE INDEX calls_description_trgm ON calls USING gin (description extensions.gin_trgm_ops);
                CREATE INDEX calls_address_trgm ON calls USING gin (address extensions.gin_trgm_ops);
                """),
        // Open311 clients send the reporter's email; it is kept like the phone.
        Migration(
            version: 3, name: "caller email",
            sql: """
                ALTER TABLE calls ADD COLUMN caller_email text NOT NULL DEFAULT '';
                """),
        Migration(
            version: 4, name: "personal data sealed, phones found by a blind index",
            sql: """
                ALTER TABLE calls ADD COLUMN caller_phone_index text NOT NULL DEFAULT '';
                UPDATE calls SET caller_phone_index = caller_phone;
                DROP INDEX IF EXISTS calls_phone_received;
                CREATE INDEX calls_phone_index_received ON calls (caller_phone_index, received_at) WHERE caller_phone_index <> '';
                """),
    ]
}
