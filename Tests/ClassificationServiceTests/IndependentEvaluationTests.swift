import FenliuModel
import Foundation
import Testing

@testable import ClassificationService

/// The independent evaluation set (Services/Classification/Evaluation) is what it claims to be, and
/// the figures computed on it mean what they say.
@Suite("The independent evaluation set")
struct IndependentEvaluationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("at least 300 records in many voices, a quarter hard cases, every label a catalogue code, none in the training corpus")
    func theSet() throws {
        let records = try IndependentEvaluation.load(from: Self.root.appendingPathComponent("Services/Classification/Evaluation"))
        #expect(records.count >= 300)
        #expect(Set(records.map(\.id)).count == records.count)
        #expect(Double(records.filter { !$0.hard.isEmpty }.count) >= 0.25 * Double(records.count))
        #expect(Set(records.map(\.voice)).count >= 8)
        for record in records {
            #expect(Category(code: record.category) != nil, "\(record.id)")
            #expect(Channel(code: record.channel) != nil, "\(record.id)")
            #expect(!record.destinations.isEmpty && record.destinations.allSatisfy { Destination(rawValue: $0) != nil }, "\(record.id)")
        }
        // Never trained on: no evaluation text is in the corpus.
        let corpus = try Corpus.load(from: Self.root.appendingPathComponent("Services/Classification/ClassificationService/Corpus"))
        let trained = Set(corpus.records.map(\.text))
        #expect(records.allSatisfy { !trained.contains($0.text) })
    }

    /// The danger misses the production classifier still makes on the set, each with why it is left:
    /// any other miss fails, so a change to the rule or the model cannot lose a danger unseen. Issue
    /// 13's target is none.
    static let knownDangerMisses: [String: String] = [
        "w13-077":
            "traffic lights out at a junction with cars cutting in, nobody hurt, the caller asks for a traffic officer: "
            + "a facilities order the writer also sends to 110; no rule names a hazard to traffic without a person in it",
        "w13-052":
            "a motorcycle's fall into a pothole, the rider scraped and up again: the writer sends it to 110 as a road accident "
            + "beside the repair; the catalogue's broken road is a facilities matter, and a rule that leaned a rider's own fall "
            + "to TRAFFIC kept harmless calls about broken roads on 110 (a review's finding)",
        "w24-139":
            "a shove with no one hurt inside a refund quarrel over fake clothes, the caller still in the shop: "
            + "the writer sends it to 110; 推了我一把 is as often a child's or a queue's, and the caller's being there "
            + "stands two clauses from it, beyond any cue's reach (stop 26)",
    ]

    @Test("with the production model and catalogue: no danger missed but the known ones, and the figures no worse than last measured")
    func productionFigures() throws {
        let records = try IndependentEvaluation.load(from: Self.root.appendingPathComponent("Services/Classification/Evaluation"))
        let report = IndependentEvaluation.evaluate(try Classifier.production(), on: records)
        #expect(report.dangerMissIDs.subtracting(Self.knownDangerMisses.keys).isEmpty, "\(report.dangerMisses)")
        // The same at the lowest threshold a catalogue may publish: the rule is safe under any.
        var lowest = Classifier.Configuration()
        lowest.divertThreshold = ModelGate.lowestPublishableThreshold
        let (model, normalizer) = try ClassifierEngine.bundledModel()
        let strict = IndependentEvaluation.evaluate(try Classifier.production(model: model, normalizer: normalizer, configuration: lowest), on: records)
        #expect(strict.dangerMissIDs.subtracting(Self.knownDangerMisses.keys).isEmpty, "\(strict.dangerMisses)")
        // Floors a little under the figures of the last round (BENCHMARKS.md), not issue 13's
        // targets (97% / 90% / 90% diverted / 80% dramatic / at most 5 over-escalated): a change
        // that loses ground fails here; one that gains should raise them. Lowered at stop 23, when
        // writers 19 and 20 (88.3% and 91.7% primary on arrival) joined the set: 93.9% / 91.6% /
        // 82.4% / 9.0%. Raised at stop 25 (the model retrained on 2,000 new records, writer 23 in the
        // set): 94.3% / 92.6% / 83.5% / 8.6%. At stop 26 writer 24 joined (88.7% primary on arrival,
        // 26 of its 170 harmless calls still over-escalated after its round): 94.0% / 92.3% / 83.0% / 9.0%.
        // At stop 27 writer 32 joined (dangers told in passing; 83.7% primary and 9 of 170 dangers missed on
        // arrival, read for its dangers only, 32 of its 130 harmless calls over-escalated): 93.5% / 91.7% /
        // 82.5% / 9.7%. At stop 38 writer 30 joined (read after twelve stops unread; 73.2% of its non-police
        // 110 calls diverted and 28 of its 170 harmless calls over-escalated after its round): 93.3% / 91.5% /
        // 81.9% / 10.1%. At stop 39 writer 31 joined (read after thirteen stops unread; 70.5% of its
        // non-police 110 calls diverted and 29 of its 170 harmless calls over-escalated, before its round
        // and after: its round taught dangers only): 93.1% / 91.2% / 81.1% / 10.4%.
        #expect(Double(report.primaryDestinationRight) >= 0.93 * Double(report.total), "\(report)")
        #expect(Double(report.categoryRight) >= 0.91 * Double(report.total), "\(report)")
        #expect(Double(report.nonPolice110Diverted) >= 0.81 * Double(report.nonPolice110), "\(report)")
        #expect(Double(report.harmlessOverEscalated) <= 0.105 * Double(report.harmless), "\(report)")
    }

    @Test("the counts: a danger miss, a diversion, a dramatic harmless call and an over-escalation are each counted where they belong")
    func counting() {
        let records = [
            IndependentEvaluation.Record(
                id: "a", channel: "CHANNEL_110", text: "小区路灯坏了好几天", category: "PUBLIC_FACILITIES", destinations: ["HOTLINE_12345"], hard: "",
                voice: "terse"),
            IndependentEvaluation.Record(
                id: "b", channel: "CHANNEL_110", text: "厨房着火了，有人被烧伤困在屋里", category: "FIRE",
                destinations: ["FIRE_119", "MEDICAL_120"], hard: "", voice: "terse"),
        ]
        let report = IndependentEvaluation.evaluate(Fixtures.classifier, on: records)
        #expect(report.total == 2)
        #expect(report.needingEmergency == 1)
        #expect(report.harmless == 1)
        #expect(report.nonPolice110 == 1)
        #expect(report.dangerMisses.isEmpty, "the safety rule sends a fire with an injured person to 119: \(report.dangerMisses)")
        #expect(report.byVoice["terse"]?.total == 2)
    }
}
