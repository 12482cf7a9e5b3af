import FenliuModel
import Testing

@testable import ClassificationService

/// A danger negated only from afar — a verb's negator with more than a few fillers between it and
/// the cue (工人没系好安全绳坠楼了: the 没 may deny the cause, not the fall) — counts as no danger,
/// but a call on 110, 119 or 120 holding one stays on its line instead of being diverted. Stop 31's
/// reviews found such calls sent to 12345 alone, and as many harmless ones of the same shape, which
/// is why the rule does not count them as dangers.
@Suite("Dangers negated from afar")
struct HeldDangerTests {
    /// Diverts whatever the model's confidence, so only the hold keeps a call on its line.
    let classifier = Classifier(
        model: Fixtures.model, normalizer: Fixtures.normalizer,
        configuration: Classifier.Configuration(divertThreshold: 0, clarifiedDivertThreshold: 0))

    private func held(_ text: String) -> [String] {
        SafetyRules().assess(normalized: Fixtures.normalizer.normalizedScalars(text)).held.map(\.phrase)
    }

    @Test(
        "the reviews' dangers that 12345 alone received stay on the emergency line they reached",
        arguments: [
            ("工地上有个工人没系好安全绳坠楼了，在郫都区犀浦。", Channel.police110),
            ("工人安全绳未固定牢坠楼了，在双流的工地。", .police110),
            ("外墙清洗的工人没系好安全绳坠楼了", .police110),
            ("我们小区井盖没盖牢婆婆掉下去了，快来人，在营门口路。", .police110),
            ("他不愿意分手掐脖子，我是她室友", .police110),
            ("吊装的时候钢筋没捆牢砸伤了两个工人，在新津的工地上。", .medical120),
            // A rescue setting with the same phrase (压在车底, 被埋) does not displace the held danger
            // cue (a review of stop 37's rescue flag).
            ("货车没刹住人压在车底了", .police110),
            ("工地没支护好工人被埋了", .police110),
        ])
    func keptOnItsLine(text: String, channel: Channel) throws {
        #expect(!held(text).isEmpty)
        let outcome = try classifier.classify(ClassificationInput(description: text, channel: channel))
        #expect(outcome.destinations.contains { $0.isEmergencyService }, "\(outcome.evidence)")
        if !outcome.category.isEmergencyService {
            #expect(outcome.needsReview)
            #expect(outcome.destinations == [Classifier.destination(of: channel)])
            #expect(outcome.evidence.contains { $0.kind == .channelDefault && held(text).contains($0.text) }, "\(outcome.evidence)")
        }
    }

    @Test(
        "on the 12345 line a held cue adds no emergency service, but the call waits for a person (the shipped classifier, sure of a 12345 matter)",
        arguments: [
            "工地上有个工人没系好安全绳坠楼了，在郫都区犀浦。", "楼上那个租客交不起房租想跳楼，窗子都打开了", "我在厂里干活没交押金不让我走，身份证也被扣了",
        ])
    func heldForReviewOn12345(text: String) throws {
        #expect(!held(text).isEmpty)
        let outcome = try Classifier.production().classify(ClassificationInput(description: text, channel: .hotline12345))
        #expect(outcome.safetyFlags.isEmpty)
        try #require(!outcome.category.isEmergencyService, "the model chose \(outcome.category): the hold is not what decides")
        #expect(outcome.destinations == [.hotline12345])
        #expect(outcome.needsReview)
        #expect(outcome.evidence.contains { $0.kind == .channelDefault && held(text).contains($0.text) }, "\(outcome.evidence)")
        #expect(!outcome.evidence.contains { $0.kind == .safetyRule })
        // Not routed to a department until the review is resolved.
        #expect(DecisionPolicy.plan(for: outcome) == DecisionPolicy.Plan(needsReview: true, routesNow: false, isUrgent: false))
    }

    @Test("a 12345 matter with nothing held is not sent to review by the hold")
    func nothingHeldNoReview() throws {
        let sure = Classifier(
            model: Fixtures.model, normalizer: Fixtures.normalizer,
            configuration: Classifier.Configuration(divertThreshold: 0, clarifiedDivertThreshold: 0, reviewThreshold: 0))
        for text in ["井盖没盖好，晚上看不见，担心有人掉下去", "工人没系好安全绳在外墙作业，太危险了，城管管不管"] {
            #expect(held(text).isEmpty)
            let outcome = try sure.classify(ClassificationInput(description: text, channel: .hotline12345))
            #expect(!outcome.needsReview, "\(text): \(outcome.evidence)")
        }
    }

