import FenliuModel
import Foundation
import Postgres
import SwiftProtobuf

/// Reads and writes catalogue versions.
struct CatalogueStore: Sendable {
    let database: PostgresPool

    /// The newest published version, or `nil` when none was ever published.
    func current() async throws -> Fenliu_Classification_V1_Catalogue? {
        try await database.withConnection { try Self.current(on: $0) }
    }

    static func current(on connection: PostgresConnection) throws -> Fenliu_Classification_V1_Catalogue? {
        let rows = try connection.query("SELECT body FROM catalogue_versions ORDER BY sequence DESC LIMIT 1")
        return try rows.first.map { try Fenliu_Classification_V1_Catalogue(jsonString: try $0.decode("body")) }
    }

    /// One version by name.
    func version(_ version: String) async throws -> Fenliu_Classification_V1_Catalogue? {
        try await database.withConnection { connection in
            let rows = try connection.query("SELECT body FROM catalogue_versions WHERE version = \(version)")
            return try rows.first.map { try Fenliu_Classification_V1_Catalogue(jsonString: try $0.decode("body")) }
        }
    }

    /// Stores a new version; `already_exists` when the name is taken.
    func publish(_ catalogue: Fenliu_Classification_V1_Catalogue) async throws -> Fenliu_Classification_V1_Catalogue {
        var stored = catalogue
        stored.publishedAt = Google_Protobuf_Timestamp(date: Date())
        let body = try stored.jsonString()
        do {
            try await database.query("""
                INSERT INTO catalogue_versions (version, published_by, body)
                VALUES (\(stored.version), \(stored.publishedBy), \(body))
                """)
        } catch let error as PostgresError where error.isUniqueViolation {
            throw ClassificationServiceError.catalogueVersionExists(stored.version)
        }
        return stored
    }

    /// Publishes `seed` when no version exists yet (first start); concurrent replicas race safely.
    func seedIfEmpty(_ seed: Fenliu_Classification_V1_Catalogue) async throws {
        var stored = seed
        stored.publishedAt = Google_Protobuf_Timestamp(date: Date())
        let body = try stored.jsonString()
        try await database.query("""
            INSERT INTO catalogue_versions (version, published_by, body)
            SELECT \(stored.version), \(stored.publishedBy), \(body)
            WHERE NOT EXISTS (SELECT 1 FROM catalogue_versions)
            ON CONFLICT DO NOTHING
            """)
    }
}
