import FenliuModel
import Foundation

/// Refuses a retrained model that is worse on the independent evaluation set than the model in
/// use (issue 13): one that misses a danger the model in use does not miss (a candidate may not
/// trade one danger miss for another), that sends one of the safety cases
/// (`SafetyCases/must-escalate.txt`) to no emergency service, or with fewer primary destinations
/// right. The
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
        /// The safety cases the candidate sends to no emergency service.
        public let caseMisses: [String]

        public init(current: IndependentEvaluation.Report, candidate: IndependentEvaluation.Report, caseMisses: [String] = []) {
            self.current = current
            self.candidate = candidate
            self.caseMisses = caseMisses
        }

        /// The records whose danger the candidate misses and the model in use does not.
        public var newDangerMisses: [String] { candidate.dangerMissIDs.subtracting(current.dangerMissIDs).sorted() }

        /// No new danger miss, no safety case missed, and at least as many primary destinations right.
        public var accepted: Bool {
            newDangerMisses.isEmpty && caseMisses.isEmpty && candidate.primaryDestinationRight >= current.primaryDestinationRight
        }

        public var description: String {
            func line(_ name: String, _ report: IndependentEvaluation.Report) -> String {
                "\(name): primary destination right \(report.primaryDestinationRight)/\(report.total), "
                    + "category right \(report.categoryRight)/\(report.total), danger misses \(report.dangerMisses.count)"
            }
            var lines = [line("in use   ", current), line("candidate", candidate)]
            if !newDangerMisses.isEmpty { lines.append("new danger misses: " + newDangerMisses.joined(separator: ", ")) }
            for text in caseMisses { lines.append("safety case sent to no emergency service: \(text)") }
            lines.append(accepted ? "accepted" : "refused: worse than the model in use")
            return lines.joined(separator: "\n")
        }
    }

    /// The candidate judged against the current classifier on `records` and the safety cases.
    public static func judge(
        candidate: Classifier, current: Classifier, on records: [IndependentEvaluation.Record], mustEscalate: [String] = []
    ) -> Verdict {
        Verdict(
            current: IndependentEvaluation.evaluate(current, on: records),
            candidate: IndependentEvaluation.evaluate(candidate, on: records),
            caseMisses: escalationMisses(candidate, mustEscalate))
    }

    /// The safety cases in `file`: one call per line, `#` comments and blank lines skipped.
    public static func mustEscalate(from file: URL) throws -> [String] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// The cases `classifier` sends to no emergency service, each taken as a 12345 call: the
    /// line that keeps nothing on an emergency line "to be safe", so only the danger itself counts.
    public static func escalationMisses(_ classifier: Classifier, _ cases: [String]) -> [String] {
        cases.filter { text in
            let outcome = try? classifier.classify(ClassificationInput(description: text, channel: .hotline12345))
            return outcome?.destinations.contains(where: \.isEmergencyService) != true
        }
    }
}
