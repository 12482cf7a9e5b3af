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

    /// Thresholds tried for the danger detector, lowest first.
    public static let dangerThresholds = [0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3]

    /// The danger detector's threshold and the trade-off it was chosen from.
    public struct DangerThresholdChoice: Sendable, CustomStringConvertible {
        /// One threshold tried, with the production classifier at the default divert threshold.
        public struct Row: Sendable {
            public let threshold: Double
            /// Whether no danger of the set or safety case is lost at it (at either divert threshold).
            public let safe: Bool
            public let dangerMisses: Int
            public let caseMisses: Int
            public let overEscalated: Int
            public let nonPolice110Diverted: Int
            public let reviewed: Int
        }

        /// 0 when even the lowest threshold lost a danger: the detector then clears nothing.
        public let threshold: Double
        /// The classifier without the detector, for comparison.
        public let without: IndependentEvaluation.Report
        public let rows: [Row]

        public var description: String {
            var lines = [
                "danger detector threshold (independent set at divert threshold \(Classifier.Configuration.standardDivertThreshold); safe = "
                    + "no danger of the set lost at 0.5 or 0.6 and no safety case lost):",
                "threshold  safe  danger misses  cases lost  over-escalated  110 non-police diverted  to review",
                "     none     -  \(without.dangerMisses.count)".padding(toLength: 30, withPad: " ", startingAt: 0)
                    + "-".padding(toLength: 12, withPad: " ", startingAt: 0)
                    + "\(without.harmlessOverEscalated) of \(without.harmless)".padding(toLength: 16, withPad: " ", startingAt: 0)
                    + "\(without.nonPolice110Diverted) of \(without.nonPolice110)".padding(toLength: 25, withPad: " ", startingAt: 0)
                    + "\(without.reviewed)",
            ]
            for row in rows {
                lines.append(
                    String(format: "%9.2f", row.threshold) + "  " + (row.safe ? " yes" : "  no") + "  "
                        + "\(row.dangerMisses)".padding(toLength: 13, withPad: " ", startingAt: 0) + "  "
                        + "\(row.caseMisses)".padding(toLength: 10, withPad: " ", startingAt: 0) + "  "
                        + "\(row.overEscalated)".padding(toLength: 14, withPad: " ", startingAt: 0) + "  "
                        + "\(row.nonPolice110Diverted)".padding(toLength: 23, withPad: " ", startingAt: 0) + "  \(row.reviewed)")
            }
            lines.append(
                threshold > 0
                    ? "chosen: \(threshold) (one step of margin below the highest safe threshold)"
                    : "chosen: none (no threshold with a step of margin is safe): the detector clears nothing")
            return lines.joined(separator: "\n")
        }
    }

    /// The detector's threshold for `model`: one step of ``dangerThresholds`` below the highest at
    /// which, with the production classifier, the set misses no danger it does not miss without
    /// the detector (at the lowest publishable divert threshold and the default) and every safety
    /// case reaches an emergency service. The step is margin for the calls no one has written yet,
    /// as for the divert threshold. Clearing only grows with the threshold, so every threshold
    /// below a safe one is safe too.
    public static func dangerThreshold(
        model: NgramModel, detector: DangerDetector, normalizer: TextNormalizer, records: [IndependentEvaluation.Record],
        mustEscalate: [String]
    ) throws -> DangerThresholdChoice {
        let divertThresholds = [lowestPublishableThreshold, Classifier.Configuration.standardDivertThreshold]
        func classifier(_ detector: DangerDetector?, _ divert: Double) throws -> Classifier {
            try Classifier.production(
                model: model, dangerDetector: detector, normalizer: normalizer, configuration: Classifier.Configuration(divertThreshold: divert))
        }
        let baseline = try divertThresholds.map { IndependentEvaluation.evaluate(try classifier(nil, $0), on: records).dangerMissIDs }
        var rows: [DangerThresholdChoice.Row] = []
        for threshold in dangerThresholds {
            let candidate = detector.with(threshold: threshold)
            var safe = true
            var report = IndependentEvaluation.Report()
            for (divert, missed) in zip(divertThresholds, baseline) {
                report = IndependentEvaluation.evaluate(try classifier(candidate, divert), on: records)
                if !report.dangerMissIDs.isSubset(of: missed) { safe = false }
            }
            let caseMisses = escalationMisses(try classifier(candidate, Classifier.Configuration.standardDivertThreshold), mustEscalate).count
            rows.append(
                .init(
                    threshold: threshold, safe: safe && caseMisses == 0, dangerMisses: report.dangerMisses.count, caseMisses: caseMisses,
                    overEscalated: report.harmlessOverEscalated, nonPolice110Diverted: report.nonPolice110Diverted, reviewed: report.reviewed))
        }
        let safeCount = rows.prefix { $0.safe }.count
        return DangerThresholdChoice(
            threshold: safeCount >= 2 ? rows[safeCount - 2].threshold : 0,
            without: IndependentEvaluation.evaluate(try classifier(nil, Classifier.Configuration.standardDivertThreshold), on: records),
            rows: rows)
    }
}
