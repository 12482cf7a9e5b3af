import FenliuModel
import Testing

@testable import ClassificationService

/// An emergency-line call whose record says the operator asked and learned what it really was gets
/// a lower bar for diversion — only when no danger cue survived.
@Suite("The operator's clarification")
struct ClarificationTests {
    /// Never diverts on confidence alone; always when clarified: the rule's effect, isolated from
    /// how sure the small fixture model happens to be.
    let classifier = Classifier(
        model: Fixtures.model, normalizer: Fixtures.normalizer,
        configuration: Classifier.Configuration(divertThreshold: 1.01, clarifiedDivertThreshold: 0))

    func classify(_ text: String) throws -> ClassificationOutcome {
        try classifier.classify(ClassificationInput(description: text, channel: .police110))
    }

    @Test("a 110 call whose danger the operator's questions ruled out is diverted; without them it stays with 110")
    func clarifiedIsDiverted() throws {
        let clarified = try classify("报警人说要出人命了，经询问是邻居吵架噪音纠纷，已经各自回家，没有人受伤")
        #expect(clarified.destinations == [.hotline12345], "\(clarified.evidence)")
        #expect(clarified.evidence.contains { $0.text == "经询问" })
        let unclarified = try classify("报警人说邻居吵架噪音纠纷，希望社区调解")
        #expect(unclarified.destinations == [.police110])
    }

    @Test("a danger cue that survives the clarification still reaches the emergency services")
    func dangerStillWins() throws {
        let outcome = try classify("经询问，邻居吵架，对方拿着菜刀站在门口")
        #expect(outcome.destinations.contains(.police110))
        #expect(!outcome.safetyFlags.isEmpty)
    }

    @Test("the markers are found in normalised text, Traditional included")
    func markers() {
        let normalizer = Fixtures.normalizer
        #expect(Classifier.clarification(in: normalizer.normalizedScalars("報警人稱…經詢問是鄰居吵架")) == "经询问")
        #expect(Classifier.clarification(in: normalizer.normalizedScalars("接警员问清楚了，是卖西瓜的")) == "问清楚")
        #expect(Classifier.clarification(in: normalizer.normalizedScalars("邻居吵架")) == nil)
    }

    @Test(
        "the finding supersedes the alarm: cues before a clarification followed by a denial no longer count",
        arguments: [
            "报警人喊有人提着刀，接警员问清楚了，是水果摊老板在路边卖西瓜，没有人身危险",
            "来电人说楼下着火了，经核实，是居民在自家院坝里熏腊肉，有人看着，没有危险",
            "报警人说要出人命了，一问原来是楼上漏水把他家天花板泡了，无人员伤亡",
        ])
    func findingSupersedesAlarm(text: String) throws {
        let outcome = try classify(text)
        // The category is the small fixture model's guess; that no danger cue survived is the rule.
        #expect(outcome.safetyFlags.isEmpty, "\(outcome.evidence)")
        #expect(!outcome.evidence.contains { $0.kind == .safetyRule })
    }

    @Test(
        "a finding that names a danger keeps it, and an alarm with no denial after the marker stands",
        arguments: [
            ("报警人称闻到糊味，经询问，三楼厨房起火，老人被困在屋里，无人受伤", SafetyFlag.trapped),
            ("报警人称有人持刀在小区门口，经询问，对方往东边跑了", SafetyFlag.weapon),
            ("报警人称有人打架，经了解，没有人持刀，但有一人被打伤头部流血", SafetyFlag.injury),
            // A denial covers only its own kind; a correction needs a denial; a narrow all-clear is none.
            ("三楼着火了，经询问无人被困", SafetyFlag.fire),
            ("三楼着火了，经询问，担心有人被困", SafetyFlag.fire),
            ("楼道里着火了，原来是电动车充电引起的", SafetyFlag.fire),
            ("娃娃吞了纽扣电池，经询问目前无不适", SafetyFlag.medicalEmergency),
        ])
    func findingKeepsDanger(text: String, flag: SafetyFlag) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.contains(flag), "\(outcome.evidence)")
        let escalated = outcome.destinations.contains(where: \.isEmergencyService)
        #expect(escalated)
    }

    @Test("the superseded alarm words are hidden from the model, so they do not pick the category")
    func modelReadsFinding() {
        let assessment = SafetyRules().assess(
            normalized: Fixtures.normalizer.normalizedScalars("报警人说着火了，经询问，是小区垃圾没人清运，没有着火"))
        #expect(assessment.flags.isEmpty)
        #expect(!assessment.superseded.isEmpty)
        let plain = SafetyRules().assess(normalized: Fixtures.normalizer.normalizedScalars("小区垃圾没人清运，臭得很"))
        #expect(plain.superseded.isEmpty)
    }
}
