import Foundation
import ServiceSupport
import Synchronization
import Testing

@testable import IntakeService

@Suite("The repeat-call rule (no I/O)")
struct RepeatCallRuleTests {
    let rule = RepeatCallRule()
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    func call(
        _ id: String, minutes: Double, phone: String = "", district: String? = "510107", address: String = "",
        latitude: Double? = nil, longitude: Double? = nil, description: String, duplicateOf: String? = nil
    ) -> RepeatCallRule.CallFacts {
        RepeatCallRule.CallFacts(
            id: id, duplicateOf: duplicateOf, receivedAt: start.addingTimeInterval(minutes * 60), callerPhone: phone,
            districtCode: district, address: address, latitude: latitude, longitude: longitude, description: description
        )
    }

    @Test("bigram Jaccard: identical texts 1, unrelated 0, punctuation and spacing ignored")
    func similarity() {
        #expect(TextSimilarity.jaccard("路灯不亮", "路灯不亮") == 1)
        #expect(TextSimilarity.jaccard("路灯不亮", "拖欠工资") == 0)
        #expect(TextSimilarity.jaccard("路灯，不亮！", "路灯 不亮") == 1)
        #expect(TextSimilarity.jaccard("", "路灯") == 0)
    }

    @Test("the packed bigrams give the same similarity as sets of character pairs, on texts of every kind")
    func packedBigramsMatchTheDefinition() {
        // The definition, written the obvious way: Set<String> of adjacent letter/digit pairs.
        func reference(_ first: String, _ second: String) -> Double {
            func pairs(_ text: String) -> Set<String> {
                let kept = Array(text.lowercased().filter { $0.isLetter || $0.isNumber })
                guard kept.count > 1 else { return kept.isEmpty ? [] : [String(kept)] }
                return Set((0..<(kept.count - 1)).map { String([kept[$0], kept[$0 + 1]]) })
            }
            let a = pairs(first)
            let b = pairs(second)
            guard !a.isEmpty, !b.isEmpty else { return 0 }
            let shared = a.intersection(b).count
            return Double(shared) / Double(a.count + b.count - shared)
        }
        let pieces = ["路灯", "不亮", "人民南路4段", "ABC", "abc", "１２３", "，", "。", " ", "!", "噪音", "Ｗi-Fi", "路", "燈壞了", "2026年", "é", "ß", "🚒"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let first = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let second = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(abs(TextSimilarity.jaccard(first, second) - reference(first, second)) < 1e-12, "\(first) / \(second)")
        }
    }

    @Test("must link: the same caller rings again within the hour")
    func sameCaller() {
        let first = call("a", minutes: 0, phone: "13800138000", description: "邻居家装修噪音很大")
        let again = call("b", minutes: 40, phone: "13800138000", description: "再次来电催促，还是没人来")
        #expect(rule.link(again, candidates: [first])?.firstCallID == "a")
    }

    @Test("must link: another caller about the same place and matter within two hours")
    func samePlace() {
        let first = call("a", minutes: 0, address: "武侯区人民南路四段12号", description: "人民南路四段12号门口井盖丢失，很危险")
        let second = call("b", minutes: 90, phone: "13900139000", address: "人民南路四段12号门口", description: "门口井盖丢失，很危险，有人差点掉下去")
        let link = rule.link(second, candidates: [first])
        #expect(link?.firstCallID == "a")
        #expect(link?.reason.contains("same place") == true)
    }

    @Test("must link: coordinates within 200 m and a similar description")
    func nearby() {
        let first = call("a", minutes: 0, latitude: 30.6400, longitude: 104.0600, description: "路边大树倒了挡住道路")
        let second = call("b", minutes: 30, latitude: 30.6410, longitude: 104.0605, description: "大树倒了挡住道路，车过不去")
        #expect(rule.link(second, candidates: [first])?.firstCallID == "a")
    }

    @Test("must link to the first call of a chain, not to the repeat in between")
    func chain() {
        let first = call("a", minutes: 0, phone: "13800138000", description: "噪音扰民")
        let second = call("b", minutes: 20, phone: "13800138000", description: "噪音扰民", duplicateOf: "a")
        let third = call("c", minutes: 70, phone: "13800138000", description: "噪音扰民")
        #expect(rule.link(third, candidates: [first, second])?.firstCallID == "a")
    }

    @Test("must not link: the same caller after the hour about something else")
    func sameCallerTooLate() {
        let first = call("a", minutes: 0, phone: "13800138000", description: "邻居家装修噪音很大")
        let later = call("b", minutes: 180, phone: "13800138000", description: "公司拖欠三个月工资")
        #expect(rule.link(later, candidates: [first]) == nil)
    }

    @Test("must not link: the same matter at another address (two streetlights out)")
    func otherAddress() {
        let first = call("a", minutes: 0, address: "武侯区人民南路四段12号", description: "路灯不亮，晚上很黑")
        let second = call("b", minutes: 10, district: "510104", address: "锦江区春熙路88号", description: "路灯不亮，晚上很黑")
        #expect(rule.link(second, candidates: [first]) == nil)
        let sameDistrictOtherStreet = call("c", minutes: 10, address: "武侯区科华北路65号", description: "路灯不亮，晚上很黑")
        #expect(rule.link(sameDistrictOtherStreet, candidates: [first]) == nil)
    }

    @Test("must not link: the same address about an unrelated matter")
    func otherMatter() {
        let first = call("a", minutes: 0, address: "武侯区人民南路四段12号", description: "路灯不亮，晚上很黑")
        let second = call("b", minutes: 10, address: "武侯区人民南路四段12号", description: "餐馆卖过期食品，吃了拉肚子")
        #expect(rule.link(second, candidates: [first]) == nil)
    }

    @Test("must not link: the same place after the two-hour window, or a call received earlier")
    func outsideWindow() {
        let first = call("a", minutes: 0, address: "武侯区人民南路四段12号", description: "井盖丢失很危险")
        #expect(rule.link(call("b", minutes: 150, address: "武侯区人民南路四段12号", description: "井盖丢失很危险"), candidates: [first]) == nil)
        #expect(rule.link(call("c", minutes: -5, address: "武侯区人民南路四段12号", description: "井盖丢失很危险"), candidates: [first]) == nil)
    }

    @Test("without addresses, only a near-identical description in the same district links")
    func descriptionOnly() {
        let first = call("a", minutes: 0, description: "某某小区业主与物业因停车费发生纠纷")
        #expect(rule.link(call("b", minutes: 20, description: "某某小区业主与物业因停车费发生纠纷"), candidates: [first])?.firstCallID == "a")
        #expect(rule.link(call("c", minutes: 20, description: "某某小区停车"), candidates: [first]) == nil)
        #expect(rule.link(call("d", minutes: 20, district: "510104", description: "某某小区业主与物业因停车费发生纠纷"), candidates: [first]) == nil)
    }
}
