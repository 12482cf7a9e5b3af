import FenliuModel
import Foundation
import Postgres
import SwiftProtobuf

/// A published catalogue and its place in the order of publication.
struct PublishedCatalogue: Sendable {
    /// The catalogue.
    var catalogue: Fenliu_Classification_V1_Catalogue
    /// Its sequence number: a later publication has a higher one, whatever its version name.
    var sequence: Int64
}

/// Reads and writes catalogue versions.
struct CatalogueStore: Sendable {
    let database: PostgresPool

    /// The newest published version, or `nil` when none was ever published.
    func current() async throws -> PublishedCatalogue? {
        try await database.withConnection { connection in
            try connection.query("SELECT body, sequence FROM catalogue_versions ORDER BY sequence DESC LIMIT 1").first.map(Self.published)
        }
    }

    /// One version by name.
    func version(_ version: String) async throws -> Fenliu_Classification_V1_Catalogue? {
        try await database.withConnection { connection in
            try connection.query("SELECT body, sequence FROM catalogue_versions WHERE version = \(version)").first.map(Self.published)?.catalogue
        }
    }

    /// Stores a new version; `already_exists` when the name is taken.
    func publish(_ catalogue: Fenliu_Classification_V1_Catalogue) async throws -> PublishedCatalogue {
        var stored = catalogue
        stored.publishedAt = Google_Protobuf_Timestamp(date: Date())
        let body = try stored.jsonString()
        do {
            let rows = try await database.query(
                """
                INSERT INTO catalogue_versions (version, published_by, body)
                VALUES (\(stored.version), \(stored.publishedBy), \(body))
                RETURNING sequence
                """)
            return PublishedCatalogue(catalogue: stored, sequence: try rows.first?.decode("sequence") ?? 0)
        } catch let error as PostgresError where error.isUniqueViolation {
            throw ClassificationError.catalogueVersionExists(stored.version)
        }
    }

    /// Publishes `seed` when no version exists yet (first start); concurrent replicas race safely.
    func seedIfEmpty(_ seed: Fenliu_Classification_V1_Catalogue) async throws {
        var stored = seed
        stored.publishedAt = Google_Protobuf_Timestamp(date: Date())
        let body = try stored.jsonString()
        try await database.query(
            """
            INSERT INTO catalogue_versions (version, published_by, body)
            SELECT \(stored.version), \(stored.publishedBy), \(body)
            WHERE NOT EXISTS (SELECT 1 FROM catalogue_versions)
            ON CONFLICT DO NOTHING
            """)
    }

    /// A row read with the wire's lenient options (see `DecisionRow`).
    private static func published(_ row: PostgresRow) throws -> PublishedCatalogue {
        var options = JSONDecodingOptions()
        options.ignoreUnknownFields = true
        let catalogue: Fenliu_Classification_V1_Catalogue
        do {
            catalogue = try Fenliu_Classification_V1_Catalogue(jsonString: try row.decode("body"), options: options)
        } catch let error as PostgresError {
            throw error
        } catch {
            throw PostgresError(code: .decodingFailed, message: "column \"body\" is not a catalogue")
        }
        return PublishedCatalogue(catalogue: catalogue, sequence: try row.decode("sequence"))
    }
}
