import FenliuModel
import Foundation
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf
import Synchronization
import TestSupport
import Testing

@testable import IntakeService

@Suite("SubmitCall: stored, handed on, idempotent")
struct SubmitCallTests {
    @Test("a valid call is stored with its outbox row, and the hand-off reaches classification with an Idempotency-Key")
    func storedAndHandedOn() async throws {
        try await withIntake { client, classification, _, database in
            let response = try await client.call(IntakeAPI.submitCall, sampleCall("110-A1"))
            let call = response.call
            #expect(!response.replayed)
            #expect(UUID(uuidString: call.id) != nil)
            #expect(call.district == "510107" && call.districtName == "武侯区")
            #expect(call.externalID == "110-A1")
            #expect(call.createdAt.nanos % 1000 == 0 && call.receivedAt.nanos % 1000 == 0, "microseconds, as stored")
            // Both rows exist as soon as the answer arrives: one transaction wrote them.
            #expect(try await count("calls", where: "id = '\(call.id)'", in: database) == 1)
            let outbox = try await database.query("SELECT body, path FROM outbox")
            #expect(outbox.count == 1)
            let queued = try Fenliu_Classification_V1_ClassifyRequest(jsonString: try #require(outbox.first).decode("body"))
            #expect(queued.callID == call.id)
            #expect(try outbox.first?.decode("path", as: String.self) == ClassificationAPI.classify.path)

            #expect(await eventually { classification.calls(to: ClassificationAPI.classify).count == 1 })
            let delivery = try #require(classification.calls(to: ClassificationAPI.classify).first)
            #expect(UUID(uuidString: delivery.key) != nil)
            #expect(delivery.request.callID == call.id)
            #expect(delivery.request.description_p == "报警人称工地拖欠工资三个月，约二十名工人讨薪")
            #expect(delivery.request.channel == .channel110)
            #expect(delivery.request.district == "510107")
            #expect(delivery.request.receivedAt == call.receivedAt)
            #expect(delivery.request.duplicateOf.isEmpty)
        }
    }

    @Test("the same channel and externalId with the same content returns the first call, replayed")
    func replay() async throws {
        try await withIntake { client, _, _, database in
            let request = sampleCall("12345-R1")
            let first = try await client.call(IntakeAPI.submitCall, request)
            let second = try await client.call(IntakeAPI.submitCall, request)
            #expect(second.replayed)
            #expect(second.call.id == first.call.id)
            #expect(try await count("calls", in: database) == 1)
            #expect(try await count("outbox", in: database) == 1)
        }
    }

    @Test("the same externalId with different content is already_exists, and nothing is stored")
    func conflict() async throws {
        try await withIntake { client, _, _, database in
            var request = sampleCall("110-C1")
            _ = try await client.call(IntakeAPI.submitCall, request)
            request.description_p += "（补充）"
            let error = await #expect(throws: ConnectError.self) { try await client.call(IntakeAPI.submitCall, request) }
            #expect(error?.code == .alreadyExists)
            #expect(try await count("calls", in: database) == 1)
            // The same id on another line is another sender's record: a new call.
            request.channel = .channel12345
            let other = try await client.call(IntakeAPI.submitCall, request)
            #expect(!other.replayed)
        }
    }

    @Test("twenty concurrent submissions of one call store one call and one hand-off")
    func concurrentDuplicates() async throws {
        try await withIntake { client, _, _, database in
            let request = sampleCall("110-CONC")
            let ids = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<20 { group.addTask { try await client.call(IntakeAPI.submitCall, request).call.id } }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(ids.count == 1)
            #expect(try await count("calls", in: database) == 1)
            #expect(try await count("outbox", in: database) == 1)
        }
    }

    @Test("Traditional Chinese text is stored and returned exactly as given")
    func traditionalChinese() async throws {
        try await withIntake { client, _, _, _ in
            var request = sampleCall()
            request.district = "錦江區"
            request.address = "成都市錦江區春熙路；「東大街」口"
            request.description_p = "報警人稱：鄰居裝修噪音擾民，已持續三個晚上。"
            request.callerName = "陳大文"
            let stored = try await client.call(IntakeAPI.submitCall, request).call
            let fetched = try await client.call(IntakeAPI.getCall, .with { $0.id = stored.id }).call
            #expect(fetched.description_p == request.description_p)
            #expect(fetched.address == request.address)
            #expect(fetched.callerName == "陳大文")
            #expect(fetched.district == "510104")
        }
    }

    @Test("a missing district is recognised from the address")
    func districtFromAddress() async throws {
        try await withIntake { client, _, _, _ in
            var request = sampleCall()
            request.district = ""
            request.address = "成都市龙泉驿区龙泉街道驿都大道"
            let call = try await client.call(IntakeAPI.submitCall, request).call
            #expect(call.district == "510112")
        }
    }

    @Test("one answer names every bad field, and nothing is stored")
    func fieldByField() async throws {
        try await withIntake { client, _, _, database in
            var request = sampleCall()
            request.externalID = ""
            request.callerPhone = "999"
            request.callerPhone = "12-34"
            request.district = "海淀区"
            request.description_p = ""
            request.receivedAt = Google_Protobuf_Timestamp(date: Date().addingTimeInterval(3600))
            request.latitude = 30.6
            request.elements = ["amount owed": "3万"]
            let error = await #expect(throws: ConnectError.self) { try await client.call(IntakeAPI.submitCall, request) }
            #expect(error?.code == .invalidArgument)
            let fields = Set(error?.fieldViolations.map(\.field) ?? [])
            #expect(fields == ["externalId", "callerPhone", "district", "description", "receivedAt", "longitude", "elements.amount owed"])
            let stored = try await count("calls", in: database) + count("outbox", in: database)
            #expect(stored == 0)
        }
    }

    @Test("repeat calls are linked to the first call and say so; unrelated ones are not")
    func repeatCalls() async throws {
        try await withIntake { client, classification, _, _ in
            let first = try await client.call(IntakeAPI.submitCall, sampleCall()).call
            var again = sampleCall()
            again.description_p = "再次来电：工人还在讨薪，没人处理"
            again.receivedAt = Google_Protobuf_Timestamp(date: Date().addingTimeInterval(-60))
            let second = try await client.call(IntakeAPI.submitCall, again).call
            #expect(second.duplicateOf == first.id)
            #expect(second.duplicateReason.contains("same caller"))
            #expect(second.id != first.id, "each caller keeps their own record")

            var otherPlace = sampleCall()
            otherPlace.callerPhone = "13912345678"
            otherPlace.district = "510104"
            otherPlace.address = "锦江区春熙路88号"
            otherPlace.description_p = "商场门口有人占道经营"
            #expect(try await client.call(IntakeAPI.submitCall, otherPlace).call.duplicateOf.isEmpty)

            #expect(await eventually { classification.calls(to: ClassificationAPI.classify).count == 3 })
            let handedOn = classification.calls(to: ClassificationAPI.classify).first { $0.request.callID == second.id }
            #expect(handedOn?.request.duplicateOf == first.id)
        }
    }
    @Test("the repeat-call search finds the same phone in another district, and links calls with and without a district both ways")
    func repeatAcrossDistricts() async throws {
        try await withIntake { client, _, _, _ in
            func call(_ phone: String, district: String, address: String, description: String, minutesAgo: Double) -> Fenliu_Intake_V1_SubmitCallRequest {
                var request = sampleCall()
                request.callerPhone = phone
                request.district = district
                request.address = address
                request.description_p = description
                request.receivedAt = Google_Protobuf_Timestamp(date: Date().addingTimeInterval(-60 * minutesAgo))
                if district.isEmpty {
                    request.channel = .open311
                    request.latitude = 30.657
                    request.longitude = 104.066
                }
                return request
            }
            func phone() -> String { "139\(Int.random(in: 10_000_000...99_999_999))" }
            // The same caller in another district: the phone's branch.
            let caller = phone()
            let first = try await client.call(
                IntakeAPI.submitCall, call(caller, district: "510104", address: "锦江区春熙路88号", description: "商场门口有人占道经营", minutesAgo: 10)
            ).call
            let elsewhere = try await client.call(
                IntakeAPI.submitCall, call(caller, district: "510107", address: "武侯区人民南路四段12号", description: "小区路灯坏了三天", minutesAgo: 9)
            ).call
            #expect(elsewhere.duplicateOf == first.id)
            // A call with a district after one without (an Open311 report by coordinates): the no-district branch.
            let reporter = phone()
            let unplaced = try await client.call(IntakeAPI.submitCall, call(reporter, district: "", address: "", description: "路中间塌了一个大坑", minutesAgo: 8)).call
            #expect(unplaced.district.isEmpty)
            let placed = try await client.call(
                IntakeAPI.submitCall, call(reporter, district: "510105", address: "青羊区宁夏街3号", description: "又来反映那个坑", minutesAgo: 7)
            ).call
            #expect(placed.duplicateOf == unplaced.id)
            // A call without a district compares with every call of the window.
            let neighbour = phone()
            let known = try await client.call(
                IntakeAPI.submitCall, call(neighbour, district: "510106", address: "金牛区茶店子5号", description: "垃圾桶满了没人收", minutesAgo: 6)
            ).call
            let unknown = try await client.call(IntakeAPI.submitCall, call(neighbour, district: "", address: "", description: "垃圾还是没人收", minutesAgo: 5)).call
            #expect(unknown.duplicateOf == known.id)
        }
    }
}
