import FenliuModel
import Foundation
import Testing

@testable import ClassificationService

/// The statistical model on a tiny inline corpus (the real corpus is tested in CorpusEvaluationTests).
@Suite("N-gram model")
struct NgramModelTests {
    let model = Fixtures.model
    let normalizer = Fixtures.normalizer

    private func predict(_ text: String) -> NgramModel.Prediction {
        model.predict(normalized: normalizer.normalizedScalars(text))
    }

    @Test("it learns the training examples")
    func learnsTrainingExamples() {
        let correct = Fixtures.examples.filter { predict($0.text).category == $0.category }.count
        #expect(Double(correct) / Double(Fixtures.examples.count) >= 0.9)
    }

    @Test(
        "it generalises to unseen wording",
        arguments: [
            ("我们小区今天又停水了", Category.publicFacilities),
            ("老板欠了我两个月工资", .laborWages),
            ("我的电瓶车昨晚被偷了", .crimeReport),
            ("两辆车追尾了", .traffic),
        ])
    func generalises(text: String, category: Category) {
        #expect(predict(text).category == category)
    }

    @Test("probabilities cover every category and sum to one")
    func probabilities() {
        let prediction = predict("路灯坏了")
        #expect(Set(prediction.probabilities.keys) == Set(Category.allCases))
        #expect(abs(prediction.probabilities.values.reduce(0, +) - 1) < 1e-9)
        #expect(prediction.confidence == prediction.probabilities.values.max())
        #expect(prediction.probabilities[prediction.category] == prediction.confidence)
    }

    @Test("text with no known n-gram gives the prior, not a crash")
    func unknownText() {
        let prediction = predict("ｘｙｚ")
        #expect(prediction.confidence < 0.5)
        #expect(predict("").confidence < 0.5)
    }

    @Test("evidence names n-grams that favour the category, longest first")
    func evidence() {
        let contributions = model.evidence(normalized: normalizer.normalizedScalars("老板拖欠工资"), for: .laborWages)
        #expect(!contributions.isEmpty)
        #expect(contributions.allSatisfy { $0.weight > 0 })
        #expect(contributions.contains { $0.ngram.contains("工资") || $0.ngram.contains("拖欠") })
        #expect(model.evidence(normalized: normalizer.normalizedScalars("老板拖欠工资"), for: .laborWages, limit: 0).isEmpty)
    }

    @Test("JSON round trip keeps every prediction and the version")
    func jsonRoundTrip() throws {
        let data = try model.jsonData()
        let decoded = try NgramModel(jsonData: data)
        #expect(decoded.version == "fixture-1")
        #expect(decoded.configuration == model.configuration)
        for (text, _) in Fixtures.examples + [("完全没见过的话", .otherService)] {
            let before = predict(text)
            let after = decoded.predict(normalized: normalizer.normalizedScalars(text))
            #expect(before.category == after.category)
            #expect(abs(before.confidence - after.confidence) < 1e-9)
        }
        #expect(try decoded.jsonData() == data)
        let json = try #require(String(data: data, encoding: .utf8))
        #expect(json.contains("\"version\":\"fixture-1\""))
        #expect(json.contains("\"工资\""))
    }

    @Test("training is deterministic")
    func deterministic() throws {
        let again = NgramModel.train(
            Fixtures.examples, normalizer: normalizer,
            configuration: .init(minimumDocumentFrequency: 1), version: "fixture-1")
        #expect(try again.jsonData() == model.jsonData())
    }

    @Test("corrupt JSON is rejected")
    func corruptJSON() {
        #expect(throws: (any Error).self) { try NgramModel(jsonData: Data("{}".utf8)) }
        #expect(throws: (any Error).self) { try NgramModel(jsonData: Data("not json".utf8)) }
        let badRow = """
            {"version":"x","configuration":{"maximumNgramLength":2,"minimumDocumentFrequency":1,"inverseRegularization":10,
            "maximumIterations":10,"calibrationStride":0},"temperature":1,"categories":["FIRE","MEDICAL"],"quantum":0.001,
            "bias":[0,0],"features":{"火":[1000,5]}}
            """
        #expect(throws: (any Error).self) { try NgramModel(jsonData: Data(badRow.utf8)) }
    }

    @Test("an empty or one-category training set still predicts")
    func degenerateTraining() {
        let empty = NgramModel.train([], normalizer: normalizer, version: "empty")
        #expect(empty.categories == Category.allCases)
        #expect(abs(empty.predict(normalized: "着火".unicodeScalars.map { $0 }).confidence - 1.0 / 16) < 1e-9)
        let single = NgramModel.train([("着火了", .fire)], normalizer: normalizer, version: "one")
        #expect(single.predict(normalized: "着火".unicodeScalars.map { $0 }).category == .fire)
    }

    @Test("class balancing gives a rare category's records more weight; a model written before it decodes as unbalanced")
    func classBalancing() throws {
        // Twenty records of one category beside two of another, and a text with words of both.
        let examples: [(text: String, category: Category)] =
            (0..<20).map { ("小区路灯坏了第\($0)盏", Category.publicFacilities) } + [("老板拖欠工资", .laborWages), ("工资没发", .laborWages)]
        let text = normalizer.normalizedScalars("路灯 工资")
        let plain = NgramModel.train(examples, normalizer: normalizer, configuration: .init(calibrationStride: 0), version: "plain")
        let balanced = NgramModel.train(
            examples, normalizer: normalizer, configuration: .init(calibrationStride: 0, classBalanced: true), version: "balanced")
        let rare = { (model: NgramModel) in model.predict(normalized: text).probabilities[.laborWages] ?? 0 }
        #expect(rare(balanced) > rare(plain))

        var json = try #require(String(data: try plain.jsonData(), encoding: .utf8))
        #expect(json.contains("\"classBalanced\":false"))
        json = json.replacingOccurrences(of: ",\"classBalanced\":false", with: "").replacingOccurrences(of: "\"classBalanced\":false,", with: "")
        let old = try NgramModel(jsonData: Data(json.utf8))
        #expect(!old.configuration.classBalanced)
        #expect(old.predict(normalized: text).probabilities == plain.predict(normalized: text).probabilities)
    }

    @Test("n-gram keys pack and unpack exactly")
    func keys() throws {
        for text in ["火", "着火", "着火了", "a0", "𠀋字"] {
            let key = try #require(NgramKey.key(of: text))
            #expect(NgramKey.text(of: key) == text)
        }
        #expect(NgramKey.key(of: "四个字符") == nil)
        #expect(NgramKey.key(of: ",") == nil)
        #expect(NgramKey.key(of: "7") == NgramKey.key(of: "0"))
    }
}
