import Foundation
import Testing

@testable import ClassificationService

@Suite("Text normaliser")
struct NormalizerTests {
    let normalizer = Fixtures.normalizer

    @Test("Traditional characters become Simplified, phrases before characters")
    func traditionalToSimplified() {
        #expect(normalizer.normalize("討薪揚言跳樓") == "讨薪扬言跳楼")
        #expect(normalizer.normalize("乾隆") == "乾隆")
        #expect(normalizer.normalize("乾") == "干")
        #expect(normalizer.normalize("這裡著火") == "这里着火")
    }

    @Test("full-width forms become half-width, Latin becomes lower case")
    func fullWidth() {
        #expect(normalizer.normalize("ＡＢＣ１２３ｘｙｚ") == "abc123xyz")
        #expect(normalizer.normalize("SUV 川A12345") == "suv 川a12345")
        #expect(normalizer.normalize("（已熄火）") == "(已熄火)")
    }

    @Test("punctuation is unified")
    func punctuation() {
        #expect(normalizer.normalize("着火了，快来！真的？是的；好。") == "着火了,快来!真的?是的;好.")
        #expect(normalizer.normalize("“安全账户”、「测试」《通知》") == "\"安全账户\",\"测试\"\"通知\"")
        #expect(normalizer.normalize("民有所呼﹔我有所应") == "民有所呼;我有所应")
    }

    @Test("white space collapses and control characters are dropped")
    func whiteSpaceAndControls() {
        #expect(normalizer.normalize("  有人\t\n 打架\u{3000}\u{3000}了  ") == "有人 打架 了")
        #expect(normalizer.normalize("着\u{0000}火\u{0007}了\u{200B}\u{FEFF}") == "着火了")
        #expect(normalizer.normalize("") == "")
        #expect(normalizer.normalize(" \u{0001} ") == "")
    }

    @Test("without a table only the other steps apply")
    func withoutTable() {
        #expect(TextNormalizer().normalize("樓 ＡＢ") == "樓 ab")
    }

    @Test("a table with comments and malformed lines still loads, from a String or from Data")
    func tolerantTable() {
        let table = "# header\n\n樓\n樓\t楼\n\t\n著\t着\textra\n"
        #expect(TextNormalizer(traditionalToSimplified: table).normalize("著樓") == "着楼")
        #expect(TextNormalizer(traditionalToSimplified: Data(table.utf8)).normalize("著樓") == "着楼")
    }

    @Test("scalars and string forms agree")
    func scalarsMatchString() {
        let text = "報警人稱：廚房著火，ＡＢＣ！"
        var view = String.UnicodeScalarView()
        view.append(contentsOf: normalizer.normalizedScalars(text))
        #expect(String(view) == normalizer.normalize(text))
    }

    @Test("the shipped OpenCC table converts common call vocabulary")
    func shippedTable() throws {
        let table = try #require(Fixtures.resourceTable, "Resources/t2s.tsv not found next to the sources")
        #expect(table.hasPrefix("#"))
        let shipped = TextNormalizer(traditionalToSimplified: table)
        #expect(shipped.normalize("來電人反映：青羊區西安中路電線桿上貼滿了小廣告") == "来电人反映:青羊区西安中路电线杆上贴满了小广告")
        #expect(shipped.normalize("頭髮乾淨，顯著，著火了") == "头发干净,显著,着火了")
        #expect(shipped.normalize("經詢問無人受傷，雙方沒有動手") == "经询问无人受伤,双方没有动手")
    }
}
