import FenliuModel
import Foundation
import Postgres

/// What the operators taught: every reviewed decision as a labelled example — the call's
/// description and the category the reviewer settled on (`ResolveReview`), oldest first. The
/// training tool adds them to the corpus (`fenliu-classification-train --with-reviews URL`).
public enum ReviewCorpus {
    /// The examples in the classification schema `pool` reads.
    public static func examples(on pool: PostgresPool) async throws -> [(text: String, category: Category)] {
        try await pool.withConnection { connection in
            try connection.query("SELECT body FROM decisions WHERE state = 'REVIEWED' ORDER BY decided_at, call_id")
                .map(DecisionRow.decision)
                .compactMap { decision in
                    guard let category = Category(proto: decision.category),
                        !decision.description_p.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    else { return nil }
                    return (decision.description_p, category)
                }
        }
    }
}
