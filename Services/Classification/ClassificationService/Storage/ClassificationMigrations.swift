import Postgres

/// The `classification` schema.
///
/// A decision is stored whole as its proto JSON (`body`), with the columns the queries filter on
/// beside it: the review queue and lookups by call need only those, and the message can grow fields
/// without a migration. Catalogue versions are kept forever, so every decision can name the
/// version it was made with and past decisions never change.
enum ClassificationMigrations {
    static let all: [Migration] = [
        Migration(
            version: 1, name: "catalogue versions and decisions",
            sql: """
                CREATE TABLE catalogue_versions (
                    version text PRIMARY KEY,
                    published_at timestamptz NOT NULL DEFAULT now(),
                    published_by text NOT NULL,
                    body text NOT NULL,
                    sequence bigserial NOT NULL UNIQUE
                );
                CREATE TABLE decisions (
                    call_id text PRIMARY KEY,
                    state text NOT NULL,
                    category text NOT NULL,
                    decided_at timestamptz NOT NULL,
                    catalogue_version text NOT NULL REFERENCES catalogue_versions (version),
                    body text NOT NULL
                );
                CREATE INDEX decisions_review_queue ON decisions (decided_at, call_id)
                    WHERE state IN ('PENDING_REVIEW', 'ROUTED_PENDING_REVIEW');
                """)
    ]
}
