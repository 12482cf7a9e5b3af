import FenliuModel

/// Refuses a retrained model that is worse on the independent evaluation set than the model in
/// use (issue 13): one with more danger misses, or with fewer primary destinations right. The
/// training tool asks before it writes a model file, so a retraining that learned the corpus's
/// style — or a reviewer's mistakes — never ships.
public enum ModelGate {
    /// Both models' figures on the set, and whether the candidate may replace the one in use.
    public struct Verdict: Sendable, CustomStringConvertible {
        public let current: IndependentEvaluation.Report
        public let candidate: IndependentEvaluation.Report

        /// No more danger misses and at least as many primary destinations right.
        public var accepted: Bool {
            candidate.dangerMisses.count <= current.dangerMisses.count
                && candidate.primaryDestinationRight >= current.primaryDestinationRight
        }

        public var description: String {
            func line(_ name: String, _ report: IndependentEvaluation.Report) -> String {
                "\(name): primary destination right \(report.primaryDestinationRight)/\(report.total), "
                    + "category right \(report.categoryRight)/\(report.total), danger misses \(report.dangerMisses.count)"
            }
            return [line("in use   ", current), line("candidate", candidate), accepted ? "accepted" : "refused: worse than the model in use"]
                .joined(separator: "\n")
        }
    }

    /// The candidate judged against the current classifier on `records`.
    public static func judge(candidate: Classifier, current: Classifier, on records: [IndependentEvaluation.Record]) -> Verdict {
        Verdict(
            current: IndependentEvaluation.evaluate(current, on: records),
            candidate: IndependentEvaluation.evaluate(candidate, on: records))
    }
}
