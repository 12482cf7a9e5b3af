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

    @Test(
        "a transcript's pauses inside words do not hide a cue, and a negator does not reach across a pause",
        arguments: [
            ("工地 有个 工人 从 脚手架 上面 掉下来 了 躺在 地上 不动", SafetyFlag.injury),
            ("一个 老年人 倒在 公交站 旁边 身上 好冷 叫 不 应", SafetyFlag.injury),
            // 未 is about eating, not about the confusion after the pause.
            ("家中卧床老人已两天未进食进水 神志不清", SafetyFlag.injury),
        ])
    func transcriptPauses(text: String, flag: SafetyFlag) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.contains(flag), "\(outcome.evidence)")
    }

    @Test(
        "a danger inside a wage, paperwork or spraying complaint reaches the emergency services",
        arguments: [
            ("我要反映单位不交社保，厂里保安把我们五个人关在仓库里面不让出来，说不签协议就不放人", SafetyFlag.trapped),
            ("想问身份证怎么补办，他们把我身份证和手机收了，不准出厂门，我是偷偷借的电话", SafetyFlag.trapped),
            ("物业在绿化带打药不通知，打完药后我家孩子在草坪上玩过，现在呕吐、流口水", SafetyFlag.poisoning),
            ("孕妇38周，破水了，宫缩频繁，家里没车", SafetyFlag.medicalEmergency),
            ("去工地理论，被保安用电棍击打，手臂有伤", SafetyFlag.violence),
        ])
    func hiddenDanger(text: String, flag: SafetyFlag) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.contains(flag), "\(outcome.evidence)")
        #expect(outcome.destinations.contains { $0.isEmergencyService })
    }

    @Test(
        "look-alikes of those dangers are not danger",
        arguments: [
            "小区封控了不让出去买菜，物资什么时候送",
            "钥匙锁在家里了，开锁公司电话多少",
            "行道树一根枝子断了挂在树上，怕掉下来",
            "救命，天然气停了三天了，全部没得气，饭都煮不熟",
            "有人往河里投毒，死了一大片鱼，是上游厂里的管子在排黄水",
            "我们小区去年打药以后好多人呕吐过，今年想问还打不打",
        ])
    func lookAlikes(text: String) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.isEmpty, "\(outcome.evidence)")
    }

    @Test(
        "a misperception supersedes only with a denial after it; smoke from burning straw with no fire asserted is none",
        arguments: [
            ("着火了着火了——哦不是，我看错了，是河边烧烤摊的烟子", [SafetyFlag.fire]),
            ("着火了着火了——哦不是，我看错了，没有着火，是烧烤摊的烟子", []),
            ("那边冒好大的烟 我还以为着火了 跑过去一看是有人在田头烧谷草 人就守在旁边的", []),
        ])
    func misperceptionNeedsDenial(text: String, flags: [SafetyFlag]) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags == flags, "\(outcome.evidence)")
    }

    @Test(
        "danger named after a misperception still counts, and a smell of burning plastic behind a door is a fire",
        arguments: [
            ("有人打架，哦不是，我看错了，是有人拿刀在砍人", SafetyFlag.weapon),
            ("楼上敲门没人开，门缝里在冒黑烟，一股塑料烧焦的味道", SafetyFlag.fire),
        ])
    func dangerAfterMisperception(text: String, flag: SafetyFlag) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.contains(flag), "\(outcome.evidence)")
    }

    @Test(
        "a review's cases: corrections of detail, someone else's claim, watched people, pauses and one group's vetoes lose no danger",
        arguments: [
            // A misperception marker that is not the caller's own, is denied, or tells a cause.
            ("三楼着火了，哦不是三楼，是四楼", SafetyFlag.fire),
            ("有人拿刀砍人，我没看花眼，快来", SafetyFlag.weapon),
            ("楼下有个男的拿刀追着人砍，不是我看错了，你们快来", SafetyFlag.weapon),
            ("我爷爷喝了农药，他眼睛不好看错了瓶子，以为是饮料", SafetyFlag.poisoning),
            ("邻居家天天家暴，刚才又听到女的喊救命，男的开门说我听错了，不让我管", SafetyFlag.violence),
            ("我爸抽搐昏迷了，叫不醒，护工把药搞错了，给他吃了别人的降压药", SafetyFlag.injury),
            // Keeping watch is no control over a fire that nobody lit on purpose.
            ("隔壁仓库着火了，我们守在旁边不敢进去", SafetyFlag.fire),
            ("家里全是烟，我守着孩子在阳台上", SafetyFlag.fire),
            ("仓库冒黑烟，看守仓库的老人还在里面", SafetyFlag.fire),
            // A transcript's pauses joined: vetoes and exclusions still stay within their pause.
            ("我 爸 之前 摔过 一次 刚才 又 从 楼梯 上 摔下来 了 流了 好多 血 昏迷 了", SafetyFlag.injury),
            ("我 老公 简直 疯了 一直 打我", SafetyFlag.violence),
            ("电梯 里 被困 了 一个 老人 门 打不开 物业 也 进不去", SafetyFlag.trapped),
            ("老板 带 人 打人 工友 头 都 破 了", SafetyFlag.violence),
            ("仓库 着火 了 火 还 没有 扑灭", SafetyFlag.fire),
            // A look-alike's veto belongs to its own words only.
            ("一家四口吃了河里捞的死鱼，全部中毒了，上吐下泻", SafetyFlag.poisoning),
            ("热水器的管子脱落了，一家三口一氧化碳中毒，头晕站不起来", SafetyFlag.poisoning),
            ("浴室燃气热水器开着，我老婆倒在里面叫不醒了", SafetyFlag.injury),
            ("我家孩子爬树掉下来，衣服被树枝勾住挂在树上了", SafetyFlag.trapped),
            ("小区刚喷了杀虫药，孩子现在在吐还流口水，怕是中了药", SafetyFlag.poisoning),
            // A denial clears only its own family: unconscious with no bleeding is unconscious.
            ("我爸在家里昏迷了，叫不醒，没有外伤，也没有流血", SafetyFlag.injury),
            // The second review: a narrow denial denies only itself; a misperception corrects detail.
            ("孩子触电了，没有流血", SafetyFlag.injury),
            ("老人坠楼了，没有流血", SafetyFlag.injury),
            ("我爸从梯子上摔下来了，头破血流，没有骨折", SafetyFlag.injury),
            ("楼下电动车起火了，还好没有爆炸", SafetyFlag.fire),
            ("有人掉进河里了，没有溺水", SafetyFlag.personAtRisk),
            ("我爸晕倒了叫不醒，刚才说在三楼，我搞错了，是四楼", SafetyFlag.injury),
            ("楼下着火了，好大的烟，刚才说是二单元，我搞错了，是三单元", SafetyFlag.fire),
            ("有人拿刀砍人，不可能是我看错了，你们快来", SafetyFlag.weapon),
            ("有个孩子掉进河里了，希望是我看错了", SafetyFlag.personAtRisk),
            ("一名男子爬树挂在树上下不来了", SafetyFlag.trapped),
            // A fire not over: not yet, asked for, or beyond the caller.
            ("仓库着火了，火还没有完全扑灭", SafetyFlag.fire),
            ("厨房着火了，快来帮忙扑灭", SafetyFlag.fire),
            ("着火了，我们自己扑灭不了", SafetyFlag.fire),
            ("房子着火了，火太大了无法扑灭", SafetyFlag.fire),
            ("楼道里垃圾着火了，烧到门了，我们守在旁边不敢上去", SafetyFlag.fire),
            ("小区刚喷了杀虫药，孩子现在在吐还流口水，我好害怕", SafetyFlag.poisoning),
            ("我爸之前中过风，刚才又晕倒了", SafetyFlag.injury),
            ("我老公简直疯了一直打我", SafetyFlag.violence),
            // An all-clear speaks of people; the fire is still there.
            ("家里着火了，经询问，人都没事", SafetyFlag.fire),
        ])
    func reviewCases(text: String, flag: SafetyFlag) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.contains(flag), "\(outcome.evidence)")
    }

    @Test("keeping a secret about a price is no fraud in progress; being told to send money at once is")
    func secretIsNoFraud() {
        let rules = SafetyRules()
        #expect(rules.assess(normalized: Fixtures.normalizer.normalizedScalars("装修师傅说这个价格不要告诉别人，现在不给开发票")).leanings.isEmpty)
        let told = rules.assess(normalized: Fixtures.normalizer.normalizedScalars("有人说我儿子出事了，让我马上汇款，不让我告诉家人"))
        #expect(told.leanings.contains { $0.category == .crimeReport })
    }

    @Test("a fraud with the money about to move is a crime report, whatever the call asks about")
    func fraudInProgress() throws {
        let outcome = try classify("想问养老保险认证，有人说是社保局的，要我把存折里的钱转到安全账户，还让我不要告诉别人")
        #expect(outcome.category == .crimeReport, "\(outcome.evidence)")
        #expect(outcome.destinations.first == .police110)
    }
}
