import FenliuModel
import Foundation

/// A realistic day of calls to replay: arrivals follow the daily curve of a city hotline, the lines
/// and matters follow the seed's mix (about 40% of 110's calls are not police matters), some calls
/// repeat an earlier one, and the records come in the voices operators write in — plain, terse,
/// Sichuanese, Traditional characters, and dramatic openings whose danger the operator ruled out.
/// Deterministic for a seed.
struct DayPlan {
    struct Call: Sendable {
        var offset: Double  // seconds after the day's start
        var channel: Fenliu_Common_V1_Channel
        var text: String
        var district: String  // code; empty: intake recognises it from the address
        var address: String
        var phone: String
        var externalID: String
        /// What the matter is, as the generator meant it: "police", "fire", "medical" or "non-police".
        var expected: String
        var isRepeat: Bool
    }

    let calls: [Call]

    /// Share of a day's calls in each hour, 0–23 (a city hotline: quiet at night, peaks late
    /// morning and evening).
    static let hourly: [Double] = [
        2.2, 1.6, 1.1, 0.8, 0.7, 0.9, 1.6, 3.0, 4.6, 5.6, 6.1, 6.2, 5.6, 5.2, 5.6, 5.8, 5.7, 5.6, 5.8, 6.2, 6.3, 5.6, 4.3, 3.1,
    ]

    init(calls count: Int, seed: UInt64, hours: Double = 24) {
        var random = SeededRandom(seed: seed)
        let weights = Array(Self.hourly.prefix(Int(hours.rounded(.up))))
        let total = weights.reduce(0, +)
        var planned = [Call]()
        for index in 0..<count {
            // The hour by the curve, then a moment in it.
            var pick = random.unit() * total
            var hour = 0
            while hour < weights.count - 1, pick > weights[hour] {
                pick -= weights[hour]
                hour += 1
            }
            let offset = min((Double(hour) + random.unit()) * 3600, hours * 3600 - 1)
            // A repeat call: the same place and matter as an earlier call, within the hour.
            if let earlier = planned.last(where: { $0.offset > offset - 3600 && $0.offset < offset && !$0.isRepeat }), random.unit() < 0.06 {
                var again = earlier
                again.offset = offset
                again.externalID = "replay-\(seed)-\(index)"
                again.isRepeat = true
                again.text = random.element(["又打来催：", "再次来电：", "同一来电人再次反映："]) + earlier.text
                planned.append(again)
                continue
            }
            planned.append(Self.call(index: index, offset: offset, seed: seed, random: &random))
        }
        calls = planned.sorted { $0.offset < $1.offset }
    }

    private static func call(index: Int, offset: Double, seed: UInt64, random: inout SeededRandom) -> Call {
        let place = random.element(places)
        let address = Self.address(in: place, random: &random)
        let line = random.unit()
        let channel: Fenliu_Common_V1_Channel
        let pool: [Template]
        switch line {
        case ..<0.47:
            channel = .channel110
            pool = random.unit() < 0.40 ? Templates.nonPolice + Templates.ruledOut : Templates.police
        case ..<0.91:
            channel = .channel12345
            pool = random.unit() < 0.04 ? Templates.police : Templates.nonPolice
        case ..<0.955:
            channel = .channel119
            pool = Templates.fire
        default:
            channel = .channel120
            pool = Templates.medical
        }
        let template = random.element(pool)
        var text = template.text.replacingOccurrences(of: "{place}", with: address)
        text = text.replacingOccurrences(of: "{n}", with: String(2 + random.below(9)))
        let phone = "1" + random.element(["3", "5", "7", "8", "9"]) + String(format: "%09d", random.below(1_000_000_000))
        return Call(
            offset: offset, channel: channel, text: text, district: random.unit() < 0.7 ? place.code : "", address: address,
            phone: phone, externalID: "replay-\(seed)-\(index)", expected: template.expected, isRepeat: false)
    }

