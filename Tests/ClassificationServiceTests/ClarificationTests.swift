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
}
