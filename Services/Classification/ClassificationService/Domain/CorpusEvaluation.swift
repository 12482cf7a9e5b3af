import FenliuModel
import Foundation

/// Measures a classifier on labelled records: the figures the project is judged on.
public enum CorpusEvaluation {
    /// A record whose category belongs to an emergency service but which went to 12345 alone.
    public struct DangerMiss: Sendable, Hashable {
        /// The record.
        public let record: Corpus.Record
        /// What the classifier decided.
        public let predicted: Category
    }

    /// The figures for one evaluation.
    public struct Report: Sendable, CustomStringConvertible {
        /// The categories in the confusion matrix, in catalogue order.
        public let categories: [Category]
        /// How many records were evaluated.
        public let total: Int
        /// Records whose predicted category is the true one.
        public let correctCategories: Int
        /// Records whose primary destination is the true category's default destination.
        public let correctDestinations: Int
        /// `confusion[true][predicted]`, indexed like `categories`.
        public let confusion: [[Int]]
        /// Emergency records sent to 12345 only.
        public let dangerMisses: [DangerMiss]
        /// Records the classifier rejected (it should reject none of a corpus).
        public let rejected: Int
        /// Records that went to review.
        public let reviewed: Int
        /// Every record whose primary destination was wrong, with what the classifier said: for
        /// reading, not printed in `description`.
        public let destinationMistakes: [String]
        /// Classifications per second on one core, on these records.
        public let classificationsPerSecond: Double

        /// Share of records with the right category.
        public var categoryAccuracy: Double { total == 0 ? 0 : Double(correctCategories) / Double(total) }
        /// Share of records with the right primary destination.
        public var destinationAccuracy: Double { total == 0 ? 0 : Double(correctDestinations) / Double(total) }

        /// A text report: headline figures, danger misses, then the confusion matrix.
        public var description: String {
            var lines = [
                "records evaluated:      \(total)",
                String(format: "destination accuracy:   %.2f%% (%d/%d)", 100 * destinationAccuracy, correctDestinations, total),
                String(format: "category accuracy:      %.2f%% (%d/%d)", 100 * categoryAccuracy, correctCategories, total),
                "danger misses:          \(dangerMisses.count)",
                "needs review:           \(reviewed)",
                "rejected:               \(rejected)",
                String(format: "classifications/s:      %.0f", classificationsPerSecond),
            ]
            for miss in dangerMisses {
                lines.append("  MISS \(miss.record.category.code) -> \(miss.predicted.code): \(miss.record.text)")
            }
            lines.append("")
            lines.append("confusion (rows: true, columns: predicted)")
            let short = categories.map { String($0.code.prefix(5)) }
            lines.append("".padding(toLength: 24, withPad: " ", startingAt: 0) + short.map { $0.leftPadded(to: 6) }.joined())
            for (row, category) in categories.enumerated() {
                let cells = confusion[row].map { ($0 == 0 ? "." : String($0)).leftPadded(to: 6) }.joined()
                lines.append(category.code.padding(toLength: 24, withPad: " ", startingAt: 0) + cells)
            }
            return lines.joined(separator: "\n")
        }
    }

    /// Classifies every record (with no channel, so only the text decides) and reports.
    ///
    /// Throughput is measured by classifying the records again for at least `timingSeconds`.
    public static func evaluate(_ classifier: Classifier, on records: [Corpus.Record], timingSeconds: Double = 1) -> Report {
        let categories = Category.allCases
        let column = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, $0) })
        var confusion = Array(repeating: Array(repeating: 0, count: categories.count), count: categories.count)
        var correctCategories = 0
        var correctDestinations = 0
        var misses: [DangerMiss] = []
        var rejected = 0
        var reviewed = 0
        var mistakes: [String] = []
        for record in records {
            guard let outcome = try? classifier.classify(ClassificationInput(description: record.text)) else {
                rejected += 1
                continue
            }
            confusion[column[record.category]!][column[outcome.category]!] += 1
            if outcome.category == record.category { correctCategories += 1 }
            if outcome.destinations.first == record.category.defaultDestination {
                correctDestinations += 1
            } else {
                let flags = outcome.safetyFlags.map { "\($0)" }.joined(separator: ",")
                mistakes.append("\(record.category.code) → \(outcome.category.code) \(outcome.destinations.map(\.rawValue)) flags=\(flags): \(record.text)")
            }
            if outcome.needsReview { reviewed += 1 }
            if record.category.defaultDestination.isEmergencyService, !outcome.destinations.contains(where: \.isEmergencyService) {
                misses.append(DangerMiss(record: record, predicted: outcome.category))
            }
        }
        return Report(
            categories: categories, total: records.count, correctCategories: correctCategories,
            correctDestinations: correctDestinations, confusion: confusion, dangerMisses: misses,
            rejected: rejected, reviewed: reviewed, destinationMistakes: mistakes,
            classificationsPerSecond: throughput(classifier, records, seconds: timingSeconds))
    }

    /// Loads the corpus, trains on its training part and evaluates on the held-out part.
    public static func run(
        corpusDirectory: URL, normalizer: TextNormalizer, holdingOutEvery stride: Int = 5,
        configuration: NgramModel.Configuration = .init(), version: String = "evaluation",
        timingSeconds: Double = 1
    ) throws -> Report {
        let (training, heldOut) = try Corpus.load(from: corpusDirectory).split(holdingOutEvery: stride)
        let model = NgramModel.train(
            Corpus.examples(training), normalizer: normalizer,
            configuration: configuration, version: version)
        // The classifier as it ships (`Classifier.production(model:normalizer:)`: the seed
        // catalogue's keywords too), around the model trained without the held-out part.
        return evaluate(try Classifier.production(model: model, normalizer: normalizer), on: heldOut, timingSeconds: timingSeconds)
    }

    private static func throughput(_ classifier: Classifier, _ records: [Corpus.Record], seconds: Double) -> Double {
        guard !records.isEmpty, seconds > 0 else { return 0 }
        let inputs = records.map { ClassificationInput(description: $0.text) }
        let clock = ContinuousClock()
        let start = clock.now
        var count = 0
        var elapsed = Duration.zero
        repeat {
            for input in inputs { _ = try? classifier.classify(input) }
            count += inputs.count
            elapsed = clock.now - start
        } while elapsed < .milliseconds(Int64(seconds * 1000))
        let (wholeSeconds, attoseconds) = elapsed.components
        return Double(count) / (Double(wholeSeconds) + Double(attoseconds) / 1e18)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
