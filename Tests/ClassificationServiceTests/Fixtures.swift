import FenliuModel
import Foundation

@testable import ClassificationService

/// Small inline data shared by the classification tests, so no test needs the real corpus.
enum Fixtures {
    /// A few descriptions per category, enough for a model that tells the kinds of matter apart.
    static let examples: [(text: String, category: Category)] = {
        let byCategory: [Category: [String]] = [
            .publicFacilities: ["小区停水了一整天", "路灯坏了晚上很黑", "人行道井盖缺失，暂无人员受伤", "公厕一直锁门", "小区停电了"],
            .cityAppearance: ["小吃店占道经营摆桌子", "垃圾好几天没人清运", "墙上贴满小广告", "共享单车乱停堵门口"],
            .laborWages: ["老板拖欠工资三个月", "包工头欠工钱不给", "讨薪没有结果工资不发", "公司不交社保拖欠工资"],
            .agriForestryGreening: [
                "行道树被风刮倒了", "树枝断了挂在电线上", "绿化带被车压坏", "树上有很多虫子要打药",
                "大树倒在路上，现场无人受伤",
            ],
            .construction: ["工地半夜打桩噪音大", "渣土车撒漏满路是泥", "装修敲墙太吵", "工地扬尘很大"],
            .environment: ["工厂偷排废水河水发黑", "工厂烟囱冒黑烟有异味", "有人焚烧垃圾烟很大", "河里有死鱼水被污染"],
            .marketRegulation: ["商家不给退款", "买到假货要投诉", "饭店吃出虫子食品安全", "超市价格标签不符多收钱"],
            .epidemicControl: ["核酸检测点在哪里", "隔离政策咨询", "健康码变黄了怎么办", "小区封控物资不够"],
            .disputeMediation: ["邻居吵架噪音纠纷", "楼上漏水邻居不管", "房东不退押金发生争执", "邻居纠纷希望社区调解"],
            .crimeReport: ["电瓶车被偷了", "手机被抢了", "网上被骗了两万", "有人打架斗殴"],
            .emergencyHelp: ["孩子走失了找不到", "有人要跳楼", "老人被困在电梯里", "有人站在桥上要跳河"],
            .policeComplaint: ["民警态度恶劣", "派出所不受理报案", "投诉出警太慢", "案子拖了半年没有结果"],
            .fire: ["家里着火了", "楼道冒浓烟起火", "厨房起火了", "仓库着火火势很大"],
            .medical: ["老人晕倒了叫不醒", "有人受伤流血", "心脏病发作胸痛", "孕妇要生了羊水破了"],
            .traffic: ["两车追尾事故", "电瓶车和汽车相撞", "路口发生车祸堵了", "酒驾撞到护栏"],
            .otherService: ["社保怎么办理", "居住证怎么续签", "公积金提取咨询", "户口迁移需要什么材料"],
        ]
        return Category.allCases.flatMap { category in byCategory[category, default: []].map { ($0, category) } }
    }()

    /// A small Traditional→Simplified table in the format of `Resources/t2s.tsv`.
    static let table = """
        # test table
        討\t讨
        薪\t薪
        揚\t扬
        跳\t跳
        樓\t楼
        鄰\t邻
        糾\t纠
        紛\t纷
        對\t对
        經\t经
        詢\t询
        問\t问
        無\t无
        傷\t伤
        著\t着
        廚\t厨
        房\t房
        樹\t树
        倒\t倒
        動\t动
        沒\t没
        雙\t双
        這\t这
        裡\t里
        乾\t干
        乾隆\t乾隆
        """

    /// The normaliser with `table`.
    static let normalizer = TextNormalizer(traditionalToSimplified: table)

    /// A model trained on `examples`, trained once for all tests.
    static let model = NgramModel.train(
        examples, normalizer: normalizer,
        configuration: .init(minimumDocumentFrequency: 1), version: "fixture-1")

    /// A classifier over `model`.
    static let classifier = Classifier(model: model, normalizer: normalizer)

    /// The real `Resources/t2s.tsv`, found relative to this file.
    static var resourceTable: String? {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Services/Classification/ClassificationService/Resources/t2s.tsv")
        return try? String(contentsOf: url, encoding: .utf8)
    }
}
