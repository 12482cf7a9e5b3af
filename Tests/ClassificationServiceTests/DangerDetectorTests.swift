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

    /// A detector trained on the fixtures, clearing at the highest threshold a detector may carry.
    static let fixtureDetector = DangerDetector.train(
        Fixtures.examples, normalizer: Fixtures.normalizer, configuration: .init(minimumDocumentFrequency: 1), threshold: DangerDetector.maximumThreshold,
        version: "danger-fixture")

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
        #expect(decoded.threshold == DangerDetector.maximumThreshold && decoded.version == "danger-fixture")
        for text in ["厨房起火了", "垃圾好几天没人清运", "Wi-Fi 3栋"] {
            #expect(probability(decoded, text) == probability(detector, text))
        }
        // Deterministic: the same examples give the same bytes.
        let again = DangerDetector.train(
            Fixtures.examples, normalizer: Fixtures.normalizer, configuration: .init(minimumDocumentFrequency: 1),
            threshold: DangerDetector.maximumThreshold, version: "danger-fixture")
        #expect(try again.jsonData() == data)
    }

    static let configurationJSON =
        #""configuration":{"maximumNgramLength":3,"minimumDocumentFrequency":2,"inverseRegularization":15,"maximumIterations":300}"#

    @Test(
        "a file with a threshold above the grid's highest, a malformed or repeated row or a missing field is refused",
        arguments: [
            #"{"version":"d",\#(configurationJSON),"threshold":0.31,"quantum":0.001,"bias":0,"features":{}}"#,
            #"{"version":"d",\#(configurationJSON),"threshold":0.05,"quantum":0.001,"bias":0,"features":{"火":[1,2,3]}}"#,
            // "0" and "1" are one feature (digits all read as 0): two rows for one key.
            #"{"version":"d",\#(configurationJSON),"threshold":0.05,"quantum":0.001,"bias":0,"features":{"0":[1,2],"1":[1,2]}}"#,
            #"{"version":"d","threshold":0.05,"quantum":0.001,"bias":0,"features":{}}"#,
        ])
    func refusesMalformed(json: String) {
        #expect(throws: (any Error).self) { try DangerDetector(jsonData: Data(json.utf8)) }
    }

    @Test("a file's settings are held to what the keys can carry")
    func clampsConfiguration() throws {
        let json =
            #"{"version":"d","configuration":{"maximumNgramLength":9,"minimumDocumentFrequency":0,"inverseRegularization":15,"maximumIterations":300},"threshold":0.05,"quantum":0.001,"bias":0,"features":{}}"#
        let detector = try DangerDetector(jsonData: Data(json.utf8))
        #expect(detector.configuration.maximumNgramLength == 3)
        #expect(detector.configuration.minimumDocumentFrequency == 1)
    }

    @Test("sentences end at .;!? and before words that open another matter or the request")
    func sentences() {
        let text = Fixtures.normalizer.normalizedScalars("物业不管事，另外楼下着火了。诉求：要求整改！好")
        let sentences = DangerDetector.sentences(of: text).map { String(String.UnicodeScalarView(text[$0])) }
        #expect(sentences == ["物业不管事,", "另外楼下着火了", "诉求:要求整改", "好"])
    }

    /// Harmless calls the rule flags: alarming words used in a harmless sense in their own sentence
    /// (from the stop-20 review's probes).
    static let clearedByProduction = [
        "隔壁邻居天天说要打断我家狗的腿，因为狗叫扰民，我们吵了好几次了，想请社区来调解",
        "楼下烧烤摊油烟太大了，每天晚上浓烟滚滚的，像着火了一样，要求环保部门处理",
    ]

    /// Dangers told in one sentence of a long work order, which the whole call's words drown: the
    /// detector cleared each before it read the cue's own sentence (the stop-20 review's probes).
    static let drownedDangers = [
        "市民来电咨询社保转移接续的办理流程，以及需要准备哪些材料，是否可以网上办理，另外反映其家楼下有人持刀砍人，诉求：请告知社保转移办理流程。",
        "来电人称：其租住的房屋房东一直不退押金，合同到期已经一个月了，房东以各种理由扣押金，要求相关部门协调。另外来电人称房东今天带人来把他锁在屋里不让出来。诉求：要求退还押金。",
        "哎呀我跟你说嘛，我们这个小区简直恼火得很，物业费收起走了啥子都不做，电梯三天两头坏，垃圾堆起臭得很，绿化带头全是杂草，找物业物业说没得钱，找社区社区说管不到。还有就是今天晚上，我们对面那栋楼那个车棚燃起来了，烟子冒得好大哦。你们要管一哈物业嘛。",
        "喂 你好 我 是 那个 成华区 的 嗯 我 想 反映 一下 我们 小区 那个 物业 的 问题 就是 物业费 一直 涨 然后 又 不 做事 垃圾 也 不 收 嗯 还有 就是 那个 现在 楼下 有 个 车 在 烧 着火 了 嗯 然后 就是 物业 你们 要 管 一下",
    ]

    @Test("a danger told in one sentence of a long work order is not cleared, though the whole call reads harmless")
    func drownedDangerStands() throws {
        let production = try Classifier.production()
        let detector = try #require(production.dangerDetector)
        for text in Self.drownedDangers {
            let outcome = try production.classify(ClassificationInput(description: text, channel: .hotline12345))
            #expect(!outcome.safetyFlags.isEmpty && outcome.clearedSafetyFlags.isEmpty, "\(text): \(outcome.evidence)")
            #expect(outcome.destinations.contains { $0.isEmergencyService }, "\(text)")
        }
        // The whole call alone would have cleared the first: what the sentence check is for.
        let first = production.normalizer.normalizedScalars(Self.drownedDangers[0])
        #expect(detector.probability(normalized: first) < detector.threshold)
    }

    @Test("a cleared call is routed at once as urgent and reviewed, never held unrouted")
    func clearedIsRoutedNow() throws {
        let outcome = try Classifier.production().classify(ClassificationInput(description: Self.clearedByProduction[0], channel: .hotline12345))
        #expect(outcome.clearedSafetyFlags == [.injury])
        let plan = DecisionPolicy.plan(for: outcome)
        #expect(plan.needsReview && plan.routesNow && plan.isUrgent)
    }

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
            // Only a call the rule flags and the detector clears is a case here.
            guard !without.safetyFlags.isEmpty, !outcome.clearedSafetyFlags.isEmpty else { continue }
            #expect(outcome.clearedSafetyFlags == without.safetyFlags)
            #expect(detector.probability(normalized: production.normalizer.normalizedScalars(text)) < detector.threshold)
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
        // The fixture detector at its most permissive threshold.
        let classifier = Classifier(model: Fixtures.model, normalizer: Fixtures.normalizer, dangerDetector: Self.fixtureDetector)
        for (text, flag) in [
            ("社保怎么办理，居住证怎么续签，公积金提取咨询，办不下来我就跳楼", SafetyFlag.threatToLife),
            ("社保怎么办理，居住证怎么续签，公积金提取咨询，我吞了安眠药了", .poisoning),
            ("社保怎么办理，居住证怎么续签，公积金提取咨询，我家孩子走失了", .missingPerson),
        ] {
            #expect(probability(Self.fixtureDetector, text) < DangerDetector.maximumThreshold, "the detector must clear it but for its flag: \(text)")
            let outcome = try classifier.classify(ClassificationInput(description: text, channel: .hotline12345))
            #expect(outcome.safetyFlags.contains(flag), "\(text): \(outcome.evidence)")
            #expect(outcome.destinations.contains { $0.isEmergencyService }, "\(text)")
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
