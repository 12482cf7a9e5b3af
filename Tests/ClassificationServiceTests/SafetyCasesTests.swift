import FenliuModel
import Foundation
import Testing

@testable import ClassificationService

/// The safety cases (`Services/Classification/SafetyCases/must-escalate.txt`): calls written against
/// the classifier that must reach 110, 119 or 120 — the rule's own dangerous test texts and the
/// dangers reviews wrote inside work orders, paperwork, complaints and transcripts.
@Suite("The safety cases")
struct SafetyCasesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("every safety case reaches an emergency service with the shipped classifier, at the default divert threshold and the lowest")
    func shippedClassifier() throws {
        let cases = try ModelGate.mustEscalate(from: Self.root.appendingPathComponent("Services/Classification/SafetyCases/must-escalate.txt"))
        #expect(cases.count >= 600)
        let production = try Classifier.production()
        #expect(ModelGate.escalationMisses(production, cases).isEmpty)
        let lowest = try Classifier.production(
            model: production.model, normalizer: production.normalizer,
            configuration: Classifier.Configuration(divertThreshold: ModelGate.lowestPublishableThreshold))
        #expect(ModelGate.escalationMisses(lowest, cases).isEmpty)
    }

    @Test("a case is a line: comments and blank lines are skipped, and a case sent to 12345 alone is a miss")
    func reading() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cases-\(UUID().uuidString).txt")
        try "# a comment\n\n  厨房着火了，有人受伤  \n小区路灯坏了好几天\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let cases = try ModelGate.mustEscalate(from: file)
        #expect(cases == ["厨房着火了，有人受伤", "小区路灯坏了好几天"])
        #expect(ModelGate.escalationMisses(Fixtures.classifier, cases) == ["小区路灯坏了好几天"])
    }

    @Test("the gate refuses a candidate that sends a safety case to no emergency service")
    func gateRefusesCaseMiss() {
        var report = IndependentEvaluation.Report()
        report.total = 1
        report.primaryDestinationRight = 1
        #expect(ModelGate.Verdict(current: report, candidate: report).accepted)
        let verdict = ModelGate.Verdict(current: report, candidate: report, caseMisses: ["楼道冒浓烟起火"])
        #expect(!verdict.accepted)
        #expect(verdict.description.contains("safety case sent to no emergency service: 楼道冒浓烟起火"))
    }

    @Test("a model file with two spellings of one feature (digits all read as 0) is refused, not trapped on")
    func repeatedFeatureRefused() throws {
        let json =
            #"{"version":"m","configuration":{"maximumNgramLength":2,"minimumDocumentFrequency":1,"inverseRegularization":10,"maximumIterations":10,"calibrationStride":0},"temperature":1,"categories":["FIRE"],"quantum":0.001,"bias":[0],"features":{"1":[1,2],"2":[1,2]}}"#
        #expect(throws: (any Error).self) { try NgramModel(jsonData: Data(json.utf8)) }
    }
}