    /// An address in `place`, as varied as a real day's: one of the area's well-known roads one time
    /// in ten, else a road named from two syllables (about 8,000 names an area), a house number, and
    /// often a compound and building. A day of addresses from a handful of roads would have the
    /// repeat-call rule link most calls to one another (two calls on one road within two hours, with
    /// descriptions that share the address, are the same incident to it): a replay at stop 17 linked
    /// 64% of its calls so, where the plan repeats 6%.
    static func address(in place: Place, random: inout SeededRandom) -> String {
        let road =
            random.unit() < 0.1
            ? random.element(place.roads)
            : String(random.element(syllables)) + String(random.element(syllables)) + random.element(["路", "街", "巷", "大道", "西路", "东街"])
        var address = "\(place.name)\(road)\(1 + random.below(300))号"
        if random.unit() < 0.5 {
            address +=
                String(random.element(syllables)) + String(random.element(syllables)) + random.element(["小区", "花园", "苑", "新村", "公寓"])
                + "\(1 + random.below(30))栋"
        }
        return address
    }

    /// What road and compound names are made of.
    static let syllables = Array("东西南北金银青红龙凤华光明新安和平兴顺福寿星月春秋松竹梅兰玉石天府锦蜀文武")

    struct Place {
        var code: String
        var name: String
        var roads: [String]
        var weight: Int
    }

    /// Areas weighted roughly by population: the central districts take most calls.
    static let places: [Place] = {
        let base: [Place] = [
            Place(code: "510104", name: "锦江区", roads: ["东大街", "春熙路", "书院街", "水碾河路"], weight: 6),
            Place(code: "510105", name: "青羊区", roads: ["西御街", "宽巷子", "清江东路", "光华村街"], weight: 6),
            Place(code: "510106", name: "金牛区", roads: ["营门口路", "沙湾路", "蜀汉路", "金府路"], weight: 7),
            Place(code: "510107", name: "武侯区", roads: ["科华北路", "人民南路四段", "玉林北路", "武侯祠大街"], weight: 7),
            Place(code: "510108", name: "成华区", roads: ["建设路", "二环路东二段", "双林路", "府青路"], weight: 6),
            Place(code: "510112", name: "龙泉驿区", roads: ["龙都南路", "驿都大道"], weight: 4),
            Place(code: "510113", name: "青白江区", roads: ["凤凰大道", "华严路"], weight: 2),
            Place(code: "510114", name: "新都区", roads: ["马超西路", "桂湖中路"], weight: 4),
            Place(code: "510115", name: "温江区", roads: ["光华大道", "柳城大道"], weight: 3),
            Place(code: "510116", name: "双流区", roads: ["棠湖路", "东升街道白衣上街"], weight: 4),
            Place(code: "510117", name: "郫都区", roads: ["望丛路", "犀浦镇百草路"], weight: 3),
            Place(code: "510118", name: "新津区", roads: ["五津西路"], weight: 1),
            Place(code: "510121", name: "金堂县", roads: ["赵镇金广路"], weight: 1),
            Place(code: "510129", name: "大邑县", roads: ["晋原街道东街"], weight: 1),
            Place(code: "510131", name: "蒲江县", roads: ["鹤山街道朝阳大道"], weight: 1),
            Place(code: "510181", name: "都江堰市", roads: ["幸福大道", "灌口街道西街"], weight: 2),
            Place(code: "510182", name: "彭州市", roads: ["天府中路"], weight: 1),
            Place(code: "510183", name: "邛崃市", roads: ["文君街道长安大道"], weight: 1),
            Place(code: "510184", name: "崇州市", roads: ["崇阳街道蜀州中路"], weight: 1),
            Place(code: "510185", name: "简阳市", roads: ["简城街道政府街"], weight: 2),
        ]
        return base.flatMap { Array(repeating: $0, count: $0.weight) }
    }()
}

/// What callers say, as operators write it down. `{place}` is the address, `{n}` a small number.
struct Template {
    var text: String
    var expected: String
}

