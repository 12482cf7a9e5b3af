import FenliuModel
import Foundation
import Postgres
import SwiftProtobuf

/// Reads and writes decisions.
enum DecisionStore {
    typealias Decision = Fenliu_Classification_V1_Decision

    static func find(callID: String, forUpdate: Bool = false, on connection: PostgresConnection) throws -> Decision? {
        let rows = try connection.query("SELECT body FROM decisions WHERE call_id = \(callID) \(unescaped: forUpdate ? "FOR UPDATE" : "")")
        return try rows.first.map { try Decision(jsonString: try $0.decode("body")) }
    }

    /// Inserts a new decision, or does nothing when the call already has one; returns the stored one.
    static func insert(_ decision: Decision, on connection: PostgresConnection) throws -> Decision {
        let rows = try connection.query("""
            INSERT INTO decisions (call_id, state, category, decided_at, catalogue_version, body)
            VALUES (\(decision.callID), \(decision.state.name), \(Category(proto: decision.category)?.code ?? "UNSPECIFIED"),
                    \(decision.decidedAt.date), \(decision.catalogueVersion), \(try decision.jsonString()))
            ON CONFLICT (call_id) DO NOTHING
            RETURNING call_id
            """)
        if rows.isEmpty, let existing = try find(callID: decision.callID, on: connection) { return existing }
        return decision
    }

    static func update(_ decision: Decision, on connection: PostgresConnection) throws {
        try connection.query("""
            UPDATE decisions SET state = \(decision.state.name),
                category = \(Category(proto: decision.category)?.code ?? "UNSPECIFIED"), body = \(try decision.jsonString())
            WHERE call_id = \(decision.callID)
            """)
    }

    /// Decisions waiting for an operator, oldest first, after the keyset position `after`.
    static func reviewQueue(after: (Date, String)?, limit: Int, on connection: PostgresConnection) throws -> [Decision] {
        let rows: PostgresRows
        if let (decidedAt, callID) = after {
            rows = try connection.query("""
                SELECT body FROM decisions
                WHERE state IN ('PENDING_REVIEW', 'ROUTED_PENDING_REVIEW') AND (decided_at, call_id) > (\(decidedAt), \(callID))
                ORDER BY decided_at, call_id LIMIT \(limit)
                """)
        } else {
            rows = try connection.query("""
                SELECT body FROM decisions WHERE state IN ('PENDING_REVIEW', 'ROUTED_PENDING_REVIEW')
                ORDER BY decided_at, call_id LIMIT \(limit)
                """)
        }
        return try rows.map { try Decision(jsonString: try $0.decode("body")) }
    }
}

extension Fenliu_Classification_V1_DecisionState {
    /// The proto name, stored in the `state` column.
    var name: String {
        switch self {
        case .decided: "DECIDED"
        case .pendingReview: "PENDING_REVIEW"
        case .routedPendingReview: "ROUTED_PENDING_REVIEW"
        case .reviewed: "REVIEWED"
        default: "UNSPECIFIED"
        }
    }
}
