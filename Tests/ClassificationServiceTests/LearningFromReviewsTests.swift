import ClassificationService
import FenliuModel
import Foundation
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf
import TestSupport
import Testing

/// Reviews become labelled examples, a retraining with them changes the decision it should, and a
/// model worse on the evaluation set than the one in use is refused.
@Suite("Learning from reviews")
struct LearningFromReviewsTests {
    let normalizer = Fixtures.normalizer

    /// Evaluation records as the set's files hold them.
    func records(_ lines: [(text: String, category: Category, destination: Destination)]) throws -> [IndependentEvaluation.Record] {
        try lines.enumerated().map { index, line in
            let json = """
                {"id": "t-\(index)", "channel": "CHANNEL_12345", "text": "\(line.text)", "category": "\(line.category.code)",
                 "destinations": ["\(line.destination.rawValue)"], "hard": "", "voice": "test"}
                """
            return try JSONDecoder().decode(IndependentEvaluation.Record.self, from: Data(json.utf8))
        }
    }

    @Test("a retraining with the operators' corrections decides the corrected kind of call as they did")
    func retrainingWithReviewsChangesTheDecision() throws {
        // The fixture corpus knows 停车 nowhere; an operator files such calls as city appearance.
        let text = "电动车停车棚被人占了堆杂物"
        let before = NgramModel.train(Fixtures.examples, normalizer: normalizer, version: "before")
        let corrections: [(text: String, category: Category)] = [
            ("车棚被人堆满杂物", .cityAppearance), ("停车棚里堆杂物占道", .cityAppearance), ("电动车棚被占用堆放杂物", .cityAppearance),
            ("杂物堆在停车棚", .cityAppearance), ("车棚堆杂物没人清理", .cityAppearance),
        ]
        let after = NgramModel.train(Fixtures.examples + corrections, normalizer: normalizer, version: "after")
        let decidedBefore = try Classifier(model: before, normalizer: normalizer).classify(ClassificationInput(description: text))
        let decidedAfter = try Classifier(model: after, normalizer: normalizer).classify(ClassificationInput(description: text))
        #expect(decidedBefore.category != .cityAppearance, "the test needs a call the fixture model gets wrong")
        #expect(decidedAfter.category == .cityAppearance)
        #expect(decidedAfter.modelVersion == "after")
    }

    @Test("a model worse on the evaluation set than the one in use is refused; as good or better is accepted")
    func worseModelIsRefused() throws {
        let set = try records([
            ("小区停水了一整天", .publicFacilities, .hotline12345), ("老板拖欠工资三个月", .laborWages, .hotline12345),
            ("电瓶车被偷了", .crimeReport, .police110), ("工地半夜打桩噪音大", .construction, .hotline12345),
            ("商家不给退款", .marketRegulation, .hotline12345), ("两车追尾事故", .traffic, .police110),
        ])
        let good = Classifier(model: NgramModel.train(Fixtures.examples, normalizer: normalizer, version: "good"), normalizer: normalizer)
        // Every label moved one category on: a model that learned the wrong thing.
        let categories = Category.allCases
        let shuffled = Fixtures.examples.map { example in
            (example.text, categories[(categories.firstIndex(of: example.category)! + 1) % categories.count])
        }
        let bad = Classifier(model: NgramModel.train(shuffled, normalizer: normalizer, version: "bad"), normalizer: normalizer)

        let refused = ModelGate.judge(candidate: bad, current: good, on: set)
        #expect(!refused.accepted, "\(refused)")
        #expect(refused.candidate.primaryDestinationRight < refused.current.primaryDestinationRight)
        #expect(ModelGate.judge(candidate: good, current: good, on: set).accepted)
        #expect(ModelGate.judge(candidate: good, current: bad, on: set).accepted)
    }

    @Test("a model that misses a danger the one in use does not is refused, even when it fixes another")
    func tradedDangerMissIsRefused() {
        var current = IndependentEvaluation.Report()
        current.total = 10
        current.primaryDestinationRight = 8
        current.dangerMissIDs = ["w-1"]
        var candidate = current
        candidate.primaryDestinationRight = 9
        candidate.dangerMissIDs = ["w-2"]
        let traded = ModelGate.Verdict(current: current, candidate: candidate)
        #expect(!traded.accepted)
        #expect(traded.newDangerMisses == ["w-2"])
        #expect(traded.description.contains("new danger misses: w-2"))
        candidate.dangerMissIDs = []
        #expect(ModelGate.Verdict(current: current, candidate: candidate).accepted)
    }

    @Test("every reviewed decision is a labelled example with the reviewer's category; decisions not reviewed are not")
    func reviewsAreExamples() async throws {
        try await ClassificationServiceRPCTests().withService { client, _, database in
            for (id, text) in [("call-a", "13800001111 12345"), ("call-b", "13900002222 12345")] {
                _ = try await client.call(
                    ClassificationAPI.classify,
                    .with {
                        $0.callID = id; $0.description_p = text; $0.channel = .channel12345
                    })
            }
            _ = try await client.call(
                ClassificationAPI.resolveReview,
                .with {
                    $0.callID = "call-a"; $0.category = .marketRegulation; $0.reviewerID = "op-7"; $0.note = "预付卡退费"
                })
            let examples = try await ReviewCorpus.examples(on: database)
            #expect(examples.map(\.text) == ["13800001111 12345"])
            #expect(examples.map(\.category) == [.marketRegulation])
        }
    }
}
