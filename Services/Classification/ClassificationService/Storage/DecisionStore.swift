import FenliuModel
import Foundation
import Postgres
import ServiceSupport
import SwiftProtobuf

/// Reads and writes decisions: the columns the queries filter on, and the whole decision as its
/// proto JSON in `body` (see `ClassificationMigrations`).
enum DecisionStore {
    typealias Decision = Fenliu_Classification_V1_Decision

    static func find(callID: String, forUpdate: Bool = false, on connection: PostgresConnection) throws -> Decision? {
        let rows = try connection.query("SELECT body FROM decisions WHERE call_id = \(callID) \(unescaped: forUpdate ? "FOR UPDATE" : "")", plan: .cached)
        return try rows.first.map(DecisionRow.decision)
    }

    /// Inserts a new decision, or finds the one the call already has (a concurrent insert waits for
    /// the other transaction, then sees its row). Returns the stored decision and whether it is new:
    /// only a new decision is handed on.
    static func insert(_ decision: Decision, on connection: PostgresConnection) throws -> (Decision, isNew: Bool) {
        let rows = try connection.query(
            """
            INSERT INTO decisions (call_id, state, category, decided_at, catalogue_version, body)
            VALUES (\(decision.callID), \(DecisionRow.state(decision.state)), \(DecisionRow.category(decision.category)),
                    \(decision.decidedAt.date), \(decision.catalogueVersion), \(try decision.jsonString()))
            ON CONFLICT (call_id) DO NOTHING
            RETURNING call_id
            """, plan: .cached)
        if !rows.isEmpty { return (decision, true) }
        guard let existing = try find(callID: decision.callID, on: connection) else {
            throw PostgresError(code: .queryFailed, message: "a conflicting decision vanished during insert")
        }
        return (existing, false)
    }

    static func update(_ decision: Decision, on connection: PostgresConnection) throws {
        try connection.query(
            """
            UPDATE decisions SET state = \(DecisionRow.state(decision.state)), category = \(DecisionRow.category(decision.category)),
                body = \(try decision.jsonString())
            WHERE call_id = \(decision.callID)
            """, plan: .cached)
    }

    /// Decisions waiting for an operator, oldest first, after the keyset position `after`
    /// (`decided_at`, `call_id`).
    static func reviewQueue(after: PageToken?, limit: Int, on connection: PostgresConnection) throws -> [Decision] {
        let afterDecided = after?.time(0)
        let afterCallID = after?.text(1)
        return try connection.query(
            """
            SELECT body FROM decisions
            WHERE state IN ('PENDING_REVIEW', 'ROUTED_PENDING_REVIEW')
              AND (\(afterDecided)::timestamptz IS NULL OR (decided_at, call_id) > (\(afterDecided)::timestamptz, \(afterCallID)::text))
            ORDER BY decided_at, call_id LIMIT \(limit)
            """
        ).map(DecisionRow.decision)
    }
}

/// The mapping between a decision and its row.
enum DecisionRow {
    /// The stored body, read with the wire's lenient options: a field a later version removes from
    /// the proto must never make an old row unreadable.
    static func decision(_ row: PostgresRow) throws -> Fenliu_Classification_V1_Decision {
        var options = JSONDecodingOptions()
        options.ignoreUnknownFields = true
        do {
            return try Fenliu_Classification_V1_Decision(jsonString: try row.decode("body"), options: options)
        } catch let error as PostgresError {
            throw error
        } catch {
            throw PostgresError(code: .decodingFailed, message: "column \"body\" is not a decision")
        }
    }

    /// The `state` column: the proto name.
    static func state(_ state: Fenliu_Classification_V1_DecisionState) -> String {
        switch state {
        case .decided: "DECIDED"
        case .pendingReview: "PENDING_REVIEW"
        case .routedPendingReview: "ROUTED_PENDING_REVIEW"
        case .reviewed: "REVIEWED"
        default: "UNSPECIFIED"
        }
    }

    /// The `category` column: the catalogue code.
    static func category(_ category: Fenliu_Common_V1_Category) -> String {
        Category(proto: category)?.code ?? "UNSPECIFIED"
    }
}
