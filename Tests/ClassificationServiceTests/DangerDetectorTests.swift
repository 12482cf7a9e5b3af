import FenliuModel
import Foundation
import ServiceSupport
import Testing

@testable import ClassificationService

/// The danger detector: a learned second opinion that may clear the safety rule's cues on a call it
/// is nearly sure needs no emergency service, never raise one, never clear a threat to a life.
@Suite("The danger detector")
struct DangerDetectorTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A detector trained on the fixtures, clearing whatever it finds more likely harmless than not.
    static let fixtureDetector = DangerDetector.train(
        Fixtures.examples, normalizer: Fixtures.normalizer, configuration: .init(minimumDocumentFrequency: 1), threshold: 0.5, version: "danger-fixture")

    private func probability(_ detector: DangerDetector, _ text: String) -> Double {
        detector.probability(normalized: Fixtures.normalizer.normalizedScalars(text))
    }

    @Test("trained on the fixtures, it finds 110/119/120 matters likelier emergencies than 12345 ones, and is the same after JSON")
    func trainsAndRoundTrips() throws {
        let detector = Self.fixtureDetector
        for (danger, harmless) in [("家里着火了", "路灯坏了晚上很黑"), ("有人受伤流血", "商家不给退款"), ("孩子走失了找不到", "核酸检测点在哪里")] {
            #expect(probability(detector, danger) > 0.5, "\(danger)")
            #expect(probability(detector, harmless) < 0.5, "\(harmless)")
        }
        let data = try detector.jsonData()
        let decoded = try DangerDetector(jsonData: data)
        #expect(try decoded.jsonData() == data)
        #expect(decoded.threshold == 0.5 && decoded.version == "danger-fixture")
        for text in ["厨房起火了", "垃圾好几天没人清运", "Wi-Fi 3栋"] {
            #expect(probability(decoded, text) == probability(detector, text))
        }
        // Deterministic: the same examples give the same bytes.
        let again = DangerDetector.train(
            Fixtures.examples, normalizer: Fixtures.normalizer, configuration: .init(minimumDocumentFrequency: 1), threshold: 0.5,
            version: "danger-fixture")
        #expect(try again.jsonData() == data)
    }

    @Test(
        "a file with a threshold above one half, a malformed row or a missing field is refused",
        arguments: [
            #"{"version":"d","configuration":{"maximumNgramLength":3,"minimumDocumentFrequency":2,"inverseRegularization":15,"maximumIterations":300},"threshold":0.6,"quantum":0.001,"bias":0,"features":{}}"#,
            #"{"version":"d","configuration":{"maximumNgramLength":3,"minimumDocumentFrequency":2,"inverseRegularization":15,"maximumIterations":300},"threshold":0.05,"quantum":0.001,"bias":0,"features":{"火":[1,2,3]}}"#,
            #"{"version":"d","threshold":0.05,"quantum":0.001,"bias":0,"features":{}}"#,
        ])
    func refusesMalformed(json: String) {
        #expect(throws: (any Error).self) { try DangerDetector(jsonData: Data(json.utf8)) }
    }

    /// Harmless calls the rule flags: alarming words about a matter for 12345.
    static let clearedByProduction = ["超市卖的刀具没有包装，小孩子随便拿，很危险，要求市场监管处理"]

    @Test("the shipped detector clears a harmless call's cues: shown as evidence, sent to review, diverted, named in the version")
    func clearsHarmless() throws {
        let production = try Classifier.production()
        let detector = try #require(production.dangerDetector)
        var cleared = 0
        for text in Self.clearedByProduction {
            let input = ClassificationInput(description: text, channel: .hotline12345)
            let without = try Classifier(model: production.model, normalizer: production.normalizer, keywords: try CatalogueSeed.load().keywordsByCategory)
                .classify(input)
            let outcome = try production.classify(input)
            // Only a call the rule flags and the detector finds below its threshold is a case here.
            guard !without.safetyFlags.isEmpty, detector.probability(normalized: production.normalizer.normalizedScalars(text)) < detector.threshold
            else { continue }
            cleared += 1
            #expect(outcome.safetyFlags.isEmpty, "\(outcome.evidence)")
            #expect(outcome.destinations == [.hotline12345], "\(outcome.destinations)")
            #expect(outcome.needsReview)
            #expect(outcome.evidence.contains { $0.kind == .safetyRule && $0.note.hasPrefix("danger cue cleared") }, "\(outcome.evidence)")
            #expect(outcome.modelVersion == "\(production.model.version)+\(detector.version)-t\(Classifier.decimal(detector.threshold, 3))")
        }
        #expect(cleared >= 1, "none of the texts is one the rule flags and the detector clears: write another")
    }

    @Test("a threat to a life, a poisoning and a missing person are never cleared, however harmless the rest reads")
    func neverClears() throws {
        // The fixture detector at its most permissive: anything it finds likelier harmless than not.
        let classifier = Classifier(model: Fixtures.model, normalizer: Fixtures.normalizer, dangerDetector: Self.fixtureDetector)
        for (text, flag) in [
            ("社保怎么办理，居住证怎么续签，公积金提取咨询，办不下来我就跳楼", SafetyFlag.threatToLife),
            ("社保怎么办理，居住证怎么续签，公积金提取咨询，我吞了安眠药了", .poisoning),
            ("社保怎么办理，居住证怎么续签，公积金提取咨询，我家孩子走失了", .missingPerson),
        ] {
            #expect(probability(Self.fixtureDetector, text) < 0.5, "the detector must find it harmless for this test to mean anything: \(text)")
            let outcome = try classifier.classify(ClassificationInput(description: text, channel: .hotline12345))
            #expect(outcome.safetyFlags.contains(flag), "\(text): \(outcome.evidence)")
            #expect(outcome.destinations.contains { $0.isEmergencyService }, "\(text)")
        }
        // …while the same paperwork with a clearable cue is cleared by it.
        let fire = try classifier.classify(ClassificationInput(description: "社保怎么办理，居住证怎么续签，公积金提取咨询，楼道冒浓烟起火", channel: .hotline12345))
        if probability(Self.fixtureDetector, "社保怎么办理，居住证怎么续签，公积金提取咨询，楼道冒浓烟起火") < 0.5 {
            #expect(fire.safetyFlags.isEmpty, "\(fire.evidence)")
        }
    }

    @Test("every safety case reaches an emergency service with the shipped classifier, at the default divert threshold and the lowest")
    func safetyCases() throws {
        let cases = try ModelGate.mustEscalate(from: Self.root.appendingPathComponent("Services/Classification/SafetyCases/must-escalate.txt"))
        #expect(cases.count >= 130)
        let production = try Classifier.production()
        #expect(production.dangerDetector != nil)
        #expect(ModelGate.escalationMisses(production, cases).isEmpty)
        let lowest = try Classifier.production(
            model: production.model, dangerDetector: production.dangerDetector, normalizer: production.normalizer,
            configuration: Classifier.Configuration(divertThreshold: ModelGate.lowestPublishableThreshold))
        #expect(ModelGate.escalationMisses(lowest, cases).isEmpty)
    }

    @Test("the threshold is one step below the highest that loses no danger of the set and no safety case")
    func thresholdChoice() throws {
        let production = try Classifier.production()
        let detector = try #require(production.dangerDetector)
        // A real danger the rule flags as fire, that the detector finds fairly harmless: a fire
        // beyond the people burning rubbish.
        let danger = "着火了，原来是工地在焚烧垃圾，有人看守，但是他们也扑不熄"
        let p = detector.probability(normalized: production.normalizer.normalizedScalars(danger))
        let highestSafe = try #require(ModelGate.dangerThresholds.last { $0 <= p }, "p = \(p)")
        let steps = ModelGate.dangerThresholds
        let expected = steps.firstIndex(of: highestSafe)! >= 1 ? steps[steps.firstIndex(of: highestSafe)! - 1] : 0
        let harmless = IndependentEvaluation.Record(
            id: "h", channel: "CHANNEL_12345", text: "小区路灯坏了好几天", category: "PUBLIC_FACILITIES", destinations: ["HOTLINE_12345"], hard: "",
            voice: "terse")
        let fire = IndependentEvaluation.Record(
            id: "f", channel: "CHANNEL_110", text: danger, category: "FIRE", destinations: ["FIRE_119"], hard: "danger_hidden", voice: "terse")
        // As a record of the set…
        let bySet = try ModelGate.dangerThreshold(
            model: production.model, detector: detector, normalizer: production.normalizer, records: [harmless, fire], mustEscalate: [])
        #expect(bySet.threshold == expected, "\(bySet)")
        #expect(bySet.rows.filter(\.safe).map(\.threshold) == steps.filter { $0 <= p })
        // …and as a safety case.
        let byCases = try ModelGate.dangerThreshold(
            model: production.model, detector: detector, normalizer: production.normalizer, records: [harmless], mustEscalate: [danger])
        #expect(byCases.threshold == expected, "\(byCases)")
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

    @Test("FENLIU_CLASSIFICATION_DANGER_DETECTOR turns clearing off, and is checked")
    func configuration() {
        var unset = ConfigurationReader([:])
        #expect(ClassificationConfiguration.read(from: &unset).clearsDangerCues)
        var off = ConfigurationReader(["FENLIU_CLASSIFICATION_DANGER_DETECTOR": "off"])
        #expect(!ClassificationConfiguration.read(from: &off).clearsDangerCues)
        #expect(off.problems.isEmpty)
        var bad = ConfigurationReader(["FENLIU_CLASSIFICATION_DANGER_DETECTOR": "maybe"])
        _ = ClassificationConfiguration.read(from: &bad)
        #expect(bad.problems.first?.contains("FENLIU_CLASSIFICATION_DANGER_DETECTOR") == true)
    }
}
