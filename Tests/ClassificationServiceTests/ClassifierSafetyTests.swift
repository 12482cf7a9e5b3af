import FenliuModel
import Testing

@testable import ClassificationService

/// The safety rule (守牢110生命线) through the whole classifier, both ways: danger must reach the
/// emergency services whatever the model says, and denied or resolved danger must not.
@Suite("Classifier safety rule")
struct ClassifierSafetyTests {
    let classifier = Fixtures.classifier

    private func classify(_ text: String, channel: Channel? = nil) throws -> ClassificationOutcome {
        try classifier.classify(ClassificationInput(description: text, channel: channel))
    }

    @Test(
        "a wage claim with a threat to jump is EMERGENCY_HELP for 110",
        arguments: [
            "工人讨薪，老板拖欠工资三个月，扬言要跳楼",
            "工人討薪，老板拖欠工资三个月，揚言要跳樓",
            "包工头不给钱，他说今天不给钱就跳下去",
        ])
    func wageClaimWithJumpThreat(text: String) throws {
        let outcome = try classify(text)
        #expect(outcome.category == .emergencyHelp)
        #expect(outcome.destinations.first == .police110)
        #expect(outcome.safetyFlags.contains(.threatToLife))
        #expect(outcome.confidence >= 0.9)
        #expect(outcome.evidence.first?.kind == .safetyRule)
    }

    @Test(
        "a neighbour dispute with a kitchen knife is CRIME_REPORT",
        arguments: [
            "邻居纠纷，对方拿着菜刀站在门口骂",
            "鄰居糾紛，對方拿着菜刀站在门口骂",
            "邻居吵架，一方手持菜刀",
        ])
    func neighbourDisputeWithKnife(text: String) throws {
        let outcome = try classify(text)
        #expect(outcome.category == .crimeReport)
        #expect(outcome.destinations == [.police110])
        #expect(outcome.safetyFlags.contains(.weapon))
    }

    @Test(
        "a fire with injured people alerts fire, ambulance and police",
        arguments: [
            "厨房着火了，有人受伤",
            "廚房著火了，有人受傷",
        ])
    func fireWithInjured(text: String) throws {
        let outcome = try classify(text)
        #expect(outcome.category == .fire)
        #expect(outcome.destinations == [.fire119, .medical120, .police110])
        #expect(outcome.safetyFlags == [.fire, .injury])
    }

    @Test("a gas smell indoors goes to 119")
    func gasSmell() throws {
        let outcome = try classify("屋头一股煤气味，好浓，不敢开灯")
        #expect(outcome.category == .fire)
        #expect(outcome.destinations.first == .fire119)
        #expect(outcome.safetyFlags == [.gasLeak])
    }

