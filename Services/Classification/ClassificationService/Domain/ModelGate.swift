import FenliuModel

/// Refuses a retrained model that is worse on the independent evaluation set than the model in
/// use (issue 13): one that misses a danger the model in use does not miss (a candidate may not
/// trade one danger miss for another), or with fewer primary destinations right. The
/// training tool asks before it writes a model file, so a retraining that learned the corpus's
/// style — or a reviewer's mistakes — never ships.
public enum ModelGate {
    /// The lowest divert threshold a catalogue version may publish; the training tool judges
    /// models there, where danger misses show first (a review's finding: at the default a model
    /// could pass that misses a danger under a catalogue publishing 0.5).
    public static let lowestPublishableThreshold = 0.5

    /// Both models' figures on the set, and whether the candidate may replace the one in use.
    public struct Verdict: Sendable, CustomStringConvertible {
        public let current: IndependentEvaluation.Report
        public let candidate: IndependentEvaluation.Report

        public init(current: IndependentEvaluation.Report, candidate: IndependentEvaluation.Report) {
            self.current = current
            self.candidate = candidate
        }

        /// The records whose danger the candidate misses and the model in use does not.
        public var newDangerMisses: [String] { candidate.dangerMissIDs.subtracting(current.dangerMissIDs).sorted() }

        /// No new danger miss and at least as many primary destinations right.
        public var accepted: Bool {
            newDangerMisses.isEmpty && candidate.primaryDestinationRight >= current.primaryDestinationRight
        }

        public var description: String {
            func line(_ name: String, _ report: IndependentEvaluation.Report) -> String {
                "\(name): primary destination right \(report.primaryDestinationRight)/\(report.total), "
                    + "category right \(report.categoryRight)/\(report.total), danger misses \(report.dangerMisses.count)"
            }
            var lines = [line("in use   ", current), line("candidate", candidate)]
            if !newDangerMisses.isEmpty { lines.append("new danger misses: " + newDangerMisses.joined(separator: ", ")) }
            lines.append(accepted ? "accepted" : "refused: worse than the model in use")
            return lines.joined(separator: "\n")
        }
    }

    /// The candidate judged against the current classifier on `records`.
    public static func judge(candidate: Classifier, current: Classifier, on records: [IndependentEvaluation.Record]) -> Verdict {
        Verdict(
            current: IndependentEvaluation.evaluate(current, on: records),
            candidate: IndependentEvaluation.evaluate(candidate, on: records))
    }
}
