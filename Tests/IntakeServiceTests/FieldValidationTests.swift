import FenliuModel
import Foundation
import ServiceSupport
import Synchronization
import Testing

@testable import IntakeService

@Suite("Standard field rules (no I/O)")
struct FieldValidationTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func valid() -> CallValidator.Input {
        CallValidator.Input(
            channel: .police110, externalID: "110-2026-000123", receivedAt: now.addingTimeInterval(-60),
            callerName: "张三", callerPhone: "13800138000", district: "武侯区", address: "人民南路四段1号",
            description: "报警人称小区门口路灯不亮", elements: ["location": "小区门口"], operatorID: "op-7"
        )
    }

    func problems(_ input: CallValidator.Input) -> [FieldViolation] {
        do {
            _ = try CallValidator(now: now).validate(input)
            return []
        } catch {
            guard case .invalidFields(let problems) = error else { return [] }
            return problems
        }
    }

    @Test("a complete call passes, with the phone normalised and the text kept as given")
    func validCall() throws {
        let call = try CallValidator(now: now).validate(valid())
        #expect(call.callerPhone == "13800138000")
        #expect(call.district?.code == "510107")
        #expect(call.description == "报警人称小区门口路灯不亮")
    }

    @Test("every violation of one call is reported at once, each naming its JSON field")
    func collectsEveryViolation() {
        var input = valid()
        input.channel = nil
        input.externalID = ""
        input.receivedAt = now.addingTimeInterval(3600)
        input.callerPhone = "12345678"
        input.district = "朝阳区"
        input.description = "  "
        input.latitude = 95
        input.longitude = 104
        input.elements = ["Bad Key": "x", "amountOwed": String(repeating: "万", count: 501)]
        input.operatorID = String(repeating: "o", count: 65)
        let fields = Set(problems(input).map(\.field))
        #expect(
            fields == [
                "channel", "externalId", "receivedAt", "callerPhone", "district", "description", "latitude",
                "elements.Bad Key", "elements.amountOwed", "operatorId",
            ])
    }

    @Test("lengths count characters, not bytes: 2000 Chinese characters fit, 2001 do not")
    func lengthsInCharacters() {
        var input = valid()
        input.description = String(repeating: "漢", count: 2000)
        #expect(problems(input).isEmpty)
        input.description += "字"
        #expect(problems(input).map(\.field) == ["description"])
    }

    @Test("receivedAt may be up to 5 minutes ahead of the server clock, not more")
    func clockSkew() {
        var input = valid()
        input.receivedAt = now.addingTimeInterval(4 * 60)
        #expect(problems(input).isEmpty)
        input.receivedAt = now.addingTimeInterval(6 * 60)
        #expect(problems(input).map(\.field) == ["receivedAt"])
        input.receivedAt = nil
        #expect(problems(input).map(\.field) == ["receivedAt"])
    }

    @Test(
        "phone numbers: mobiles, landlines and service numbers in their usual spellings",
        arguments: [
            ("13800138000", "13800138000"), ("+86 138 0013 8000", "13800138000"), ("008613800138000", "13800138000"),
            ("028-85551234", "028-85551234"), ("02885551234", "028-85551234"), ("0838-2221234", "0838-2221234"),
            ("110", "110"), ("12345", "12345"),
        ])
    func phoneAccepted(text: String, normalized: String) {
        #expect(PhoneNumber(text)?.normalized == normalized)
    }

    @Test(
        "phone numbers that are none of the forms are refused",
        arguments: [
            "12800138000", "1380013800", "abc", "028-123", "+1 415 555 0100", "0", "138001380001",
        ])
    func phoneRefused(text: String) {
        #expect(PhoneNumber(text) == nil)
    }

    @Test("the district may be a code, a name, a stem or Traditional; else it comes from the address")
    func districts() throws {
        #expect(DistrictResolver.resolve("510104")?.name == "锦江区")
        #expect(DistrictResolver.resolve("cdgx")?.name == "高新区")
        #expect(DistrictResolver.resolve("锦江")?.code == "510104")
        #expect(DistrictResolver.resolve("都江堰")?.code == "510181")
        #expect(DistrictResolver.resolve("錦江區")?.code == "510104")
        #expect(DistrictResolver.resolve("天府")?.code == "TFXQ")
        #expect(DistrictResolver.resolve("郫县")?.code == "510117")
        #expect(DistrictResolver.resolve("朝阳区") == nil)
        #expect(DistrictResolver.recognize(inAddress: "成都市青白江区大弯街道")?.code == "510113")
        #expect(DistrictResolver.recognize(inAddress: "成都市雙流區東升街道")?.code == "510116")
        #expect(DistrictResolver.recognize(inAddress: "天府大道北段1700号") == nil, "a road name is not a district")

        var input = valid()
        input.district = ""
        input.address = "成都市金牛区一环路北三段"
        #expect(try CallValidator(now: now).validate(input).district?.code == "510106")
        input.address = "一环路北三段"
        #expect(problems(input).map(\.field) == ["district"])
    }

    @Test("Open311 calls need neither a caller phone nor a district")
    func open311Optional() {
        var input = valid()
        input.channel = .open311
        input.callerPhone = ""
        input.district = ""
        input.address = ""
        input.latitude = 30.64
        input.longitude = 104.06
        #expect(problems(input).isEmpty)
    }

    @Test("control characters (NUL above all) are refused; line breaks in the description are kept")
    func controlCharacters() {
        var input = valid()
        input.description = "第一行\n第二行"
        #expect(problems(input).isEmpty)
        input.callerName = "张\u{0}三"
        input.address = "路\u{7}"
        #expect(problems(input).map(\.field) == ["callerName", "address"])
    }

    @Test("the content of a resubmission compares equal even with nanoseconds the database drops")
    func canonicalContent() throws {
        let first = try CallValidator(now: now).validate(valid())
        var input = valid()
        input.receivedAt = input.receivedAt!.addingTimeInterval(0.000_000_2)
        let second = try CallValidator(now: now).validate(input)
        #expect(first.canonicalContent == second.canonicalContent)
        input.description += "。"
        #expect(try CallValidator(now: now).validate(input).canonicalContent != first.canonicalContent)
    }

    @Test("a data key id given twice in FENLIU_DATA_KEYS stops start-up, naming the id")
    func duplicateDataKeyIDs() {
        let one = Data(repeating: 1, count: 32).base64EncodedString()
        let two = Data(repeating: 2, count: 32).base64EncodedString()
        let environment = ["FENLIU_DATA_KEYS": "k1:\(one),k1:\(two)", "FENLIU_DATA_INDEX_KEY": one]
        let error = #expect(throws: ConfigurationError.self) { try IntakeConfiguration.fromEnvironment(environment, service: .intake) }
        #expect(error?.description.contains("the id \"k1\" is given twice") == true)
        #expect(throws: Never.self) {
            try IntakeConfiguration.fromEnvironment(["FENLIU_DATA_KEYS": "k2:\(two),k1:\(one)", "FENLIU_DATA_INDEX_KEY": one], service: .intake)
        }
    }
}