    @Test("a fallen tree with nobody hurt is not an emergency", arguments: ["树倒了，经询问无人受伤", "樹倒了，經詢問無人受傷"])
    func fallenTreeNobodyHurt(text: String) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.isEmpty)
        #expect(!outcome.category.isEmergencyService)
        #expect(outcome.destinations == [.hotline12345])
    }

    @Test("a quarrel where nobody came to blows is not a crime", arguments: ["邻居吵架，双方没有动手", "鄰居吵架，雙方沒有動手"])
    func quarrelWithoutBlows(text: String) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.isEmpty)
        #expect(outcome.category != .crimeReport)
    }

    @Test("no smell means no gas leak", arguments: ["燃气公司上门检查，未闻到异味", "燃气灶打不燃火，家中未闻到煤气味"])
    func noSmell(text: String) throws {
        #expect(try !classify(text).safetyFlags.contains(.gasLeak))
    }

    @Test(
        "a fire already out with nobody hurt is a matter, not a danger",
        arguments: ["火已经灭了，无人受伤", "厨房起火，火已经灭了，无人受伤"])
    func fireAlreadyOut(text: String) throws {
        #expect(try classify(text).safetyFlags.isEmpty)
    }

    @Test(
        "denials and resolutions written by the operator",
        arguments: [
            "未发生冲突", "双方情绪已稳定，无人员被困", "孩子走失了，已经找到了", "没有受伤", "担心引发火灾",
            "烧烤摊油烟大，不是着火", "网购的菜刀生锈了要退货", "有人在砍行道树",
        ])
    func denialsDoNotFire(text: String) {
        let assessment = SafetyRules().assess(normalized: Fixtures.normalizer.normalizedScalars(text))
        #expect(assessment.flags.isEmpty, "\(text) raised \(assessment.flags)")
    }

    @Test(
        "danger in the describer's own words still fires",
        arguments: [
            ("不小心摔倒受伤了", SafetyFlag.injury), ("无故被打", .violence), ("老人走失了，已找了二十分钟未找到", .missingPerson),
            ("家暴，我老公拿皮带抽我", .violence), ("有人倒在地上，没有呼吸", .injury), ("门从外面反锁了，我出不来", .trapped),
            ("厨房起火，火已扑灭，但卧室又冒烟了", .fire),
        ])
    func dangerFires(text: String, flag: SafetyFlag) {
        let assessment = SafetyRules().assess(normalized: Fixtures.normalizer.normalizedScalars(text))
        #expect(assessment.flags.contains(flag), "\(text) raised \(assessment.flags)")
    }

    @Test("an unsure call on an emergency line stays with that line")
    func emergencyLineKeepsUnsureCalls() throws {
        let outcome = try classify("那边有点问题", channel: .police110)
        #expect(outcome.destinations == [.police110])
        #expect(outcome.needsReview)
        #expect(outcome.evidence.contains { $0.kind == .channelDefault && $0.text == "CHANNEL_110" })
        let hotline = try classify("那边有点问题", channel: .hotline12345)
        #expect(hotline.destinations == [hotline.category.defaultDestination])
    }

    @Test("destinations are never empty and never repeat")
    func destinationsWellFormed() throws {
        for (text, _) in Fixtures.examples {
            let destinations = try classify(text).destinations
            #expect(!destinations.isEmpty)
            #expect(Set(destinations).count == destinations.count)
        }
    }

    @Test("bad input is rejected or flagged, never a crash")
    func badInput() throws {
        #expect(throws: DescriptionError.emptyDescription) { try classify("") }
        #expect(throws: DescriptionError.emptyDescription) { try classify(" \u{3000}\t\n\u{0007}\u{200B} ") }
        let limit = classifier.configuration.maximumDescriptionLength
        #expect(throws: DescriptionError.descriptionTooLong(limit: limit)) {
            try classify(String(repeating: "着火了", count: 35_000))
        }
        // Just under the limit and with no punctuation: every cue must not rescan the whole text.
        let hostile = try classify(String(repeating: "刀", count: limit - 1))
        #expect(hostile.safetyFlags.isEmpty)
        let digits = try classify("12345 !!! ???")
        #expect(digits.needsReview)
        let withControls = try classify("家里\u{0000}着火\u{0007}了")
        #expect(withControls.safetyFlags == [.fire])
    }

    @Test("every outcome names the model and keeps confidence in 0…1")
    func outcomeInvariants() throws {
        let outcome = try classify("小区停水了")
        #expect(outcome.modelVersion == "fixture-1")
        #expect((0...1).contains(outcome.confidence))
        #expect(outcome.evidence.contains { $0.kind == .ngram })
    }

    @Test("operator keywords raise their category and show as evidence")
    func operatorKeywords() throws {
        let plain = try classify("那个东西坏了")
        let boosted = Classifier(
            model: Fixtures.model, normalizer: Fixtures.normalizer,
            keywords: [.publicFacilities: ["东西坏了"]],
            configuration: .init(keywordBoost: 5))
        let outcome = try boosted.classify(ClassificationInput(description: "那个东西坏了"))
        #expect(outcome.category == .publicFacilities)
        #expect(outcome.evidence.contains { $0.kind == .keyword && $0.text == "东西坏了" })
        #expect(outcome.confidence >= (plain.category == .publicFacilities ? plain.confidence : 0))
    }

    @Test(
        "a cry for help heard, a person hanging or an old neighbour unseen for days reaches 110",
        arguments: [
            "我想反映一下我们小区路灯的事，刚才在黑的那段听到有人在喊救命",
            "河边有个人在水里呼救，看不清是男是女",
            "修树的师傅被吊在树上，安全绳缠住了",
            "对门一个人住的婆婆好几天没看到出门了，敲门没人答应",
        ])
    func distressReachesPolice(text: String) throws {
        let outcome = try classify(text)
        #expect(outcome.destinations.contains(.police110), "\(outcome.evidence)")
        #expect(!outcome.safetyFlags.isEmpty)
    }

    @Test(
        "exclamations, hyperbole and paperwork are not danger",
        arguments: [
            "救命哦，社保卡密码输错三次被锁了，明天要用",
            "这是我们的救命钱，老板拖了半年工资",
            "这个停车场简直是抢劫，停两个钟头收八十",
            "我娃儿的学籍不见了，转学过来系统查不到",
            "商场挂横幅跳楼价甩卖，先涨价再打折",
        ])
    func notDanger(text: String) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.isEmpty, "\(outcome.evidence)")
    }

    @Test(
        "in a speech transcript a cue finds its context across the pauses (a space for each)",
        arguments: [
            "喂 那个 我孙子 刚才 把 一颗 磁铁 吞 吞下去了 三岁 现在 在哭",
            "嗯 就是 我女儿 她 把 爷爷的 药片 吞下去了 好多颗",
        ])
    func spokenContext(text: String) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.contains(.medicalEmergency), "\(outcome.evidence)")
        #expect(outcome.destinations.contains(.medical120))
    }
}