enum Templates {
    static let nonPolice: [Template] = [
        "来电人反映{place}附近路灯坏了{n}天，晚上一片漆黑，行人不便，请求维修。",
        "{place}小区门口井盖松动，车一过就响，怕有人踩空，请相关部门处理。",
        "来电人称在{place}的工地干了{n}个月，老板一直拖欠工资不给，要求帮忙讨薪。",
        "反映{place}楼下烧烤店油烟太大，晚上十二点还在营业，吵得睡不着。",
        "{place}旁边工地夜间施工，电钻声一直响到凌晨，影响居民休息。",
        "来电人在{place}一家健身房办了卡，现在店关门了联系不上老板，要求退费。",
        "{place}人行道上堆了{n}天的建筑垃圾没人清理，占道还有异味。",
        "来电人称{place}停水一整天了没有任何通知，询问什么时候恢复供水。",
        "{place}一棵行道树歪了，树枝压在电线上，请园林部门来看看。",
        "反映{place}附近有家小作坊排放刺鼻气味，怀疑污染，请环保部门查处。",
        "来电人与楼上邻居因为漏水的事情协商不成，双方没有动手，想请社区调解。",
        "来电人询问{place}社区打疫苗需要带哪些材料，几点开门。",
        "来电人在{place}超市买到过期食品，商家不肯退换，要求处理。",
        "{place}小区物业私自涨停车费，业主不同意，请求相关部门介入。",
        "来电人咨询社保卡丢了怎么补办，需要去哪里办理。",
        "我们{place}那个路灯坏球了好几天咯，晚上黑黢黢的啥子都看不到，喊人来修一下嘛。",
        "老板欠了我们{n}个人的工钱，说好年底给，拖到现在都莫得，找哪个管嘛。",
        "{place}那边垃圾堆起好几天了，臭得很，没得人来收。",
        "來電人反映{place}附近路燈壞了，晚上很暗，請求維修。",
        "{place}工地夜間施工噪音很大，影響休息，請處理。",
        "路灯坏 {place} 速修",
        "油烟扰民 {place} 烧烤店",
        "欠薪{n}个月 {place}工地",
    ].map { Template(text: $0, expected: "non-police") }

    /// Dramatic openings whose danger the operator's questions ruled out: still 12345 matters.
    static let ruledOut: [Template] = [
        "来电人称{place}着火了，经询问是村民在田里烧秸秆，有人看守，周边无房屋，没有蔓延。",
        "报警人说楼下出人命了，经询问是两口子吵架，现已平息，双方都没有受伤，要求社区调解。",
        "来电人情绪激动说要出大事了，经询问是房东不退押金，没有冲突，要求有关部门处理。",
    ].map { Template(text: $0, expected: "non-police") }

    static let police: [Template] = [
        "报警人称在{place}被人抢了手机，嫌疑人往东边跑了，穿黑色衣服。",
        "{place}有两伙人打架，有人头上流血了，现场还在动手，请赶快出警。",
        "报警人称家里被盗，{place}，门锁被撬，丢了现金和首饰。",
        "{place}一名男子喝醉了拿着刀在街上挥舞，威胁路人。",
        "报警人称接到冒充公检法的电话，已经转账{n}万元，怀疑被骗。",
        "{place}有个小孩走丢了，家长找了一个小时没找到，孩子{n}岁。",
        "报警人称前夫在{place}门口砸门，扬言要杀了她，现在还在门外。",
        "{place}路口两车相撞，有人受伤被卡在车里。",
        "有个人在{place}楼顶边上坐起，说不想活了，喊都喊不下来。",
        "報警人稱在{place}被人搶了包，嫌疑人騎電瓶車逃跑。",
    ].map { Template(text: $0, expected: "police") }

    static let fire: [Template] = [
        "{place}居民楼{n}楼厨房起火，浓烟很大，楼上还有人。",
        "{place}地下车库电瓶车着火了，烟很大。",
        "{place}一家餐馆后厨着火，火苗窜到了招牌上。",
        "有人被困在{place}电梯里出不来，已经半个小时了。",
    ].map { Template(text: $0, expected: "fire") }

    static let medical: [Template] = [
        "{place}家里老人摔倒了起不来，意识有点模糊，需要救护车。",
        "来电人丈夫突然胸口剧痛，满头大汗，在{place}，请派救护车。",
        "{place}小孩高烧抽搐，口吐白沫，家长很着急。",
        "{place}有人晕倒在路边，叫不醒。",
    ].map { Template(text: $0, expected: "medical") }
}

/// SplitMix64: small, fast, and the same sequence for the same seed everywhere.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// In [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    mutating func element<T>(_ items: [T]) -> T { items[below(items.count)] }
}
