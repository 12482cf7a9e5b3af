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

    @Test(
        "the third round: dangers told in passing inside another matter reach the services they need",
        arguments: [
            ("我在厨房炒菜油锅起火了，已经用锅盖盖熄了，但是手遭烫起好大的泡", SafetyFlag.injury),
            ("先称咨询办理居住证，经询问被骗到这里，手机身份证被收走，不让外出，现趁人不注意借他人手机求助", SafetyFlag.trapped),
            ("反映井盖缺失问题，井盖丢了很久没人管，刚才一个小孩掉进去了，能听到他在下面哭", SafetyFlag.personAtRisk),
            ("我想问养老保险断缴了还能不能补……算了也不重要了，药我已经准备好了，今晚过后就不麻烦任何人了", SafetyFlag.threatToLife),
            ("想投诉小区泳池没有救生员，刚才一个小孩溺水了，捞起来现在不会哭了", SafetyFlag.medicalEmergency),
            ("我想问一下有没有心理医生……我同事刚刚喝了半瓶敌敌畏，说不想活了", SafetyFlag.poisoning),
            // Burning on purpose is a fire again when it is out of hand, where any fire is dangerous,
            // or not watched; a person's danger beside it is never cleared.
            ("村民在田里焚烧秸秆，火不大，但是风一吹越烧越大", SafetyFlag.fire),
            ("有人在楼道里烧垃圾，火不大，浓烟很大", SafetyFlag.fire),
            ("有人在烧垃圾，有人看守，火已经烧到旁边的房子了", SafetyFlag.fire),
            ("田里着火了，有人在烧秸秆，没有人看守", SafetyFlag.fire),
            ("有人在山上烧荒，有人看守，结果引燃了山火", SafetyFlag.fire),
            ("邻居在院子里烧树叶，火不大，他家老人被困在屋里出不来", SafetyFlag.trapped),
            // A figure of speech counts only as the speaker's own, never negated, and with a denial after.
            ("他说要杀了我，我不是开玩笑的哈，大家都好好的但是很怕", SafetyFlag.violence),
            ("他拿刀威胁我，他说是开玩笑，我在家好好的", SafetyFlag.weapon),
            ("他一直打我，我是说真的，我现在好好的但是他还在门外", SafetyFlag.violence),
            ("不给钱我就要跳楼", SafetyFlag.threatToLife),
            ("孩子掉进去了，手机也掉进去了", SafetyFlag.personAtRisk),
            ("想问一下辞职要提前多久说。老板说我要走就要交五千块钱，不交不让走，身份证也被扣了，宿舍门晚上从外面锁上", SafetyFlag.trapped),
            ("投诉超市卖散装白酒无证。补充：老板昨天跟我吵完说你再举报我就去你家放火，他知道我住哪", SafetyFlag.threatToLife),
            ("一股很大的烟味，从工业园那边飘过来的，刚才听到嘭的一声，现在那个厂在冒黑烟", SafetyFlag.fire),
            ("绿道的垃圾桶满了没人收 对了河边有个小娃娃一个人在水边玩 好久了没看到大人 水挺急的", SafetyFlag.personAtRisk),
            ("我想问下身份证掉了怎么补办 算了反正以后也用不到了 药我都准备好了", SafetyFlag.threatToLife),
            // The operator's 转12345 denies no danger: the alarm before it stands.
            ("来电人称有人拿刀威胁他，经询问，系讨薪纠纷，转12345", SafetyFlag.weapon),
        ])
    func thirdRoundDanger(text: String, flag: SafetyFlag) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.contains(flag), "\(outcome.evidence)")
        #expect(outcome.destinations.contains { $0.isEmergencyService })
    }

    @Test(
        "the third round: burning in hand, a caller's own joke, nobody about to jump, an injury already in hospital are no danger",
        arguments: [
            "来电人称着火了，经询问：系村民在自家田里焚烧秸秆，有人看守，火势很小，周边无房屋",
            "报警人说闻到烟味以为着火了，走近看了，是环卫工人在空地上烧一堆树叶，人就在旁边看着，没有房子",
            "气得我想跳楼！——开玩笑的哈，没有危险。我就是要投诉那家健身房不退卡",
            "再不发工资就要出人命了！……没有没有，我就是说气话，没得哪个要跳，大家都好好的",
            "楼上天天半夜跺脚，吵得我心脏病都要犯了，想请人来调解",
            "昨天我妈在公交站中暑晕倒了，已经送医，公交站能不能加个棚子",
            "我孙子的入学名额不见了，户口迁过来不满一年不能读",
            "手机掉进下水道了，井盖缝太宽",
        ])
    func thirdRoundHarmless(text: String) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.isEmpty, "\(outcome.evidence)")
    }

    @Test(
        "the third round's review: burning named without a finding, an attacker's excuse, a farewell, nobody before 就, a doctor who could not help lose no danger",
        arguments: [
            ("邻居烧垃圾，有人看守，结果火烧到邻居家了", SafetyFlag.fire),
            ("村里有人焚烧秸秆，有人看守，火烧到树林里去了", SafetyFlag.fire),
            ("隔壁在烧秸秆，人在旁边看着的，但是风一吹把我家草垛也烧起来了", SafetyFlag.fire),
            ("村民焚燒秸稈，有人看守，火燒到我家房頂了，房頂著火了", SafetyFlag.fire),
            ("有人在河边焚烧塑料，污染严重，人在旁边守着，结果把旁边的厂房点燃了", SafetyFlag.fire),
            ("有人烧垃圾，火不大，但是垃圾里面有个液化气罐，刚才爆炸了", SafetyFlag.fire),
            ("有人在小区绿化带焚烧落叶，人在旁边，结果把停在旁边的汽车烧着了", SafetyFlag.fire),
            ("物业一直不给我们修水管，我吞了安眠药了，其实是想让他们重视，大家都好好的", SafetyFlag.poisoning),
            ("老板拖欠工资三个月了，我今天站在楼顶上要跳下去，一问才知道老板跑了，现在没事了，工资怎么办", SafetyFlag.threatToLife),
            ("老板拿刀威胁我们说要砍死我们，他说是气话，现在大家都好好的，我想问拖欠的工资怎么要", SafetyFlag.weapon),
            ("房东拿着棍子把我打了一顿，他说开个玩笑，我现在没事了，想投诉他押金不退", SafetyFlag.violence),
            ("物业保安把我按在地上打，物业经理说他不是那个意思，我现在没事了，要投诉物业", SafetyFlag.violence),
            ("报警人称讨薪时被包工头持刀威胁，接警员问现在没事了吗，报警人称没有，包工头还在工地", SafetyFlag.weapon),
            ("投诉城管，那个摊贩看见没人就拿刀砍人，城管也不管", SafetyFlag.weapon),
            ("我想投诉物业，隔壁屋里没人突然着火了，物业说不归他们管", SafetyFlag.fire),
            ("我妈趁家里没人就喝了农药，现在在吐", SafetyFlag.poisoning),
            ("工地晚上施工噪音扰民，我爸心脏病都要犯了，已经吃了速效救心丸还是不行", SafetyFlag.medicalEmergency),
            ("我妈心脏病都被吵犯了，现在在床上捂着胸口起不来", SafetyFlag.medicalEmergency),
            ("我要投诉镇卫生院，我爸喝了农药送过去，看了医生说处理不了", SafetyFlag.poisoning),
            ("投诉诊所乱收费，我老公被砸伤了头一直流血，看了医生收了八百块，血还是没止住", SafetyFlag.injury),
            ("厨房着火了，火没了但是到处是烟，婆婆还在里面没出来", SafetyFlag.trapped),
            ("厨房锅里着火了，我用锅盖盖熄了，但是油烟机里面还在烧", SafetyFlag.fire),
        ])
    func thirdRoundReview(text: String, flag: SafetyFlag) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.contains(flag), "\(outcome.evidence)")
    }

    @Test(
        "the third round's review: look-alikes of the new cues are no danger",
        arguments: [
            "我的材料都准备好了，不麻烦你们了，明天去办", "公司扣押身份证不还，我已经离职了，想投诉", "单元门晚上从外面锁住了，进不去",
            "封校期间不准外出，周末也不让出门，想问合不合理", "理发店给我烫起的头发全部烫焦了，要求退款", "学校组织防溺水安全教育，想问时间",
            "超市卖的青菜农药超标，我吃了拉肚子，已经好了", "医生开的安眠药吃了没效果，想换医生", "孩子的玩具掉进下水道了，井盖缝太宽",
            "井盖没了，我妈差点掉进去了，赶紧补一下", "小偷趁人不注意偷了手机，想问怎么调监控", "这个活动让你全家都满意，是商家的广告吗",
        ])
    func thirdRoundLookAlikes(text: String) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.isEmpty, "\(outcome.evidence)")
    }

    @Test(
        "the third round's second review: 好像着火了, a school's workers locked in, someone else well, an unknown, a retort, a fire beyond the burning, 趁没人 lose no danger",
        arguments: [
            ("我反映一下工资的问题，老板拖欠我们三个月工资不给，我们在工地上等他，现在工棚那边好像起火了", SafetyFlag.fire),
            ("楼上邻居装修噪音大，物业协调不了，现在他家好像着火了，楼道有烟味", SafetyFlag.fire),
            ("工资的事情，老板欠了我们半年，今天在厂里等他，厂里锅炉房那边好像是爆炸，好多工友在里面", SafetyFlag.fire),
            ("楼下放炮把我家窗帘点着了，还在烧，物业说他们不管", SafetyFlag.fire),
            ("我们在学校工地做活路，包工头把我们关在工棚里不准出去，工钱也不给", SafetyFlag.trapped),
            ("我老汉在小区里摔倒了，头在流血，原来是物业的井盖没盖好，我妈在家好好的", SafetyFlag.injury),
            ("有个工人从脚手架上摔下来了，躺在地上不动，一问原来是工地没有防护网，其他人好得很", SafetyFlag.injury),
            ("我妈喝了水就晕倒了，一问邻居，其他人没有人不舒服，我妈现在还躺起不动", SafetyFlag.injury),
            ("工地围墙倒了，好像有人被压在下面，经询问，下面有无人员情况报警人不清楚", SafetyFlag.trapped),
            ("楼上装修吵了一个月，他说要杀了我全家，我说气话说你来杀嘛，现在人没危险，他在楼道里骂", SafetyFlag.threatToLife),
            ("房东不退押金，他说要弄死我，我开玩笑的哈说你试下，现在没得危险，他喊了几个人在楼下等我", SafetyFlag.threatToLife),
            ("我真的不想活了，跟我老婆说，她当我开玩笑，说我在家好好的", SafetyFlag.threatToLife),
            ("着火了，原来是工地在焚烧垃圾，有人看守，但是他们也扑不熄", SafetyFlag.fire),
            ("河边着火了，了解到是有人在焚烧垃圾，火很小，但是里面有煤气罐", SafetyFlag.fire),
            ("外面着火了，一问是隔壁厂里在烧垃圾，人在旁边，已经燎到我们的围墙和电线了", SafetyFlag.fire),
            ("着火了，一看才晓得是邻居在烧垃圾，有个老人在旁边，遭烟子呛到起不来了", SafetyFlag.fire),
            ("包工头欠了我们半年工资不给，我工友趁工棚里没人要跳楼，被我们拉住了", SafetyFlag.threatToLife),
            ("工地夜间施工噪音太大，我爸心脏病都差点发了，现在坐在床边按着胸口说痛", SafetyFlag.medicalEmergency),
            ("小区路灯坏了，昨晚我妈在黑头摔伤了，看了医生，今天早上我妈起来就说头晕，话都说不清楚了", SafetyFlag.injury),
            ("电动车在屋头充电着火了，火没得了，现在电池包烫得很，一直在响", SafetyFlag.fire),
            ("隔壁屋头着火了，火没了，里面有个老人没看到出来", SafetyFlag.fire),
        ])
    func thirdRoundSecondReview(text: String, flag: SafetyFlag) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.contains(flag), "\(outcome.evidence)")
    }

    @Test(
        "the third round's second review: sleeping pills that do not work, chest pain for years, a cup's burn, overtime, a hospital's medicine, a drill are no danger",
        arguments: [
            "楼上太吵了，我吃了安眠药都睡不着", "菜市场卖的菜吃了有农药的味道，想投诉", "我最近老是胸口闷，想问下社区医院几点开门",
            "我老汉胸口疼了好几年了，想问下哪个医院看得好", "药店的速效救心丸涨价涨得太凶了", "杯子质量太差，烫起泡了都不赔",
            "楼顶的门被物业从外面锁上了，我们晒被子都上不去", "单位加班不准走，晚上十点了还不让下班", "医院开的药已经准备好了，想问一下医保怎么报销",
            "我们小区的河边，经常有娃娃没有大人看着在水边耍，太危险了", "下水道井盖没了，昨天有个老人掉进去了，赶紧来修一下",
            "学校组织防溺水教育，想问一下溺水急救培训报名",
        ])
    func thirdRoundSecondLookAlikes(text: String) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.isEmpty, "\(outcome.evidence)")
    }

    @Test("a road accident just now leans to TRAFFIC; a rider's own fall on a broken road does not")
    func accidentLeansToTraffic() {
        let rules = SafetyRules()
        let crash = rules.assess(normalized: Fixtures.normalizer.normalizedScalars("刚才路口两辆车相撞了，车都坏了"))
        #expect(crash.leanings.contains { $0.category == .traffic })
        let fall = rules.assess(normalized: Fixtures.normalizer.normalizedScalars("我骑电动车在那个路口摔了，路面坑坑洼洼的，想反映一下修路"))
        #expect(fall.leanings.isEmpty)
        let pothole = rules.assess(normalized: Fixtures.normalizer.normalizedScalars("路上有个大坑，好久了没人补，晚上看不见"))
        #expect(pothole.leanings.isEmpty)
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

    @Test(
        "drugs sold, told haltingly, are a crime report whatever the model reads; skating is not",
        arguments: [
            ("喂 我要报警 我们 这边 有人 在卖那个 卖 毒 不是 那个 就是 那个 粉 在 宾馆 三楼 好多人 进进出出", true),
            ("楼下出租屋天天有人来买东西，我听到他们说卖粉，门口还有针头", true),
            ("小区旁边的溜冰场收费太贵了，一小时八十", false),
        ])
    func drugTrade(text: String, isCrime: Bool) throws {
        let outcome = try classify(text)
        #expect((outcome.category == .crimeReport) == isCrime, "\(outcome.evidence)")
    }

    @Test(
        "a worker pinned under a machine and a farewell to one's family reach the emergency services",
        arguments: [
            ("施工噪音扰民，隔壁工地天天打桩。今天下午打桩机倒了，压住了一个工人，我听到好多人在喊", SafetyFlag.trapped),
            ("我老公在工地上班，工资拖了半年。他刚刚发消息说这辈子对不起你们娘俩，然后电话就打不通了", SafetyFlag.threatToLife),
        ])
    func pinnedAndFarewell(text: String, flag: SafetyFlag) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.contains(flag), "\(outcome.evidence)")
    }

    @Test(
        "the stop-20 review: dangers told inside work orders, insurance questions and transcripts reach the emergency services",
        arguments: [
            ("投诉装修噪音，楼上天天电钻，今天他们电焊把木板点着了，现在屋头在燃，工人跑了", SafetyFlag.fire),
            ("另外来电人称施工队把地下燃气管道挖破了，现在呲呲冒气，附近有很多商铺在做饭。诉求：要求规范施工。", .gasLeak),
            ("今天去敲门理论，对方装修工人出来把他爸推下楼梯，老人躺在楼梯上不动了。诉求：要求规范装修时间。", .violence),
            ("今天去敲门理论，对方装修工人出来把他爸推下楼梯，老人躺在楼梯上不动了。诉求：要求规范装修时间。", .injury),
            ("目前电梯又停在两层之间，里面困着一名老人和一个小孩。诉求：要求更换电梯。", .trapped),
            ("老板不给工人买社保，工伤也不赔。市民称刚刚车间机器把一个工友的手卷进去了，手指断了，血流不止", .injury),
            ("市民来电咨询：其父亲医保报销比例是多少，慢性病门诊如何申请。市民称父亲现在在家中突发脑梗，半边身体不能动。", .medicalEmergency),
            ("市民来电咨询生育保险报销流程和需要的材料，另外反映其妻子现在羊水破了，肚子疼得厉害，叫不到车。", .medicalEmergency),
            ("工地拖欠工资半年，老板不让工人离开，把工人关在工棚里，有人看守，工人已经被关了三天。", .trapped),
            ("来电人称刚才其邻居骑摩托车摔进沟里了，现在躺在沟里不动，叫不答应。诉求：要求安装路灯。", .injury),
            ("来电人称现在一群流浪狗把一个小孩围在角落里咬，小孩在哭喊。诉求：要求处理流浪狗。", .injury),
            ("来电人咨询：城乡居民养老保险每年交多少。来电人称其老伴现在突然说不出话，半边身子不能动，嘴巴歪了。", .medicalEmergency),
            ("喂 你好 我们 厂 里面 三个月 没 发 工资 了 嗯 然后 老板 现在 把 大门 锁 了 不 准 我们 走 已经 关 了 两天 了", .trapped),
            ("喂 你好 我 想 问 一下 那个 医保 的 事情 嗯 还有 就是 我 爸 现在 突然 倒 了 喊 不 醒 嗯 医保 卡 的 事情 咋个 办", .injury),
            ("今天孩子在学校被同学用刀捅伤了，学校不送医院。诉求：要求教育部门督促学校整改食堂问题。", .injury),
            ("来电人称刚才一名骑电动车的女子掉进去了，腿卡在里面，骨头好像断了，一直在喊痛。", .injury),
            ("来电人反映路灯不亮。市民另称该路段中间现在躺着一个人，一动不动，车辆从旁边绕过去。", .personAtRisk),
            ("工资没给还不准我们走，老板叫了人守在门口。", .trapped),
            ("有个老人躺在马路中间，车子都在绕，喊他也不答应", .personAtRisk),
            ("老板不发工资不许我们走，我们现在在厂里出不了门。", .trapped),
            ("市民来电咨询医保报销。另外父亲刚才突发脑溢血，救护车被车辆挡住进不来。", .medicalEmergency),
        ])
    func reviewTwentyDangers(text: String, flag: SafetyFlag) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.contains(flag), "\(outcome.evidence)")
        #expect(outcome.destinations.contains(flag.requiredDestination))
    }

    @Test(
        "…and their look-alikes stay harmless: a chair's leg, a lift that does not move, a cigarette lit, a gas company, paperwork about a past stroke",
        arguments: [
            "公交车站的座椅坏了好久了，一边腿断了，老年人都不敢坐",
            "电梯停在三楼不动了，物业说要等维修公司，要求尽快修好",
            "他在楼道里把烟点着了就开始抽，烟味飘到我家，要求物业管一下",
            "我在燃气公司交了费，燃气还是没开通，要求处理",
            "这套房子的不动产证一直办不下来，要求住建部门处理",
            "我爸去年脑梗，现在想申请慢性病门诊，需要什么材料",
            "箱子太重了我一个人搬不动，快递员也不帮忙送上楼，要投诉",
            "床上躺着一个人在睡觉，是我家亲戚，我是想问怎么办居住证",
        ])
    func reviewTwentyHarmless(text: String) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.isEmpty, "\(outcome.evidence)")
    }

    @Test(
        "the second stop-20 review: a lift that trapped people, a worker down a cesspit, a beating by a group or at home, a head struck, a swimmer going under",
        arguments: [
            ("物业水管坏了也不修，今天电梯又困了一个老人在里面，物业说要等维保公司", SafetyFlag.trapped),
            ("事件描述：现电梯停在8楼和9楼之间，里面困了两个人，物业维保人员尚未到场", .trapped),
            ("今天那个厂的一个工人掉到污水池里头了，还在里面扑腾，厂里的人说不关他们的事", .personAtRisk),
            ("今天有个掏粪的工人下到化粪池里头就莫上来了，喊他也莫得反应，另外一个人下去拉他也莫上来", .personAtRisk),
            ("今天有个掏粪的工人下到化粪池里头就莫上来了，喊他也莫得反应，另外一个人下去拉他也莫上来", .injury),
            ("来电人今天去中介门店协商，中介店长叫了几个人把来电人围起来打，来电人现在鼻子一直在出血", .violence),
            ("其租出去的房子里租客在屋里打老婆，打得很厉害，邻居听到女的在哭喊，来电人想咨询房屋出租手续", .violence),
            ("今天小区内一名老人突发脑溢血，救护车被停在消防通道上的车辆挡住进不来，老人现在还躺在楼下", .medicalEmergency),
            ("我妈的医保卡丢了要补办，她刚才突然说不出话，半边身子不能动，嘴巴也歪了，我就想问医保卡能不能代办", .medicalEmergency),
            ("工地上有个工人遭钢管砸了脑壳，现在坐在地上，满脸都是，说话都不清楚了", .injury),
            ("河边有个娃娃在游泳，抽筋了，沉下去又冒起来，沉下去又冒起来", .personAtRisk),
        ])
    func reviewTwentyOneDangers(text: String, flag: SafetyFlag) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.contains(flag), "\(outcome.evidence)")
        #expect(outcome.destinations.contains(flag.requiredDestination))
    }

    @Test(
        "…and their look-alikes stay harmless: a sleepy caller, a department that does not answer, a question about discipline, a stone that sank",
        arguments: [
            "我困了一个下午都没睡着，楼上装修太吵了，要求社区协调",
            "我给物业打了三次电话也没有反应，水管漏了一个星期，要求处理",
            "我想问一下父母打孩子算不算违法，我们学校老师说不应该打孩子",
            "我小时候我爸经常打孩子，现在我想咨询一下心理咨询去哪里",
            "河边的石头沉下去了，堤坝好像松了，要求水务局来看一下",
            "化粪池满了好久了，物管说要等业委会开会，要求处理",
            // A third review's look-alikes, each once a false alarm of these cues.
            "燃气灶打了好几次才点着了，是不是燃气压力不够，要求燃气公司来看",
            "寺庙香火一天到晚都在燃，烟子飘到我们小区，要求管一下",
            "娃娃刚困着就被楼下广场舞吵醒了，要求社区管一下音响",
            "二次供水池子里的水一直没上来，楼上停水一天了",
            "给物业打电话叫了好几次也没有反应，楼道灯坏了一个月",
            "河边步道地面沉下去了一块，晚上走路容易崴脚，要求修一下",
            "牙齿矫正做了以后嘴歪了，想投诉那家口腔诊所",
            "我家狗的腿断了，宠物医院乱收费，要求市场监管处理",
            "楼下一群人围着打麻将到半夜，吵得睡不着",
            "有人把建筑垃圾从楼上推下楼，砸坏了绿化带",
            "燃气公司施工把小区的路挖破了，一个月了还没恢复",
            "高空抛物差点砸到脑壳，好在没事，要求物业查一下是哪家",
            "我妈心脏病正在住院，想咨询一下医保报销比例",
            "我老汉儿突发脑梗，是前年的事，现在瘫在床上，想问长期护理保险咋个申请",
            "房东说不交清水电费不准我走，押金也不退，想找社区调解一下",
            "倒在绿化带里的那棵大树一个星期都不动，要求园林局清理",
            "马路中间躺着一只死狗，好臭，半天了都没人来清理",
            "我们小区门口路中间躺着一个井盖，不晓得哪个掀开的",
        ])
    func reviewTwentyOneHarmless(text: String) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.isEmpty, "\(outcome.evidence)")
    }

    @Test(
        "writers 16 and 17 on arrival: a pulse gone, a heart attack inside an insurance question, petrol promised, a passer-by crushed, a beaten woman gone silent, an old man not answering for days",
        arguments: [
            ("湖边有个跑步的突然倒了，摸不到脉搏，我在给他做CPR，哪里有AED", SafetyFlag.injury),
            ("小区门口一个大爷倒了，我们在做 cpr，快点来", .medicalEmergency),
            ("我想问下医保卡异地能不能刷，我现在胸口有点闷，左手发麻，出冷汗", .medicalEmergency),
            ("楼下那个人扬言今晚拿汽油来把你屋烧了，已经在楼道放了一桶", .threatToLife),
            ("工地的铁皮围挡被风吹倒了，压到一个过路的婆婆，我们抬不起来", .trapped),
            ("工地的铁皮围挡被风吹倒了，压到一个过路的婆婆，我们抬不起来", .injury),
            ("本来是反映楼上噪音，结果楼上一直有撞击声，女的哭喊别打了", .violence),
            ("楼上刚才还在吵，现在突然没有声音了，敲门也不应", .personAtRisk),
            ("隔离点隔壁房间那个大爷两天没拿门口的饭了，敲门也不应", .personAtRisk),
            // A review's variants of the same dangers, once missed by the first version.
            ("我想反映小区树木修剪的问题，刚才一棵树倒下来把一个老头压在底下了，喊不出来", .injury),
            ("反映个路灯的问题，路灯杆倒了，把一个骑车的娃娃压到起的，搬不动", .trapped),
            ("楼上那个女的一直在惨叫，喊莫打了莫打了，后来突然没声了", .violence),
            ("我想问下物业管不管，隔壁两口子在打，女的一直在求他，说我再也不敢了，然后扑通一声就没声音了", .violence),
            ("我想投诉一下物业，楼上那家的老人一个星期没出门了，屋里有臭味，物业不管", .personAtRisk),
            ("想咨询一下邻里纠纷怎么调解，隔壁男的说我再举报他就拿汽油来，把我屋点了", .threatToLife),
            ("我想咨询一下调解，楼下那个人提了一桶柴油上来，说要把我屋点了", .threatToLife),
            ("我想投诉物业，保安在给一个倒地的业主按压，物业连个AED都没有", .medicalEmergency),
            ("市民来电：来电人称其父在家中突发胸闷，左上肢麻木，大汗淋漓，咨询医保异地就医备案事宜", .medicalEmergency),
            ("我想问下物业费怎么交，另外我们对面楼现在烧到五楼了，物业电话打不通", .fire),
            // A stroke told in Sichuanese inside a housing question: the rule's, not only the model's
            // (retraining with another writer's batch lost it, and the gate refused that model).
            ("你好我想问下公租房申请要些啥子材料，还有就是，我屋头老人家刚刚突然倒了，嘴巴歪起的，一边手脚动不了", .medicalEmergency),
            ("我爸每天都要吃救心丸，刚刚胸口疼得厉害，脸色发白", .medicalEmergency),
        ])
    func writersSixteenSeventeenDangers(text: String, flag: SafetyFlag) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.contains(flag), "\(outcome.evidence)")
        #expect(outcome.destinations.contains(flag.requiredDestination))
    }

    @Test(
        "…and their look-alikes stay harmless: a first-aid course, a stiff neck, a leak nobody answers for, petrol for cleaning, a hole in the road",
        arguments: [
            "单位组织CPR培训，想问一下证书在哪里领",
            "我手臂麻了好几年了，颈椎不好，想问一下理疗能不能报销",
            "楼上漏水两天了，敲门也不应，物业也不管",
            "楼上装修好几天了，敲门也没人应，要求城管来看",
            "修车铺的人拿汽油来洗机器零件，味道好大，要求环保管一下",
            "车子压到一个坑，轮胎爆了，要求修路",
            "楼上电视开得好大声，天天半夜都是女的哭喊别打了的电视剧，吵得睡不着",
            // A review's look-alikes, each a false alarm of the first version of these cues.
            "我们社区卫生服务中心想组织居民学CPR，请问到哪里申请红十字会的老师",
            "你好 我想问一下 那个 cpr 证 过期了 要去哪里 换",
            "楼下邻居投诉我们家天天咚咚咚的，其实是我老婆在练胸外按压准备护士资格考",
            "我买的血压计老是显示没有脉搏，想退货商家不给退",
            "我的网络游戏角色没有脉搏了，客服说是bug，想投诉游戏公司",
            "打疫苗之后胸口有点闷，手臂也麻，接种点说正常反应，想问下疫苗不良反应怎么申报",
            "我在工地搬钢筋，胸口被压了一下，手臂发麻，老板不给算工伤，想问怎么申请劳动仲裁",
            "农村割草机要烧汽油，我提了汽油桶去加油站，人家不卖，说要备案，请问怎么备案",
            "投诉某加油站，我买了汽油说是92号，结果车烧机油了，怀疑油品有问题",
            "电瓶车放在屋头充电，物业说小心把你家烧了，我想问下小区什么时候装充电桩",
            "小区旁工地夜间打桩，撞击声巨大，我多次上门哀求施工方不要打了，要求停工",
            "我老公打呼噜震天响，我哭着求他别打了，想问下看打鼾挂什么科",
            "法院送达文书，被执行人几天没见，敲门无人应答，请问能不能公告送达",
            "我是燃气公司的安检员，这家人三天没在家，敲门没人开，安检做不了，想问下怎么上报",
            "单位把绩效工资压到个人头上，想问劳动局管不管",
            "我骑电瓶车压到一个老井盖，车胎破了，要求修一下井盖",
            "我娃儿牙齿矫正以后嘴巴歪起的，想投诉那家口腔诊所",
            "上班天天加班，胸口闷得很，想举报公司违法加班",
            "我有时候胸口闷，手臂也麻，想预约体检",
        ])
    func writersSixteenSeventeenHarmless(text: String) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.isEmpty, "\(outcome.evidence)")
    }

    @Test(
        "writer 18's dangers (stop 22): lips blue and no breath in Sichuanese, an old woman nobody has seen behind her door, a tilting crane over a playground, a ceiling giving way, a man lying still and not answering",
        arguments: [
            ("物业为了逼我们交物业费把我们这栋楼的电停了，我老头子在屋头吸氧的，制氧机一停他就不行了，现在嘴巴都是乌的，气都出不赢，你们管一下这个物业嘛！", SafetyFlag.medicalEmergency),
            ("想问下医保卡咋个激活，我妈刚刚突然气都出不赢了", .medicalEmergency),
            (
                "对门住了个独居的婆婆，八十几了，她门口订的报纸堆了一个星期了都没人拿，我敲门也没人应，喊她名字也不答应，物业说不好管",
                .personAtRisk
            ),
            ("我是想投诉那个工地噪音的，郫都区团结街道，天天吵，但是今天有个更吓人的，那个塔吊好像歪了，上头那根横杆一直在晃，下面就是小学的操场", .personAtRisk),
            ("楼上装修把承重墙砸了，现在我家客厅天花板上裂了一条好长的缝，比早上宽了，还在往下掉灰，老人在屋头下不了楼", .personAtRisk),
            ("物业不管，地下车库顶棚的裂缝越来越宽，还在往下掉渣，底下还有人在取车", .personAtRisk),
            ("【随手拍】问题类型：共享单车乱停放 描述：单车堆成一堆压在盲道上，拍照时发现车堆里躺着一个男的，脸上有血，叫他不应", .injury),
            // A review's variants, each missed by the first version of these cues.
            ("市民来电反映：工地围挡内塔吊出现明显倾斜，下方为小学放学通道，请求立即处置", .personAtRisk),
            ("市民来电反映某工地无施工资质，塔吊歪了，下面还有工人在作业，请求相关部门立即处置", .personAtRisk),
            ("市民来电反映XX工地夜间施工扰民，今晚风大，工地塔吊在晃，来电人称塔吊下面就是工人宿舍，有人在睡觉", .personAtRisk),
            ("塔吊歪了，下面有工人，塔吊公司的人说结构没问题不用管，我看着吓人", .personAtRisk),
            ("市民来电反映某小区5栋外墙裂缝较上午明显增宽，有墙皮脱落，楼内居民尚未撤离，请求相关部门紧急处置", .personAtRisk),
            // A second review's, missed by the second version.
            ("风太大了，塔吊晃得厉害，吊臂好像要断了，下面有人", .personAtRisk),
            ("工地上那个塔吊往一边偏，下面还有人在扎钢筋", .personAtRisk),
            ("隔壁老房子的墙在往外鼓，眼看要垮，下面是人行道", .personAtRisk),
            ("屋头娃娃吃果冻卡到了，嘴巴都乌了，气都出不赢", .medicalEmergency),
        ])
    func writerEighteenDangers(text: String, flag: SafetyFlag) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.contains(flag), "\(outcome.evidence)")
        #expect(outcome.destinations.contains(flag.requiredDestination))
    }

    @Test(
        "…and their look-alikes raise no flag: a busy worker, mulberries, the cold, a staircase, a developer's crack, a jumping neighbour, a crane's lights, a sulking son",
        arguments: [
            "最近单位天天加班，忙得气都出不赢，想问加班费怎么算",
            "吃了桑葚嘴巴都是乌的，想投诉水果摊卖染色桑葚",
            "暖气不热，娃娃冻得嘴巴都乌了，要求物业解决",
            "爬楼梯爬得气都出不赢，老小区能不能装电梯",
            "墙上的裂缝越来越大，开发商一直不来维修，要求住建部门处理",
            "楼上天天蹦迪，我家天花板都要塌了，要求处理噪音",
            "工地的塔吊晚上灯光太亮，要求关掉",
            "我想咨询一下塔吊司机证在哪里考",
            "楼要塌了！墙上裂了好长一道缝！……物业和住建的人已经来看过了，说是隔壁工地打桩震的，是外面抹灰层裂了，结构没问题",
            "我叫他不应，他戴着耳机打游戏，想问下网吧管不管未成年人",
            "快递员敲门没人应，订的外卖放门口了，投诉快递员",
            // A review's look-alikes, each flagged by the first version of these cues.
            "娃娃在幼儿园被老师骂了，回来哭得气都出不赢，想投诉这个老师",
            "市民來電反映：公交車上人太多，擠得氣都喘不贏，建議加密班次",
            "房贷压得我气都出不赢，想问下公积金能不能提前还",
            "娃娃喝了中药，嘴巴都是乌的，想问儿童医院中医科挂号",
            "包工头欠了我们三个月工资，打电话喊他不应，想申请劳动仲裁",
            "店员在柜台后面睡觉，叫她不应，服务态度太差",
            "我家订的报纸一个星期没送来，我去邮局投递站敲门也不开",
            "塔吊一直在晃，灯光照到我家，半夜施工吵得很",
            "网上传我们这边塔吊歪了，后来辟谣了，想问下工地到底安不安全",
            "我是塔吊司机，公司让我开塔吊有点歪的那台，一直没有安全检查，想举报公司",
            "小区门口那家水果店快垮了，我充的卡还有两百块，想问能不能退",
            "卫生间瓷砖缝越来越宽，开发商不管，想投诉",
            "单位要求每个人都参加打击非法集资知识网络答题，网站打不开，想反映一下",
            // A second review's, each flagged by the second version.
            "烧烤油烟呛得气都出不赢，要求环保部门管一下",
            "工地那个挖机师傅把土倒在路边，我喊他不应，想举报乱倒渣土",
            "邻居把电动车停在楼道里不动，叫他不应，存在消防隐患",
            "隔壁奶奶门口的报纸堆了一大堆，敲门也没人应，听说她去海南过冬了，想问报纸能不能停",
            "墙面的墙皮一块一块往下掉，快垮了，想问旧改什么时候排到我们",
            "我想问一下塔吊倾斜多少度算超标，归哪个部门监测",
            "学校又在乱集资，让家长每人交五百块修操场",
        ])
    func writerEighteenHarmless(text: String) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.isEmpty, "\(outcome.evidence)")
    }

    @Test(
        "writers 19 and 20's dangers (stop 23): an old man down an open manhole, workers buried in a pit, a threat to the caller's child, a stroke inside a health-code question, a worker struck by a power line, petrol poured over oneself at a wage protest, a diabetic going under in quarantine",
        arguments: [
            ("举报个井盖，金堂县赵镇十里大道这边有个井盖莫得了，好久了……哎呀刚刚有个老大爷掉下去了！我听到他在下头喊，喊得很小声，看不到人。", SafetyFlag.personAtRisk),
            ("【短信】举报隔壁违建 挖地下室挖了一个月了 都没人管 刚刚他们挖的那个坑垮了 两个工人埋在下头了 只露个脑壳 快点来人 彭州市致和街道", .trapped),
            ("跟楼下为停车位吵起来了，他往我脸上吐口水，还说“你等到，我明天找人来收拾你，晓得你娃儿在哪读书”。没动手。武侯区簇锦北路。", .threatToLife),
            ("喂 我问一下哈 我这个健康码咋个变黄了嘛 昨天才做了核酸的…哎你等一哈 我爸爸在厕所头倒起了 喊他不答应 嘴巴都歪起了 这咋个办嘛 我们在金牛区茶店子", .injury),
            ("我们是修树的 在修剪行道树 有个师傅遭高压线打了 从梯子上掉下来 现在不说话 一环路南一段", .injury),
            ("我们十几个人来公司讨工资，老板就是不出来见……我老乡拿了一桶汽油淋到自己身上了，手上拿着打火机，说不给钱就点，在金牛区一品天下。", .threatToLife),
            ("请问隔离点能不能自己带药进去？我爸有糖尿病，在隔离酒店，胰岛素昨天就用完了……他刚才打电话说话颠三倒四的，一身冷汗，手在抖，房间号是512，隔离点在双流。", .medicalEmergency),
            ("有人掉河里了……一看是个孩子，在水里扑腾", .personAtRisk),
            // A review's variants, each missed before.
            ("有个嬢嬢掉进坑里了，坑里有水，她爬不上来", .personAtRisk),
            ("小区门口的窨井盖没得了，有个保洁员掉下去了", .personAtRisk),
            ("挖机挖的沟垮了，把一个工人埋了半截", .trapped),
            ("土垮下来 有个 工人 埋 在 下头 了", .trapped),
            ("前夫发信息说我晓得你住哪个小区，今晚就来找你算账", .threatToLife),
            ("他讲：我叫兄弟伙来收拾你，你给我等到", .threatToLife),
            ("工人 被 电 打 了 倒 在 地上", .injury),
            ("有个 娃儿 掉 河 里 了", .personAtRisk),
            // A second review's, missed by the narrowed version.
            ("摸插座被电倒了，现在不动了", .injury),
            ("我儿子掉河里了", .personAtRisk),
            ("工地刚刚塌方，埋了两个工人", .trapped),
            ("他把汽油淋在身上，手里拿着打火机，说不给钱就点", .threatToLife),
            ("我爸嘴巴有点歪，说话也不清楚了", .medicalEmergency),
            ("我爸有糖尿病，胰岛素打多了，现在人迷迷糊糊的", .medicalEmergency),
            ("老板不给工资，还说找几个人来办你，现在人来了", .threatToLife),
        ])
    func writersNineteenTwentyDangers(text: String, flag: SafetyFlag) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.contains(flag), "\(outcome.evidence)")
        #expect(outcome.destinations.contains(flag.requiredDestination))
    }

    @Test(
        "…and their look-alikes raise no flag: a pipe or rubbish buried, a landlord who will not answer, an old stroke, a near miss with a live wire, static, insulin's price, petrol used to clean, things in the river, a cleaner tidying, a friend who knows the address",
        arguments: [
            "施工队把水管埋在下面，没填平，路面坑坑洼洼",
            "小区绿化带里有人把垃圾埋在底下，臭得很",
            "我喊他不答应，他就是不肯退押金，房东太过分了",
            "我爸中风后遗症，嘴巴都歪了好几年，想问残疾证怎么办",
            "差点遭电打，小区路灯电线漏在外面，快来修",
            "家里静电好大，被电到了好几次，想问加湿器哪里买",
            "糖尿病人胰岛素涨价了，医保能不能报销",
            "洗车店员工把汽油倒在自己身上擦油污，很危险，想举报这个店",
            "手机掉河里了，想问能不能捞",
            // A review's look-alikes, each flagged by the first version of these cues.
            "娃娃的书包掉河里，还好人没事，想问河边能不能装护栏",
            "我们楼下大爷的拐棍掉到下水道了，想问下谁能帮忙把下水道盖子打开捞一下",
            "小区门口那个窨井盖松了，维修师傅讲井盖已经掉进去了，麻烦派人来换个新的",
            "人行道上的消防栓埋在下面了，施工队填土把它盖住了",
            "家政公司的人说明天找人来收拾你屋头，结果一直没来，想投诉",
            "朋友说晓得你住哪，给你送点腊肉过来",
            "隔壁装修的师傅把水泥倒在公共过道地上，我喊他不答应，继续倒",
            "气得我嘴巴都歪了，物业费一年涨了三次",
            "我爸糖尿病好多年了，想问胰岛素能不能在社区医院开，他们说话颠三倒四",
            "饮水机外壳漏电，被电到了好几个同事，只是麻一下，想找厂家",
            "用酒精消毒的时候不小心泼到自己身上了，想问酒精能不能带上地铁",
            // A second review's, each flagged by the narrowed version.
            "我昨天修灯的时候遭电打了一下，想问物业管不管",
            "楼下大爷掉下去一只拖鞋，掉到一楼雨棚上了",
            "新闻说锦江有人掉河里，想问河边护栏归哪个管",
            "沙疗馆把人埋在里面，沙子不干净想投诉",
            "热水器打不燃火，冷水淋到自己身上感冒了",
            "财神爷塑像倒了，嘴巴都歪了，想问庙里归哪个管",
            "装修公司说明天找人来收拾你楼上那间杂物房，结果没来",
            "我儿子沉迷手机，喊他不答应，脸色蜡黄，想问社区有没有青少年心理辅导",
        ])
    func writersNineteenTwentyHarmless(text: String) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.isEmpty, "\(outcome.evidence)")
    }

    @Test(
        "writers 21 and 22's dangers (stop 24): pills bought and life not worth living inside a wage complaint, a newborn in the rubbish, charcoal lit in a sealed room, a rider knocked flying, a rider under a lorry, a drugged drink, a child gone with a stranger, a brawl, an emergency in English",
        arguments: [
            ("我想投诉外卖站点，押金工资七千多没给。安眠药已经买好了，今天晚上要是还没人管我就全吃了，反正活着也没意思。", SafetyFlag.threatToLife),
            ("反映一下小区垃圾好多天没清运……刚才我倒垃圾的时候听到垃圾堆里有婴儿在哭，扒开一看真的是个娃娃，脐带都还在", .personAtRisk),
            ("咨询一下社保断了可以补缴不……我把门窗都封了，炭已经点起了，就是想问问社保能不能留给我娃娃", .threatToLife),
            ("建议那个路口装红绿灯，刚才又撞了一个，一个骑电瓶车的大姐被撞飞了，躺在地上", .injury),
            ("投诉渣土车半夜开得飞快……一辆渣土车把一个骑三轮的撞了，三轮车压在车底下，人……人还在下面", .trapped),
            ("你们管不管卖假酒的？我刚看到有个男的往一个女生杯子里头放了啥子粉末，那个女生现在站都站不稳了，他在扶她往外走", .violence),
            ("警察叔叔，有个叔叔在学校门口给我们发糖，还说带我们去看小狗，我同学跟他走了", .missingPerson),
            ("楼下有人在打群架，好几十个人", .violence),
            ("Excuse me, my friend... 过敏, allergy, 花生, his face very big, cannot breathe good. We are in 玉林 小酒馆.", .medicalEmergency),
            // A belief never looked at again is the caller's fear; one looked at and confirmed counts.
            ("楼顶站了个人，我以为他要跳楼，赶紧打的电话", .threatToLife),
            ("我还以为是煤气漏了，下楼一看，真的是煤气管子断了，味道好大", .gasLeak),
            // A review's: a belief does not clear what was said before it, nor a hollow threat, nor hearsay.
            ("我前夫说要杀了我，我还以为他要杀我是气话，问了一下我朋友，她说是他今天在找我", .threatToLife),
            ("他们以为我不敢报警，扬言要弄死我", .threatToLife),
            ("我们楼下电表箱在发火，噼里啪啦的，物业不管", .fire),
            // A second review's: only a believed fire or gas leak is dropped, and only when what was seen
            // is another thing — not a person known, not the place, not the gas itself.
            ("我还以为他要跳楼，走近一看，是我们楼上的小伙子，腿已经翻过去了", .threatToLife),
            ("以为隔壁要爆炸了，看了一眼，是煤气罐在喷火", .fire),
            ("我以为哪家要着火了，过去看了一下，是对面的铺子，卷帘门里头红彤彤的", .fire),
            ("失火了，我下去看了一下，是有人在焚烧垃圾，人在旁边，那堆垃圾旁边就是个液化气瓶", .fire),
            ("隔壁出租屋冒烟了，里面的人一直在溜冰，现在敲门不开，烟都出来了", .fire),
            // A code review's: a belief kept never displaces a later fire, and an engine idiom denies none.
            ("以为是楼下要着火了，后来火已经灭了，现在三楼又着火了", .fire),
            ("车子冒烟起火了，司机下来了，现在打不着火", .fire),
        ])
    func writersTwentyOneTwentyTwoDangers(text: String, flag: SafetyFlag) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.contains(flag), "\(outcome.evidence)")
        #expect(outcome.destinations.contains(flag.requiredDestination))
    }

    @Test(
        "…and what looks like them is no danger: a fire or gas leak the caller believed and looked at again, adoption, a barbecue, an old accident, a near miss, a game, a grumble, pills bought for a father, foil heated by drug users (a police matter, not a fire), yoga, a vaccination, a football, a vet",
        arguments: [
            "嘭的一声好大，我还以为是哪里煤气爆炸了，跑过去一看是路边自来水管爆了，水冲起好几米高，人都没事",
            "家里有股味道，我还以为是煤气漏了，下楼一看是对面汽修厂在喷漆",
            "想问一下领养弃婴要什么手续",
            "周末在院子里点了炭烤肉，邻居说烟大",
            "去年被车撞飞了，想问下赔偿怎么算",
            "差点撞到人了，那个路口太黑了，想装个路灯",
            "玩王者荣耀天天打群架，想投诉游戏公司",
            "楼下跳广场舞的天天吵到晚上十点，活着也没意思了，管一下嘛",
            "我爸的安眠药已经买好了，药店说以后要凭证明才能买，想问下规定",
            "放学了我妹妹跟她爸爸走了，我想问下校车",
            "隔壁天天有人进进出出，闻到一股怪味，看到他们拿锡纸在烧东西，怀疑在吸毒。",
            "I do yoga breathing every morning in the park, the park is closed now, why",
            "有个新生儿疫苗接种，想问下在哪个门口排队",
            "我儿子踢足球把邻居玻璃撞飞了一块，要赔多少",
            "兽医给牛下了药，牛站都站不稳，想问下补贴政策",
            "we kill time at the mall, where is the bus to 春熙路",
        ])
    func writersTwentyOneTwentyTwoHarmless(text: String) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.isEmpty, "\(outcome.evidence)")
    }

    @Test(
        "stop 25's dangers: a farewell from a bridge, a threat to go down from a roof, pills hoarded, and the work-order register of the new training writers (掉入, 被泥土埋, 流血不止, 坠落, 说话不清楚, 出冷汗 通话中), smoke in a corridor, a weapon shown with a visit promised, wild mushrooms, people under what came down, a crane's arm broken, a knife in English",
        arguments: [
            ("想咨询离婚后孩子户口迁移的手续。……算了,也不重要了,我现在在东门大桥上,今晚过后这些都不用管了。", SafetyFlag.threatToLife),
            ("我讨了三年工资了，劳动仲裁也赢了，就是执行不到。我现在就在简阳市那栋烂尾楼的顶上，今天不给个说法我就下去。", .threatToLife),
            ("我想问一下低保的事……我今天把药都攒起来了，一大把，我活起也没得意思了。我就是想在走之前把这个事情问清楚，免得以后麻烦别人。", .threatToLife),
            ("来电人反映：新都区某在建项目深基坑内有积水，今日下午两名小孩翻越破损围挡进入工地玩耍，现一名小孩掉入积水坑中。诉求：请住建部门督促修复围挡。", .personAtRisk),
            ("来电人反映：成华区某工地基坑发生局部塌方，一名工人被泥土埋至胸部，工友正在徒手挖。", .trapped),
            ("来电人反映：其工友在双流区某工厂车间加班时手臂被机器绞伤，流血不止，厂里一直不签劳动合同也不买工伤保险。", .injury),
            ("来电人反映龙泉驿区某工地脚手架上一名工人坠落，现躺在地上不能动，工地负责人不让外人报警。", .injury),
            ("请问隔离期间可不可以出去看病 我老汉儿刚刚突然说话不清楚了 半边手动不得了 我们在封控区", .medicalEmergency),
            ("来电人询问低保申请条件，自述糖尿病，通话中言语逐渐含糊，称眼前发黑、手抖、出冷汗，独居于简阳市简城街道。", .medicalEmergency),
            ("隔离酒店投述：双流区XX酒店 房间里烟雾报警器一直响 走廊里有烟 门从外面封了打不开 我在房间里", .fire),
            ("来电人反映：其与前男友因分手后财产问题产生纠纷，对方近期多次发送其住址照片，今晚又发来刀具照片称今晚来找你。", .violence),
            ("来电人反映：其孩子今晚在锦江区某餐馆食用菌菇火锅后出现幻觉、呕吐，现已站不稳。", .poisoning),
            ("来电人反映：其与邻居因停车位问题长期不和，刚才对方开车故意撞向其车辆，随后下车持扳手追打其丈夫。", .weapon),
            ("地震了!哦不是,是楼塌了,隔壁那栋老房子垮了一半,下面压得有人,没看到流血", .trapped),
            ("塔吊的大臂断了掉下来，下面有工人", .trapped),
            ("a man with a knife is chasing people, 天府广场, please police", .weapon),
            // A speech repair takes back only what a denial after it answers in kind (a review's findings).
            ("着火了!我是说楼下那家,火都窜到我家窗子了,我跟老人都在屋头,没受伤", .fire),
            ("他拿刀要杀我!我是说真的,没开玩笑,他没喝酒", .weapon),
            // A code review's: a repair's denial must be general, plain and answer every kind; it never
            // reaches a cue that ignores negation, is no second look, and a condition's 不 negates no threat.
            ("我爸喝了农药！我是说他自己喝的，没人给他下药，他现在站不稳", .poisoning),
            ("我被打了！我是说刚才在楼下被两个小伙子踢了几脚，他们没有抢劫", .violence),
            ("他说要弄死我！我是说我前夫，他刚才打电话说的，还没动手", .threatToLife),
            ("楼下婆婆一个人住，敲门没人应，屋里有臭味！我是说一楼那个婆婆，没听到她呼救", .personAtRisk),
            ("我还以为是隔壁厨房煤气爆炸了，我是说，你们快来看一下", .fire),
            ("我现在就在烂尾楼的顶上，今天拿不到工资我就下去", .threatToLife),
            // …and the new vetoes must not reach the old cues.
            ("接线员，我老婆羊水破了，快派车", .medicalEmergency),
            ("我爸有糖尿病，社区医院胰岛素断货了，他现在一身冷汗", .medicalEmergency),
            ("井盖坏了好久，一直是安全隐患，刚刚有个小孩掉进下水道了", .personAtRisk),
            ("我儿子被狗咬了，血流不止", .injury),
        ])
    func stopTwentyFiveDangers(text: String, flag: SafetyFlag) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.contains(flag), "\(outcome.evidence)")
        #expect(outcome.destinations.contains(flag.requiredDestination))
    }

    @Test(
        "…and what looks like them is none: a blurted alarm taken back, a bridge's lamp or a roof garden with a last call or a deadline, a mother by the river to be looked after, a smoker's corridor, a boss gone with the wages, a job applicant's firm gone",
        arguments: [
            "杀人了啊!……我说的是我屋头那个儿媳妇,气得我要死,天天跟我吵,今天又吵了一架,现在各人回各人房间了,没动手。我想找社区的人来调解一下",
            "桥上的路灯坏了三天了,这是我打的最后一个电话,再不修我就投诉到市长信箱",
            "我们小区楼顶花园的灯坏了,今晚过后能不能修好,业主要在天台上办活动",
            "我在外地打工,我妈一个人住在河边那个老房子,麻烦社区帮我照顾好她,她腿脚不方便",
            "楼道里有烟味，天天有人在楼道里抽烟，物业也不管",
            "老板跑路了，欠了我们三个月工资，想问劳动仲裁怎么申请",
            "我投了简历的那家公司人去楼空了，面试都没人",
            "我妈把她自己银行卡里的两万块转走了，转给我弟弟买房，这个要交税吗",
            // A code review's: English vetoes are sought over the words around; a place alone is no farewell.
            "a film called the thief, where can I watch it",
            "someone keeps grabbing our garbage bins at night",
            "I bought a knife online, can I return the purchase?",
            "我在上班，我妈住在河边，麻烦帮我照顾好她",
            "我在楼上，你到了我就下去",
        ])
    func stopTwentyFiveHarmless(text: String) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.isEmpty, "\(outcome.evidence)")
        // No police leaning from the new words (the model alone may still lean: that is its own error).
        #expect(
            !outcome.evidence.contains { SafetyRules.absconded.contains($0.text) || SafetyRules.englishTheft.contains($0.text) || $0.text == "转走了" },
            "\(outcome.evidence)")
    }

    @Test(
        "stop 26's dangers: someone down just now who cannot get up, someone followed by a stranger and afraid, a bone through the skin — and an operator's aside or an all-clear that answers nothing: a question, a doubt, someone else's word, the danger still there",
        arguments: [
            ("想问下医保报销……我刚才在厕所滑倒了 爬不起来 家里就我一个人", SafetyFlag.injury),
            ("12345:想咨询医保，刚才在车库摔倒了，爬不起来，屋头就我一个人", .injury),
            ("我下晚班走在路上 有个男的一直跟着我 我好怕", .personAtRisk),
            ("我带着娃娃走在路上，有个男的一直跟着我，我好怕", .personAtRisk),
            ("有人打架！（询问）双方已分开，其中一人头部流血不止", .injury),
            ("三楼着火了！（询问）无人被困", .fire),
            ("有人跳楼！（询问）人还在楼顶边上坐着，人好好的", .threatToLife),
            // A code review's and a review's: the new all-clears and the asides must not clear these.
            ("有人要跳楼！（询问）隔得远，不知道是不是真人", .threatToLife),
            ("有人要跳楼！（核实）物业说无任何人身危险 人还在顶楼边上", .threatToLife),
            ("有人在江边要跳江！（询问）来电人说家属讲没有任何人身危险 人还站在江边", .threatToLife),
            ("前夫在门口砸门说要杀了我！经询问，人都没事，他现在还在门口蹲着", .threatToLife),
            ("我老公喝醉了拿刀要砍我！（询问）人都没事 我躲在厕所里 他在外面踢门", .weapon),
            ("小孩被锁在车里了！（询问）来电人说暂时没有危险，车窗开了个缝，太阳很大，车门还没弄开", .trapped),
            ("有个老人倒在路边一动不动！（询问）人没事吧？…叫了不答应", .injury),
            ("路灯坏了好久，有个人在下面摔倒了，头在流血（询问）有没有人受伤？来电人说没看清", .injury),
            ("搞跳楼大甩卖那家店的老板真的跳楼了", .threatToLife),
            ("我被反锁在屋头出不来了 这个门只能从外面打开", .trapped),
            ("一家人被困在屋顶上 上游的水都放出来了", .trapped),
            ("车撞了两个人 一个倒在地上不动 满头是血 另一个自己爬起来了", .injury),
            // A second code review's: a question after the aside is no all-clear, nor a correction of an
            // address, nor a party's word even with the caller's outcome after it.
            ("邻居家着火了（询问）有无危险，来电人说不知道，物业不管", .fire),
            ("厨房着火了（询问）没有危险了吗，物业不管", .fire),
            ("小区里有人拿刀砍人（询问）人都没事吧，物业不管", .weapon),
            ("厨房着火了，火很大，经询问，物业说没有危险，来电人称没人受伤", .fire),
            ("天然气泄漏了，经询问，没有危险，他现在还在屋头，来电人称没人受伤", .gasLeak),
            ("两个人在楼下打架（询问）没有动手吗？来电人说不清楚，物业也不管", .violence),
            ("厨房着火了，更正一下地址是春熙路100号三楼，没有危险，物业也不管", .fire),
            ("有人站在楼顶边上要跳楼（询问）物业那边说没有任何人身危险，人就在顶楼边上", .threatToLife),
            ("12345:我妈刚才摔倒之后就爬不起来了，屋头就她一个人", .injury),
            ("我女儿刚才打电话说有个陌生男的一直跟着她，她好怕", .personAtRisk),
            // A second review's: an all-clear is the caller's, the operator's or the police's word, about
            // everyone, meant, of people and not things, with no one still at the door.
            ("对门的男的把他老婆按在地上打（询问）他老公说没有人身危险，家庭纠纷，来电人要求社区调解", .violence),
            ("隔壁工地电焊把保温层点燃了，火好大（询问）包工头说没得危险，反映工地夜间施工", .fire),
            ("前夫在我家门口拿刀砍门（询问）来电人称估计人都没事，要求物业换锁", .weapon),
            ("有人在街上追着砍人（询问）人都没事嘛，来电人说看不清楚，反映路灯不亮", .violence),
            ("对门男的拿刀敲我门说要砍死我（询问）来电人说人都没事，他还蹲在门口，反映物业门禁", .threatToLife),
            ("楼上阳台掉了个花盆砸到一个路人，头上一直流血（询问）来电人说他们自己人都没事，反映高空抛物", .injury),
            ("工地塔吊倒了，下面有人被压住了（询问）吊的东西没有危险物品，来电人反映工地夜间施工扰民", .personAtRisk),
            ("老板把我们几个锁在厂里不准走（接线员解释）欠薪问题可以找劳动监察，来电人称人都没事，诉求：讨薪", .trapped),
        ])
    func stopTwentySixDangers(text: String, flag: SafetyFlag) throws {
        let outcome = try classify(text.hasPrefix("12345:") ? String(text.dropFirst(6)) : text, channel: text.hasPrefix("12345:") ? .hotline12345 : nil)
        #expect(outcome.safetyFlags.contains(flag), "\(outcome.evidence)")
        #expect(outcome.destinations.contains(flag.requiredDestination))
    }

    @Test(
        "…and what looks like them is none: the operator's question as an aside in brackets with its finding, an all-clear with a later, other matter, a lie-in, a sport, a fall years ago, a goose, a request tracked, a salesman or a grid worker at one's heels",
        arguments: [
            "有人要跳楼！（接警员询问）是商场外墙挂的人形模特，非真人，要求拆除广告",
            "我要报警 我被绑架了！（接线员询问）来电人解释是健身房私教合同绑了两年 退不了钱 无人身危险",
            "有人打架！（询问）是两口子在屋头吵嘴，没有动手，要求社区调解",
            "楼上说要跳楼，经询问，是两口子吵架说气话，人都没事，就是楼道灯还没修好",
            // …and a question's answer is read (经询问有没有着火，来电人说没有).
            "着火了，经询问有没有着火，来电人说没有，是烧烤的烟，反映油烟扰民",
            "有人打人，经询问有没有动手，来电人说没有，就是吵嘴，诉求：社区调解",
            "我早上起不来，闹钟响了都起不来，想问社区有没有老年食堂",
            "股票跌了爬不起来了，想问下社保断缴怎么补",
            "孩子学摔跤 教练练得他们站不起来了 想投诉培训机构乱收费",
            "我妈前年摔了一跤 之后就站不起来了 想申请居家养老服务补贴",
            "我们家狗一直跟着我 甩都甩不脱 想问哪里可以办狗证",
            "小区有只大白鹅一直跟着我 我好怕 想让物业管一下",
            "我一直跟踪我的诉求办理情况 现在都没有结果 想催办",
            "有个男的一直跟着我 是社区网格员 要我填人口普查表 想问是不是真的",
            "健身房销售一直跟着我 要我办卡 我在跑步机上 投诉",
        ])
    func stopTwentySixHarmless(text: String) throws {
        let outcome = try classify(text, channel: .hotline12345)
        #expect(outcome.safetyFlags.isEmpty, "\(outcome.evidence)")
    }

    @Test(
        "stop 27's dangers told in passing: a beating heard or suffered, a blow with a thing at hand, a push towards a window, a person in the water or on the rails, a bottle of pills, a pyramid ring's captive, a stranger following, a softened stroke, someone unresponsive, chest pain up a crane, the means prepared, affairs put in order, a child in a current, a live pole, a fall down the stairs",
        arguments: [
            // A stop-26 review's sixteen, each inside a 12345 matter, that reached no emergency service.
            ("12345:楼上两口子打得好凶，男的把女的往窗子外面推（询问）有没得危险？来电人说没有打伤，反映楼上噪音", SafetyFlag.threatToLife),
            ("12345:河里漂着一个人（询问）来电人称判断不了是不是非真人，反映河道垃圾", .personAtRisk),
            ("12345:楼上男的拿皮带抽他老婆，女的在惨叫（核实）双方目前无肢体接触，来电人要求社区上门调解", .violence),
            ("12345:疫苗接种点排队两个人发生肢体冲突，一个拿凳子砸人，来电人投诉接种点管理混乱", .violence),
            ("12345:昨天也是这个男的，今天又一直跟着我，我好怕，反映这条路没有路灯", .personAtRisk),
            ("12345:有个男的跟踪我，我好怕，这条巷子路灯全坏了，诉求：修路灯", .personAtRisk),
            ("12345:有个男的一直吊到我走，我停他就停，我好怕，这条路灯都不亮", .personAtRisk),
            ("12345:铁道上坐着一个老人，火车快来了，反映铁路道口没人看守", .personAtRisk),
            ("12345:我被人打了（询问）人都没事哇？来电人说头晕得很，诉求：调解", .violence),
            ("12345:隔壁在打老婆（询问）人都没事么？来电人说听不清楚，反映隔音差", .violence),
            ("12345:娃娃把一瓶药全吃了（询问）来电人说好像没得危险，咨询药店卖药不看处方", .poisoning),
            ("12345:来电人反映：其女儿被传销组织控制，不让离开（核实）对方称没有人身危险，诉求：市场监管部门查处", .trapped),
            // Writer 32's shapes (dangers told in passing), reworded.
            ("12345:想问下我爸的养老金咋个还没到，他今天说话有点含混，筷子都拿不稳，嘴巴好像有点歪", .medicalEmergency),
            ("12345:桥底下路灯不亮，刚才有个大爷躺在路边，叫他不答应，一身酒气", .injury),
            ("12345:我们工地塔吊上的师傅说心口痛，脸色发白，下不来", .medicalEmergency),
            ("12345:我想问下低保咋个申请，我一个人带不动了，今天我把药都准备好了", .threatToLife),
            ("12345:我想问丧葬补助咋个领，今天就想把这些事情问清楚，不想给哪个添麻烦，钥匙我放在门口地垫下面了", .threatToLife),
            ("12345:举报河里死鱼，刚才有个娃儿滑到河里了，水冲得快，头一冒一冒的", .personAtRisk),
            ("12345:修树的师傅吊在树上好久没动了，脑壳偏在一边，喊他也没答应", .injury),
            ("12345:路灯杆漏电，现在有个师傅扶着灯杆倒下去了，一直在抖，手还搭在上面", .injury),
            ("12345:电梯坏了好久，婆婆从楼梯上滚下来了，现在躺在拐角喊腰痛", .injury),
            ("12345:我妈被他打了，现在躺在地上，反映物业不管", .injury),
            // The first review's: hurt after a blow brings the ambulance too; a caller who did not hit back
            // has not denied the blow; a threat the model reads as medical keeps both services.
            ("12345:我刚才在小区门口被人打了，头晕得很，站都站不稳，物业也不管", .injury),
            ("12345:我要投诉小区物业，我刚才在小区门口被人打了，我没有动手，物业费我一分没少交", .violence),
            ("12345:池塘里有个娃儿漂起的，不动了", .personAtRisk),
            ("12345:想问下遗体捐献咋个办，我今晚就要走了，房子钥匙我放在门口花盆下面了", .threatToLife),
        ])
    func stopTwentySevenDangers(text: String, flag: SafetyFlag) throws {
        let outcome = try classify(String(text.dropFirst(6)), channel: .hotline12345)
        #expect(outcome.safetyFlags.contains(flag), "\(outcome.evidence)")
        #expect(outcome.destinations.contains(flag.requiredDestination))
    }

    @Test("a threat to life the model reads as medical keeps the ambulance and the police; a beating with the hurt beside it brings both")
    func threatReadAsMedicalAndBeatingHurt() throws {
        // The production model: which category it reads is the point.
        let production = try Classifier.production()
        let pills = try production.classify(ClassificationInput(description: "活着也没意思，我把药都吃了，你们不用来了", channel: .hotline12345))
        #expect(pills.safetyFlags.contains(.threatToLife), "\(pills.evidence)")
        #expect(pills.destinations.contains(.police110) && pills.destinations.contains(.medical120), "\(pills.destinations)")
        let beaten = try production.classify(ClassificationInput(description: "我妈刚刚被他们打了，肚子痛得很，脸色发白", channel: .hotline12345))
        #expect(beaten.destinations.contains(.police110) && beaten.destinations.contains(.medical120), "\(beaten.destinations)")
    }

    @Test(
        "…and what looks like them is none: a disturbance, a tip-off, a parcel tracked, children at play, a robot down the stairs, a past belt, a pole that only tingled, a trip's medicine, politeness",
        arguments: [
            "邻居天天晚上被人打扰，我也被人打扰得睡不着，反映噪音",
            "我在单位被人打了小报告，想问劳动仲裁怎么申请",
            "帮我跟踪我的投诉办理进度，好久没回复了",
            "扫地机器人摔下楼梯 起不来了 厂家不给修 想维权",
            "我小时候我爸拿皮带抽我，现在他老了要我赡养，这个怎么算",
            "楼上装修经常往下掉东西，容易砸人，要求物业管理",
            "路灯杆好像漏电，我摸了一下麻了一下，没人受伤，请尽快维修",
            "出去旅游的药都准备好了，想问下异地就医备案怎么办",
            "不想给哪个添麻烦，就是想问下公交卡年审在哪里办",
            "手机滑到河里了，想问下河道管理处能不能帮忙捞",
            // The reviews' look-alikes.
            "楼下停车位被人打了地锁，物业说不是他们弄的",
            "施工队在拿锄头砸人行道的地砖，灰好大",
            "花盆随时会掉下来砸人，物业管一下",
            "我老公出差了，我在打老公的电话一直没人接，想问下信号的问题",
            "门口的共享单车被人推倒了，倒在地上也没人扶",
            "水面漂着人造草皮，是上游工地冲下来的",
            "河里漂着人家扔的垃圾，环保局管一下",
            "搬家公司把冰箱推下楼，楼梯扶手都撞坏了",
            "社区说会安排一个人跟踪我家的低保申请，现在还没消息",
            "买的止咳药一瓶药全吃了咳嗽一点都没好，是不是假药",
            "说起这个物业我就心口痛，交了钱啥都不管",
            "我的药都准备好了，明天去做胃镜，社区医院几点开门",
            "我不想给哪个添麻烦，钥匙我放在物业了，你们修水管的来了自己开门",
            "前几年我被传销组织控制过，好不容易跑出来了，想举报",
            "漏电保护器没反应，想问下找哪个修",
        ])
    func stopTwentySevenHarmless(text: String) throws {
        let outcome = try classify(text, channel: .hotline12345)
        #expect(outcome.safetyFlags.isEmpty, "\(outcome.evidence)")
    }

    @Test("a firm gone with its investors' money is a fraud for 110, however the model reads the money")
    func investorsMoneyGone() throws {
        let outcome = try classify("我在双流一家P2P……不是,就是个理财公司,投了二十万,说好年化12%,现在公司人去楼空,老板电话关机,几十个投资人都找不到人。")
        #expect(outcome.category == .crimeReport, "\(outcome.evidence)")
        #expect(outcome.destinations.first == .police110)
    }

    @Test("a car that will not start (车打不起火了) is no fire to the model: stopped in a fast lane after a crash it is a traffic matter for 110")
    func engineLookAlike() throws {
        let text = "一根好大的树枝掉下来砸到我挡风玻璃上，我急打方向撞到了隔离带，人没事，车打不起火了，停在快车道上，后头车都在按喇叭。金牛区蜀汉路。"
        let outcome = try Classifier.production().classify(ClassificationInput(description: text, channel: .police110))
        #expect(outcome.category == .traffic, "\(outcome.evidence)")
        #expect(outcome.destinations.first == .police110)
    }

    @Test("blackmail typed as it sounds (敲炸) is no explosion, and illegal fund-raising named by the caller is a crime report")
    func blackmailAndFundraising() throws {
        let blackmail = try classify("我遭人敲炸了 就是昨天晚上跟一个女的视频 她录了我的视频 现在说不给她转五万块就发给我通讯录里面所有人")
        #expect(!blackmail.safetyFlags.contains(.fire), "\(blackmail.evidence)")
        #expect(blackmail.destinations.first == .police110)
        // 敲炸 is also glass smashed: only with money or a video does it lean to a crime.
        #expect(!(try classify("工人砸墙把我家窗户玻璃敲炸了，装修公司不认账").evidence.contains { $0.text == "敲炸" }))
        let fundraising = try classify(
            "我们社区门口有个公司天天请老年人去听讲座，卖一种养老项目，说年化百分之二十，保本保息，我妈已经投了五万，可是没有任何正规合同，我觉得是非法集资，想举报。")
        #expect(fundraising.category == .crimeReport, "\(fundraising.evidence)")
        // A gas main that really blew up is still a fire.
        let explosion = try classify("楼下燃气管道炸了，好大一声，窗子都震碎了")
        #expect(explosion.safetyFlags.contains(.fire))
    }

    @Test("a child's fever told in degrees is no fire; a fraud by a fitter the utility never sent leans to a crime report")
    func feverAndFakeFitter() throws {
        let fever = try classify("想问下疫苗在哪里打，另外我娃儿现在烧到四十度，刚刚开始抽，喊不答应")
        #expect(!fever.safetyFlags.contains(.fire), "\(fever.evidence)")
        #expect(fever.destinations.first == .medical120)
        let fitter = try classify("刚才两个人说是燃气公司的，上门换了个阀门收了我八百，我打电话去问，燃气公司说根本没派人")
        #expect(fitter.category == .crimeReport, "\(fitter.evidence)")
        #expect(fitter.destinations.contains(.police110))
        // A repair the company never came for is the company's matter.
        let repair = try classify("燃气公司说派人来维修，等了一天根本没派人，燃气灶还是坏的")
        #expect(repair.destinations == [.hotline12345], "\(repair.evidence)")
    }
    @Test(
        "a person look-alike the caller denies and then says is a real person vetoes nothing (河里漂着一个人，不是模特，是真人)",
        arguments: [
            "河里漂着一个人，不是模特，是真人",
            "河里漂着一个人，并不是模特，是真人",
            "河里漂着一个人，不是塑料模特，是真人",
            "河里漂着一个人，不是个假人，是真人",
            "河里漂着一个人，但是不是模特，是真人，快来",
            "河里漂着一个人，不是模特，你们快派人来",
            "河里漂着一个人，不是模特也不是假人，是真人",
            "河里漂着一个人，肯定不是假人，人是真的",
            "河里漂着一个人，不是假人，而是一个小孩",
            "河里漂着一个人，不是人偶，是具尸体",
            "河里漂着一个人不是假人是真人快来",
            "我倒车撞到人了，不是假人，是个老太婆，在喊",
            "府南河边上漂起一个人，不是假人，是真的人，脸朝下的",
            "铁轨上坐着的不是雕塑是真人，火车快来了",
            "河里漂着一个人，不是模特，是真人，已经死了",
        ])
    func deniedLookAlike(text: String) throws {
        let outcome = try classify(text)
        #expect(!outcome.safetyFlags.isEmpty, "\(outcome.evidence)")
        #expect(outcome.destinations.contains { $0 != .hotline12345 }, "\(outcome.destinations)")
    }

    @Test(
        "a look-alike denied rhetorically, asked about, or beside no real person still vetoes; a negated cue's veto is never relaxed",
        arguments: [
            // Each means it *is* the look-alike (two stop-29 reviews' texts).
            "河里漂着一个人，那不是模特？请环卫来捞",
            "河里漂着一个人，还不是冬泳队的，天天在这游",
            "河里漂着一个人，不是模特是啥，请城管处理",
            "河里漂着一个人，不是假人又是什么，请环卫来处理",
            "河里漂着一个人，保安非说不是假人，我看得清清楚楚就是，请环卫来捞",
            "河里漂着一个人，难道不是模特，麻烦清理一下",
            "河里漂着一个人，不是假人嘛，请环卫来捞",
            "河里漂着一个人，不是模特吗？是商场扔的",
            // The affirmation must be a person, said as its own clause.
            "河里漂着一个人，不是模特，是真人秀在拍，请协调一下占道",
            "河里漂着一个人，不是假人，是个人形气球，广告公司的",
            "河里漂着一个人不是假人是真人秀道具",
            // A real person who is fine, told in words no list could hold: nothing after the
            // affirmation but calls for help and the danger told, or the look-alike vetoes as before
            // (the fourth and fifth reviews' texts).
            "河里漂着一个人，不是模特，是真人，一个大爷在河里凫水，水清得很",
            "河里漂着一个人，不是假人，是真人。人家自己在水头耍，喊他他还跟我挥手，我就是觉得这样不安全",
            "河里漂着一个人，不是模特，是真人。后来他自己翻个身划走了，我白担心一场",
            "河里漂着一个人，不是假人，是真人，快来一起耍嘛，水好凉快哦",
            "河里漂着一个人，不是假人，是真人。结果是一截烂木头上挂了件雨衣，我眼睛不好使",
            "工单：来电人反映河里漂着一个人，不是假人，是真人，经核实系附近居民夜间在河中洗澡纳凉",
            // The sixth review's: the allowlist's words used of something else, negated, or in boilerplate.
            "铁轨上坐着的不是雕塑是真人，那段老铁路停运十年早就没有火车了",
            "河里漂着一个人，不是模特，是真人，你们快点来管一下这些下河耍水的",
            "河里漂着一个人，不是模特，是真人，人家说不需要施救",
            "来电人反映今天河里漂着一个人，不是模特，是真人，来电人认为该河段存在安全隐患请相关部门处置",
            "河里漂着一个人，不是假人，是真人，你们快来，他在那里悠哉悠哉的",
            // The seventh review's: 死了 that means "very", a clause that goes on past its danger word.
            "我要投诉噪音，河里漂着一个人，不是模特，是真人，躺在水面上吹萨克斯吹了一下午吵死了",
            "河里漂着一个人，不是模特，是真人，他一边漂一边在喊口号锻炼肺活量",
            "河里漂着一个人，不是模特，是真人，他在捞死鱼的尸体，臭死了",
            "河里漂着一个人，不是模特，是真人，快点下班吧，在锦江宾馆对面",
            // The eighth review's: a complaint said before the cue, city staff sent for, a show.
            "我要投诉春熙路有人搞行为艺术占道，有个人躺在那里不动，不是雕塑，是真人",
            "锦江边又有人搞漂浮博眼球，河里漂着一个人，不是模特，是真人，你们快派城管来，在九眼桥",
            "我们小区景观池水才到脚背，池子里漂着一个人，不是假人，是真人，保安赶都赶不动",
        ])
    func lookAlikeStillVetoes(text: String) throws {
        let outcome = try classify(text)
        #expect(!outcome.safetyFlags.contains(.personAtRisk), "\(outcome.evidence)")
    }

    @Test("a look-alike denial never relaxes a veto for a negated cue: the injury told before it still counts")
    func deniedLookAlikeBesideNegatedCue() throws {
        // The second review's lost danger (stop 29): 工伤 is no look-alike, and the cue is negated.
        let outcome = try classify("工地上有个工人从架子上摔下来，头在流血，包工头说没有受伤，不是工伤，是个人不小心")
        #expect(outcome.safetyFlags.contains(.injury), "\(outcome.evidence)")
    }

    @Test(
        "an injury told as happening now counts whatever claim follows it (a stop-35 user test's), in its own clause or the one after 刚刚/刚才",
        arguments: [
            "工地上工人刚刚坠楼了，老板不给赔偿",
            "刚才有人被车撞了，躺在地上流血，司机不肯赔偿",
            "刚才车间机器把工友的手压伤了，老板说工伤不赔",
            "刚刚工人从架子上摔下来，头在流血，包工头说赔点医药费了事",
            // A stop-35 review's: someone unconscious now, beside a claim.
            "刚才工友在车间晕倒了，老板说不算工伤",
        ])
    func injuryNowBesideClaim(text: String) throws {
        let outcome = try classify(text)
        #expect(outcome.safetyFlags.contains(.injury), "\(outcome.evidence)")
        #expect(outcome.destinations.contains(SafetyFlag.injury.requiredDestination), "\(outcome.destinations)")
    }

    @Test(
        "…while an injury in a claim with no time, in the past, or after a question's 现在 stays paperwork",
        arguments: [
            "工人坠楼受伤的赔偿，老板一直不给",
            "工人上个月坠楼受伤了，老板到现在不给赔偿",
            "现在想咨询一下，工人受伤了老板不给赔偿",
            "我刚才咨询了一下，工伤赔偿怎么申请，工人去年摔伤了",
            // A stop-35 review's: 突然 tells how it happened, not when; 刚才 about the call, not the fall.
            "上个月我爸突然摔倒，摔伤了腿，住院花了两万，医保报销不了",
            "去年在工地上突然从架子上摔下来，骨折了，工伤认定到现在还没做",
            "我刚才咨询了一下，工人摔伤了，工伤赔偿怎么申请",
            "刚才社保局打电话来，说我老公受伤那件事，要补交伤残鉴定材料",
        ])
    func injuryClaimWithoutNow(text: String) throws {
        let outcome = try classify(text)
        #expect(!outcome.safetyFlags.contains(.injury), "\(outcome.evidence)")
    }

    @Test(
        "an act of self-harm told flatly after a question, or someone still or bloodied beside a complaint, reaches the emergency services (a stop-36 probe's)",
        arguments: [
            "我想问一下社保断了怎么续。无所谓了，我在浴缸里割了手腕，就想跟人说一声",
            "老板欠我工资三个月了。我刚把家里的药全吃了",
            "来电人咨询失业金领取事宜，称其已服下家中全部药物，表示仅想告知一声，无其他诉求",
            "我想问一下户口迁移要什么材料。我把煤气打开了，门窗都关了",
            "反映一下共享单车乱停，还有路边有个人躺在地上好久了，身上有血",
            "小区门口垃圾好几天没人收了，垃圾堆旁边躺着个老人，一直没动",
            "隔壁租户欠了房东三个月房租，房东叫我帮忙开门看，门一开里面一个人倒在血泊里",
            "楼上漏水漏到我家，我上去找他，敲门没人开，门缝里往外流水，还有血",
            "狗屎到处都是没人管，还有一条大狗刚刚把一个老太太扑倒了，在咬她的腿",
            // A review's misses of the first version.
            "来电人咨询社保续缴，并表示其已把煤气打开了，门窗都关了",
            "公交车站那里躺着个老人，一直没动",
            "狗屎没人管，还有一条大狗正在咬一个小孩",
        ])
    func flatSelfHarmAndBodiesInComplaints(text: String) throws {
        let outcome = try classify(text, channel: .hotline12345)
        #expect(outcome.destinations.contains { $0.isEmergencyService }, "\(outcome.destinations) \(outcome.evidence)")
    }

    @Test(
        "…while a course of medicine finished, gas lit to cook, a dog at play, rubbish never moved, a slaughtered chicken, a drama or a past scar stay ordinary",
        arguments: [
            "医生开的药都吃完了，还是没好，想问下要不要复查",
            "我把煤气打开了准备做饭，结果打不燃，想问下燃气公司电话",
            "我家狗在咬他的鞋子，闹着玩的，邻居就来吵",
            "小区垃圾堆一直没动，三天没人收了",
            "楼下在杀鸡，地上有血，好臭，没人清理",
            "我以前割过手腕，现在好了，想问下有没有心理咨询热线",
            "电视剧里那个人割了手腕，我想投诉这种剧情",
            // A review's false alarms of the first version: a refill, fiction, rubbish dumped, a past bite.
            "家里的药都吃完了，想问下社区医院慢病配药怎么预约",
            "电视剧里女主把煤气打开了，门窗都关了，这种剧情教坏小孩，想投诉",
            "有人把建筑垃圾倒在路边，一直没动，半个月了都没人清运",
            "三天前邻居的狗咬住了他的腿，打了狂犬针，想问这个钱该谁出",
            "我女儿前年割了手腕，现在上高中了，想问一下学校有没有心理辅导老师",
        ])
    func selfHarmLookAlikes(text: String) throws {
        let outcome = try classify(text, channel: .hotline12345)
        #expect(outcome.safetyFlags.isEmpty, "\(outcome.safetyFlags) \(outcome.evidence)")
    }

    @Test(
        "a rescue's setting beside a person's danger adds 119 (stop 37): a lift, a collapse, water, a ledge, a stuck limb",
        arguments: [
            "电梯卡在7楼和8楼之间，里面困了两个人，在拍门喊",
            "有个人站在楼顶边边上，说要跳下去",
            "孩子手指头卡在健身器材铁管里拔不出来，肿得发紫了",
            "我手被健身器材夹住了拿不出来",
            "沟槽塌了，土埋到他腰杆了，我们在用手刨",
            "一辆小车冲进河里了，车里还有人，车子在往下沉",
        ])
    func rescueAddsFireBrigade(text: String) throws {
        let outcome = try classify(text, channel: .police110)
        #expect(outcome.safetyFlags.contains(.rescue), "\(outcome.safetyFlags) \(outcome.evidence)")
        #expect(outcome.destinations.contains(.fire119), "\(outcome.destinations)")
        #expect(outcome.destinations.first == outcome.category.defaultDestination)
    }

    @Test(
        "…and alone a setting is no danger, nor is a fall already over or a threat made from home",
        arguments: [
            "楼顶的防水层坏了，下雨就漏，物业不管",
            "小区电梯门打不开，一直卡在一楼，里头没人，物业说厂家周一来",
            "河里有好多垃圾，上游那家厂在排污水",
            "给娃买的手指虎玩具，手指头套进去就取不出来，设计有问题，要下架",
            "ATM机吞了我的卡，取不出来，手伸进去也不行，银行说要三天",
        ])
    func settingAloneIsNoDanger(text: String) throws {
        let outcome = try classify(text, channel: .hotline12345)
        #expect(!outcome.safetyFlags.contains(.rescue), "\(outcome.safetyFlags) \(outcome.evidence)")
        #expect(!outcome.destinations.contains(.fire119), "\(outcome.destinations)")
    }

    @Test(
        "a danger already out of the setting gets no fire engine: fallen from a roof, pulled from the water, still at home",
        arguments: [
            "工人从屋顶上摔下来了，躺在地上，腿在流血",
            "朋友打电话说要去楼顶跳下去，他现在还在家里",
        ])
    func rescueOnlyWhileThere(text: String) throws {
        let outcome = try classify(text, channel: .police110)
        #expect(outcome.destinations.contains { $0.isEmergencyService })
        #expect(!outcome.destinations.contains(.fire119), "\(outcome.destinations) \(outcome.evidence)")
    }

    @Test(
        "a threat to kill told as an idiom inside a money matter goes to 110 (stop 37)",
        arguments: [
            "那个老板不退钱，大不了我跟他一命换一命",
            "拖了我八个月工资，我要让他血债血偿",
            "房东扣押金不还，大不了我去坐牢，今晚就让他家里办丧事",
            "老板不给钱，我今天就跟他拼了",
            "工资要不到，我揣了把刀在他公司楼下等他下班",
        ])
    func idiomThreats(text: String) throws {
        let outcome = try classify(text, channel: .hotline12345)
        #expect(outcome.destinations.contains(.police110), "\(outcome.destinations) \(outcome.evidence)")
        #expect(outcome.safetyFlags.contains(.threatToLife))
    }

    @Test(
        "…while toil, a shared ride, a lawsuit, a funeral next door, a memorial, a butcher's knife and hyperbole stay ordinary",
        arguments: [
            "为了赶工期我们拼了老命干了三个月，工资还是不给",
            "我跟他拼了个车去机场，结果他中途把我扔下还收全款",
            "我要跟他拼了！我是说打官司那种拼，隔壁把围墙往我家这边砌了半米",
            "隔壁办丧事吹吹打打三天了，晚上也不停",
            "烈士陵园门口写着血债血偿的那块抗战展板被风吹歪了，管理处没人管",
            "杀年猪，杀猪刀都磨好了，想问下村里能不能自己杀",
            "学区房的价格简直要他的命，想问一下公租房申请条件",
            "老板说你们要钱就跟他拼命干，干完这个月就发，结果现在又拖",
        ])
    func idiomLookAlikes(text: String) throws {
        let outcome = try classify(text, channel: .hotline12345)
        #expect(!outcome.safetyFlags.contains(.threatToLife), "\(outcome.safetyFlags) \(outcome.evidence)")
    }

    @Test(
        "a stab, a cut or a knockout with its wound reaches both 110 and 120 (a stop-37 user test's)",
        arguments: [
            "我父亲被人砍了，躺在地上不能动",
            "我老公被人捅了一刀",
            "刚才有人抢劫，把我同事打晕了",
            "那个男的捅了我哥一刀，然后骑车跑了，我哥捂着肚子蹲在地上",
        ])
    func woundsNeedBoth(text: String) throws {
        let outcome = try classify(text, channel: .police110)
        #expect(outcome.destinations.contains(.police110), "\(outcome.destinations) \(outcome.evidence)")
        #expect(outcome.destinations.contains(.medical120), "\(outcome.destinations) \(outcome.evidence)")
    }

    @Test(
        "…but a betrayal, a bonus cut, a bargain app, a play or paperwork that knocks one out is no wound",
        arguments: [
            "年终奖被人砍了一半，同事都觉得不公平",
            "我妈让我给她砍了一刀，那个app说砍满了免费领电饭煲",
            "我女儿在学校演话剧，演被人捅了一刀倒在地上那段",
            "社保转移的流程把我打晕了，到底要跑几个地方",
            "河里有人电鱼，鱼都被打晕了漂起来",
        ])
    func woundLookAlikes(text: String) throws {
        let outcome = try classify(text, channel: .hotline12345)
        #expect(!outcome.safetyFlags.contains(.injury), "\(outcome.safetyFlags) \(outcome.evidence)")
    }

    @Test(
        "a child fighting for breath after a paperwork question reaches 120 (stop 37); a climb, a mask or a birth long past does not",
        arguments: [
            ("新生儿落户要什么材料，孩子这会儿脸憋得青紫不哭了", true),
            ("宝宝的医保怎么办理啊，他这会儿呼吸好快好浅，小脸发灰，叫他也不太理人", true),
            // Asking whether it is normal is no all-clear; a nurse saying so is (below).
            ("新生儿落户要什么材料，孩子这会儿脸憋得青紫不哭了，是不是正常", true),
            ("打完疫苗不哭也不动就睡着了，护士说正常，想问下疫苗本在哪打印", false),
            ("老小区没电梯，我妈爬七楼喘气很费劲，想问加装电梯补贴", false),
            ("口罩戴上去呼吸又快又浅，这种口罩合格吗", false),
            ("水葫芦捞起来不运走，河边臭得很", false),
        ])
    func breathing(text: String, danger: Bool) throws {
        let outcome = try classify(text, channel: .hotline12345)
        #expect(outcome.destinations.contains(.medical120) == danger, "\(outcome.destinations) \(outcome.evidence)")
    }

    @Test(
        "someone in smoke who cannot find the door is a fire with a person trapped (stop 38); a game, a drill or a dream is not",
        arguments: [
            ("我想给我爸申请养老院……刚才他打电话给我，说屋头好大的烟，他找不到门在哪儿，电话就断了", true),
            ("楼道里全是烟，我们一家人找不到出口，在五楼", true),
            ("密室逃脱里面放烟雾，找不到门，吓死我了，这个店有没有消防许可", false),
            ("学校消防演练放了烟，娃娃说找不到门，想问演练前能不能通知家长", false),
            ("我梦到屋里好多烟找不到门，醒了睡不着，楼上装修太吵了", false),
            // The review's: 烟 inside another word, a door that is a house number, a story.
            ("导航去烟台，下了高速找不到出口，绕了好几圈", false),
            ("办烟草零售许可证，跑了三趟找不到门路", false),
            ("我在看一本小说，里面写主人公家里全是烟，他找不到门，我想问问现实中应该怎么逃生", false),
            ("我想投诉物业楼道堆杂物，现在楼道里全是烟，我们找不到出口", true),
            ("屋里全是烟，找不到门口了", true),
            ("刚才我爸打电话，说屋头好大的烟找不到门，他上周才出院", true),
        ])
    func smokeAndNoDoor(text: String, danger: Bool) throws {
        let outcome = try classify(text, channel: .hotline12345)
        #expect(outcome.safetyFlags.contains(.trapped) == danger, "\(outcome.safetyFlags) \(outcome.evidence)")
        // (A story's 全是烟 is still an older smoke cue's: only this cue's trapped person is asserted away.)
        if danger { #expect(outcome.destinations.contains(.fire119), "\(outcome.destinations)") }
    }

    @Test(
        "a person fallen down an open manhole is in danger and gets the rescue crews as well (stops 38, 39); one who nearly fell, a phone, a dog or the cover does not",
        arguments: [
            ("我们小区那个井盖被偷了好几天了，我家娃娃刚才掉下去了，在底下哭，我够不到", true),
            ("井盖翻了，一个小娃娃踩上去掉下去了，在下面哭，下面有水", true),
            ("小区井盖被偷了好几天了，昨天晚上有个人差点掉下去，还好没事，你们快来补一下", false),
            ("井盖松了，我怕娃娃放学路过掉下去，你们快来修一下", false),
            ("井盖几天前就被偷了，刚才我家娃娃掉下去了，在底下哭", true),
            ("老人的假牙掉下去了，下水道口，老人急得直哭", false),
            ("拍抖音的小伙子假装从井口掉下去了，其实他是演的", false),
            ("我老公边走边看手机，掉进下水道了，在下面喊救命", true),
            // Stop 39: the fall is the person's danger too (110 as well as 119), a rider falls with the bike,
            // and a manhole cover falling in is nobody.
            ("路上井盖没了，一个骑车的掉下去了，爬不上来", true),
            ("一个老人骑电瓶车掉进下水道了，人还在里面", true),
            ("井盖上个月就坏了一直没人修，今天一个小孩掉下去了，在下面哭", true),
            ("外卖小哥连人带车掉进了施工的基坑", true),
            ("一个路人掉进了施工的基坑，坑好深", true),
            ("娃儿背着书包掉进下水道了，井盖没得", true),
            ("一个穿红衣服的小孩掉进下水道了", true),
            ("我家孩子掉进下水道了，到现在还没拉上来", true),
            ("有人反映井盖掉下去了，路中间一个大洞，怕有人掉进去", false),
            ("娃儿的书包掉进下水道了，能不能帮忙捞", false),
            ("我手机掉进下水道了，井盖那个缝好宽，能不能派人来捞一下", false),
            ("小区的井盖松了，我家狗掉下去了，已经拉上来了，要求物业修", false),
        ])
    func openManhole(text: String, danger: Bool) throws {
        let outcome = try classify(text, channel: .hotline12345)
        #expect(outcome.destinations.contains(.fire119) == danger, "\(outcome.destinations) \(outcome.evidence)")
        #expect(outcome.safetyFlags.contains(.personAtRisk) == danger, "\(outcome.safetyFlags) \(outcome.evidence)")
        if danger { #expect(outcome.destinations.contains(.police110), "\(outcome.destinations)") }
    }

    @Test(
        "burning in hand is no fire only while nothing says otherwise: watchers who cannot stop it, what it reached, fuel beside it, or another fire in the same call (stop 38's review)",
        arguments: [
            ("着火了！其实是有人在烧垃圾，有人看守，火不大，就是烟呛人", false),
            ("着火了！原来是有人烧垃圾，有人看守也没用，火太大了扑不下来", true),
            ("路口着火了！其实是烧秸秆，有人看守，就在液化气站门口", true),
            ("着火了，其实是烧垃圾，有人看守，旁边幼儿园的木头围栏已经着了", true),
            ("邻居家着火了，窗户都烧黑了，往外冒烟。（询问）其实是楼下有人烧垃圾，有人看守，两回事", true),
            ("我们小区门口商铺着火了，冒好多黑烟。另外十字路口那边其实是有人在烧纸钱，有人看守", true),
            // A second review's rewordings: a building alight before the finding, sparks blown onward.
            ("隔壁房子着火了，烧得噼里啪啦的。我下楼一看是门口有人烧垃圾，有人看守，跟那个没关系", true),
            ("8楼窗户往外冒黑烟，着火了。楼下路口其实是有人在烧垃圾，有人看守", true),
            ("着火了！经询问系村民烧秸秆，有人看守，风一吹火星子飞到对面麦地里了", true),
        ])
    func burningBeyondHand(text: String, fire: Bool) throws {
        let outcome = try classify(text, channel: .police110)
        #expect(outcome.safetyFlags.contains(.fire) == fire, "\(outcome.safetyFlags) \(outcome.evidence)")
        #expect(outcome.destinations.contains(.fire119) == fire, "\(outcome.destinations)")
    }

    @Test(
        "a cry for help on a note passed out of a window or a door is a person held (stop 39, writer 31's); a notice, homework or a story is not",
        arguments: [
            ("我要举报一家按摩店无证经营。还有，那家店窗户全部钉死了，今天有个小姑娘从窗户缝里塞了张纸条出来，写的救救我 我16岁", true),
            ("隔壁出租屋门缝里塞出来一张纸条，写的帮我报警", true),
            ("纸條上寫著救救我，是從隔壁門縫塞出來的", true),
            ("我写了感谢信给救命恩人，想问一下怎么送到医院", false),
            ("孩子的日记里写着救救我，说数学太难了，想咨询一下家庭教育", false),
            ("公交站的海报写着被拐卖请报警，问一下这是哪个部门贴的", false),
            ("上次有人从门缝塞纸条写的救命，结果是小孩子闹着玩的，已经处理了", false),
            ("在KTV唱歌的时候服务员偷偷塞了张纸条给我，写着救救我", true),
            ("外卖袋里塞了张纸条，写着帮帮我，给个五星好评", false),
        ])
    func noteForHelp(text: String, danger: Bool) throws {
        let outcome = try classify(text, channel: .hotline12345)
        #expect(outcome.safetyFlags.contains(.personAtRisk) == danger, "\(outcome.safetyFlags) \(outcome.evidence)")
        if danger { #expect(outcome.destinations.contains(.police110), "\(outcome.destinations)") }
    }

    @Test(
        "fallen and not getting up is hurt (stop 39, writer 31's rider in a pothole); a lie-in, a number that fell, a pet or a toppled sign is not",
        arguments: [
            ("马路上那个坑好大，刚刚一个骑摩托的摔进去了，人躺在那里没起来", true),
            ("我爸在小区门口滑倒了，一直没起来", true),
            ("我奶奶摔倒了屁股着地，一直没起来", true),
            ("刚刚又有一个骑电瓶车的被小车撞了，躺在地上没起来", true),
            ("周末躺在床上一直没起来，睡到中午，我妈骂我懒", false),
            ("小区水压掉下来了，一直没起来，楼上都没水", false),
            ("我家狗摔了一跤，站不起来了，附近有没有宠物医院", false),
            ("广告牌倒在地上一直没起来，物业不管", false),
            ("冬天路上结冰，老年人摔了站不起来谁负责", false),
            ("他摔了一跤，我笑得站不起来", false),
        ])
    func fallenNotGettingUp(text: String, hurt: Bool) throws {
        let outcome = try classify(text, channel: .police110)
        #expect(outcome.safetyFlags.contains(.injury) == hurt, "\(outcome.safetyFlags) \(outcome.evidence)")
        if hurt { #expect(outcome.destinations.contains(.medical120), "\(outcome.destinations)") }
    }

    @Test(
        "a fall down a hole is over only when the person is out: one pulled up while another is still down is not (a code review's)",
        arguments: [
            ("两个小孩掉进下水道了，一个人被拉上来了，还有一个没上来", true),
            ("有人落水了，一个被救上来了，还有一个在水里", true),
            ("有个人掉进下水道了，经询问，人已经被拉上来了，无人受伤", false),
        ])
    func pulledOut(text: String, danger: Bool) throws {
        let outcome = try classify(text, channel: .hotline12345)
        #expect(outcome.safetyFlags.contains(.personAtRisk) == danger, "\(outcome.safetyFlags) \(outcome.evidence)")
    }
}
