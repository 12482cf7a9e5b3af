import FenliuModel
import Foundation

/// The classifier on call records written apart from its corpus (`Services/Classification/Evaluation`,
/// README there): the figures that say whether it learned the matters or its corpus's style.
public enum IndependentEvaluation {
    /// One record of the evaluation set.
    public struct Record: Decodable, Sendable {
        public let id: String
        /// `CHANNEL_110`, …: the line the call came in on (it changes what may be diverted).
        public let channel: String
        public let text: String
        public let category: String
        /// Every service the call needs, the primary first.
        public let destinations: [String]
        /// `harmless_dramatic`, `danger_hidden`, `near_category`, or empty.
        public let hard: String
        public let voice: String
    }

    /// The figures, named as issue 13 names them.
    public struct Report: Sendable, CustomStringConvertible {
        public init() {}

        public var total = 0
        public var primaryDestinationRight = 0
        public var categoryRight = 0
        /// Needing 110, 119 or 120 and reaching none of the ones needed.
        public var dangerMisses = [String]()
        /// The ids of those records.
        public var dangerMissIDs = Set<String>()
        public var needingEmergency = 0
        /// 110 calls that are 12345 matters, and how many of them were diverted to 12345.
        public var nonPolice110 = 0
        public var nonPolice110Diverted = 0
        /// Of those, the dramatic-but-harmless ones.
        public var harmlessDramatic110 = 0
        public var harmlessDramatic110Diverted = 0
        /// 12345 matters (any line) sent to an emergency service as well.
        public var harmless = 0
        public var harmlessOverEscalated = 0
        /// Decisions sent to an operator's review queue.
        public var reviewed = 0
        /// Danger misses that wait in the review queue (a 12345 matter is not routed until a person
        /// reads it), and harmless 12345-line calls that do.
        public var dangerMissesReviewed = 0
        public var harmless12345Reviewed = 0
        public var harmless12345 = 0
        /// Category accuracy per voice.
        public var byVoice = [String: (right: Int, total: Int)]()
        /// Every record with a wrong category or primary destination, or escalated though harmless,
        /// with what the classifier said and why: for reading, not printed in `description`.
        public var mistakes = [String]()
        /// Every record's outcome without its text (`id category destinations p=confidence
        /// flags=safety flags`, then ` review` when it waits for a person), to compare two
        /// classifiers record by record on a batch nobody may read.
        public var outcomes = [String]()

        /// `part` of `whole` as a percentage ("—" of nothing), with the counts unless `counts` is false.
        public static func share(_ part: Int, _ whole: Int, counts: Bool = true) -> String {
            guard whole > 0 else { return "—" }
            let percent = 100 * Double(part) / Double(whole)
            return counts ? String(format: "%.1f%% (%d/%d)", percent, part, whole) : String(format: "%5.1f%%", percent)
        }

        public var description: String {
            let share = { (part: Int, whole: Int) in Self.share(part, whole) }
            var lines = [
                "independent records:                \(total)",
                "primary destination right:          \(share(primaryDestinationRight, total))",
                "category right:                     \(share(categoryRight, total))",
                "danger misses:                      \(dangerMisses.count) of \(needingEmergency)",
                "  of those waiting in review:       \(dangerMissesReviewed)",
                "non-police 110 calls diverted:      \(share(nonPolice110Diverted, nonPolice110))",
                "  of those dramatic but harmless:   \(share(harmlessDramatic110Diverted, harmlessDramatic110))",
                "harmless calls over-escalated:      \(harmlessOverEscalated) of \(harmless)",
                "12345-line 12345 matters to review: \(share(harmless12345Reviewed, harmless12345))",
            ]
            for voice in byVoice.keys.sorted() {
                let (right, all) = byVoice[voice]!
                lines.append("  category right, \(voice):".padding(toLength: 38, withPad: " ", startingAt: 0) + share(right, all))
            }
            // Ids only: a batch kept unread is measured by these lines, and its texts are for whoever
            // reads it (`FENLIU_EVAL_MISTAKES`).
            if !dangerMissIDs.isEmpty { lines.append("  missed: " + dangerMissIDs.sorted().joined(separator: " ")) }
            return lines.joined(separator: "\n")
        }
    }

    /// Reads every `*.jsonl` file of `directory`.
    public static func load(from directory: URL) throws -> [Record] {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "jsonl" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        let decoder = JSONDecoder()
        return try files.flatMap { file in
            try String(contentsOf: file, encoding: .utf8).split(separator: "\n").filter { !$0.isEmpty }.map {
                try decoder.decode(Record.self, from: Data($0.utf8))
            }
        }
    }

    /// Classifies each record as production would (with its line) and counts.
    public static func evaluate(_ classifier: Classifier, on records: [Record]) -> Report {
        var report = Report()
        for record in records {
            guard let truth = Category(code: record.category) else { continue }
            let needed = record.destinations.compactMap(Destination.init(rawValue:))
            let channel = Channel(code: record.channel)
            report.total += 1
            guard let outcome = try? classifier.classify(ClassificationInput(description: record.text, channel: channel)) else {
                continue
            }
            let flags = outcome.safetyFlags.map { "\($0)" }.joined(separator: ",")
            report.outcomes.append(
                "\(record.id) \(outcome.category.code) \(outcome.destinations.map(\.rawValue).joined(separator: ","))"
                    + " p=\(String(format: "%.2f", outcome.confidence)) flags=\(flags)\(outcome.needsReview ? " review" : "")")
            if outcome.destinations.first == needed.first { report.primaryDestinationRight += 1 }
            if outcome.needsReview { report.reviewed += 1 }
            let right = outcome.category == truth
            let escalated = needed.allSatisfy { !$0.isEmergencyService } && outcome.destinations.contains(where: \.isEmergencyService)
            if !right || outcome.destinations.first != needed.first || escalated {
                report.mistakes.append(
                    "\(record.id) [\(record.hard)] \(record.category) \(needed.map(\.rawValue)) → \(outcome.category.code) "
                        + "\(outcome.destinations.map(\.rawValue)) p=\(String(format: "%.2f", outcome.confidence)) flags=\(flags): \(record.text)")
            }
            if right { report.categoryRight += 1 }
            report.byVoice[record.voice, default: (0, 0)].total += 1
            if right { report.byVoice[record.voice, default: (0, 0)].right += 1 }
            let emergencies = needed.filter(\.isEmergencyService)
            if !emergencies.isEmpty {
                report.needingEmergency += 1
                if !emergencies.contains(where: outcome.destinations.contains) {
                    report.dangerMissIDs.insert(record.id)
                    if outcome.needsReview { report.dangerMissesReviewed += 1 }
                    report.dangerMisses.append(
                        "\(record.id) \(record.category) → \(outcome.category.code) \(outcome.destinations.map(\.rawValue)): \(record.text)")
                }
            } else {
                report.harmless += 1
                if channel == .hotline12345 {
                    report.harmless12345 += 1
                    if outcome.needsReview { report.harmless12345Reviewed += 1 }
                }
                if outcome.destinations.contains(where: \.isEmergencyService) { report.harmlessOverEscalated += 1 }
                if channel == .police110 {
                    let diverted = outcome.destinations == [.hotline12345]
                    report.nonPolice110 += 1
                    if diverted { report.nonPolice110Diverted += 1 }
                    if record.hard == "harmless_dramatic" {
                        report.harmlessDramatic110 += 1
                        if diverted { report.harmlessDramatic110Diverted += 1 }
                    }
                }
            }
        }
        return report
    }
}