    @Test(
        "a denial said outright is not held: fillers, a list, there-is-none, 不是",
        arguments: [
            "没人受伤", "经询问，未发现人员被困", "没看到有人打架", "我没跟他动手打人", "没造成人员伤亡", "他没被打",
            // The set's five harmless 110 calls held by the first version (two of them 无人员…).
            "没有车困在里面，就是排水泵坏了", "无人员被困或受伤，要求抢修", "没得哪个跟我动手，就是气人", "我不是报火警哈，是想举报他乱烧垃圾",
            // And the review's one.
            "来电人称未发生打架斗殴，系邻里因共用楼道堆放鞋柜问题发生争执",
            // 未有 is 没有 (stop 31's third review).
            "昨天车棚的电线短路了，未有住户受伤，现在车棚一直没人修",
        ])
    func outrightDenial(text: String) {
        #expect(held(text).isEmpty)
    }

    @Test(
        "a hazard, a fear, a near miss or the past is not held",
        arguments: [
            "脚手架上的工人没系好安全绳，容易坠楼", "没踩稳差点摔下来", "窗户没装护栏，担心孩子掉下去", "那个广告牌没焊牢随时会砸到人",
            // A review's: an injury long over, raised for compensation; an animal hurt.
            "上次干活没系安全带坠楼的那个工友，老板到现在一分钱没赔", "我家狗没拴好咬伤了邻居家的猫，邻居要我赔三千",
            "楼上花盆没放稳掉下去砸伤了我家的狗，他们不认",
            // Stop 31's third review, read at stop 33 for the 12345 line's hold.
            "施工方的脚手架没搭稳随时砸到人，就在学校旁边", "工地的临时电线没埋好早晚着火，晚上还有工人在板房里住",
            "3栋电梯门没关好夹伤人风险大，请维保单位尽快处理", "工人吊玻璃没吊牢好险砸中下面的人，这个工地连个警戒线都没拉",
        ])
    func notAnEvent(text: String) {
        #expect(held(text).isEmpty)
    }

    @Test(
        "held: 没有 before a verb, and words that only look like a hazard's, an animal or an answer (a code review's)",
        arguments: [
            ("他没有扶稳摔下来了", "摔下来"), ("工人不小心没系好安全绳坠楼了", "坠楼"), ("工人没系好安全绳坠楼了，现在还没出院", "坠楼"),
            ("工人没系好安全绳坠楼了，人没事吧", "坠楼"),
            // 早晚 and 随时 of times and offers (a review of stop 33's hazard words).
            ("早晚高峰的时候工人没系好安全绳坠楼了", "坠楼"), ("工人没系好安全绳坠楼了请随时联系我", "坠楼"),
        ])
    func heldDespiteLookAlikes(text: String, cue: String) {
        #expect(held(text) == [cue])
    }

    @Test("a held cue answered after it is not held: the operator's finding, a denial of its kind")
    func answered() throws {
        #expect(held("工人没系好安全绳坠楼了，经询问，无人受伤").isEmpty)
        #expect(held("工人没系好安全绳坠楼了，经询问，人都没事").isEmpty)
        // A review's: the person well again, in everyday words.
        #expect(held("隔壁装修没断电触电了一下，人没事，但是他们把我家电表也搞坏了").isEmpty)
        #expect(held("工友没戴口罩中毒住院了一个月，现在出院了厂里不给工资").isEmpty)
        #expect(held("工友没戴口罩中毒了，现在还在厂里躺着") == ["中毒"])
    }

    @Test("the shipped classifier sends each of the stop-31 reviews' seven such dangers to an emergency service, Traditional included")
    func shipped() throws {
        let classifier = try Classifier.production()
        for (text, channel) in [
            ("工地上有个工人没系好安全绳坠楼了，在郫都区犀浦。", Channel.police110), ("工人沒繫好安全帶墜樓了，在高新區的工地上。", .police110),
            ("工人安全绳未固定牢坠楼了，在双流的工地。", .police110), ("外墙清洗的工人没系好安全绳坠楼了", .police110),
            ("我们小区井盖没盖牢婆婆掉下去了，快来人，在营门口路。", .police110), ("他不愿意分手掐脖子，我是她室友", .police110),
            ("吊装的时候钢筋没捆牢砸伤了两个工人，在新津的工地上。", .medical120),
        ] {
            let outcome = try classifier.classify(ClassificationInput(description: text, channel: channel))
            #expect(outcome.destinations.contains { $0.isEmergencyService }, "\(text): \(outcome.evidence)")
        }
    }
}
