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

@Suite("GetCall, ListCalls, UpdateCallElements, AttachClassification")
struct ListAndElementsTests {
    /// Stores `count` unrelated calls (distinct phones and districts, so none links) one minute apart.
    func storeCalls(_ count: Int, client: RPCClient, batch: Int = 0, sameTime: Bool = false) async throws -> [Fenliu_Intake_V1_Call] {
        let base = Date().addingTimeInterval(-3 * 3600)
        var calls = [Fenliu_Intake_V1_Call]()
        for index in 0..<count {
            var request = sampleCall("L-\(batch)-\(index)")
            request.callerPhone = "139\(batch)000\(String(format: "%04d", index))"
            request.district = District.all[index % District.all.count].code
            request.address = "第\(index)号楼"
            request.description_p = index % 3 == 0 ? "路灯不亮 第\(index)起" : "噪音扰民 第\(index)起"
            request.channel = index % 2 == 0 ? .channel110 : .channel12345
            request.receivedAt = Google_Protobuf_Timestamp(date: sameTime ? base : base.addingTimeInterval(Double(index) * 60))
            calls.append(try await client.call(IntakeAPI.submitCall, request).call)
        }
        return calls
    }

    @Test("pages of 7 walk 45 calls newest first with no duplicates and no gaps, even at equal times")
    func pagination() async throws {
        try await withIntake { client, _, _, _ in
            let stored = try await storeCalls(30, client: client) + storeCalls(15, client: client, batch: 1, sameTime: true)
            var seen = [Fenliu_Intake_V1_Call]()
            var token = ""
            var pages = 0
            repeat {
                let page = try await client.call(
                    IntakeAPI.listCalls,
                    .with {
                        $0.pageSize = 7; $0.pageToken = token
                    })
                #expect(page.calls.count <= 7)
                seen += page.calls
                token = page.nextPageToken
                pages += 1
            } while !token.isEmpty && pages < 20
            #expect(pages == 7)
            #expect(seen.count == stored.count)
            #expect(Set(seen.map(\.id)) == Set(stored.map(\.id)))
            let times = seen.map { $0.receivedAt.date }
            #expect(times == times.sorted(by: >))
        }
    }

    @Test("filters: channel, district (code or name), time range and text; page size capped at 100")
    func filters() async throws {
        try await withIntake { client, _, _, _ in
            let stored = try await storeCalls(12, client: client)
            let only110 = try await client.call(IntakeAPI.listCalls, .with { $0.channel = .channel110 })
            #expect(only110.calls.count == 6 && only110.calls.allSatisfy { $0.channel == .channel110 })
            let jinjiang = try await client.call(IntakeAPI.listCalls, .with { $0.district = "锦江区" })
            #expect(jinjiang.calls.map(\.id) == [stored[0].id])
            let text = try await client.call(IntakeAPI.listCalls, .with { $0.text = "路灯" })
            #expect(text.calls.count == 4)
            let window = try await client.call(
                IntakeAPI.listCalls,
                .with {
                    $0.receivedFrom = stored[2].receivedAt
                    $0.receivedTo = stored[5].receivedAt
                })
            #expect(window.calls.map(\.id) == [stored[4].id, stored[3].id, stored[2].id])
            let big = try await client.call(IntakeAPI.listCalls, .with { $0.pageSize = 5000 })
            #expect(big.calls.count == 12 && big.nextPageToken.isEmpty)
            let wildcard = try await client.call(IntakeAPI.listCalls, .with { $0.text = "%" })
            #expect(wildcard.calls.isEmpty, "a LIKE wildcard is searched for literally")
        }
    }

    @Test("a page token is refused with other filters or when forged")
    func badTokens() async throws {
        try await withIntake { client, _, _, _ in
            _ = try await storeCalls(3, client: client)
            let page = try await client.call(IntakeAPI.listCalls, .with { $0.pageSize = 1 })
            for (token, channel) in [(page.nextPageToken, Fenliu_Common_V1_Channel.channel110), ("bm90IGEgdG9rZW4", .unspecified)] {
                let error = await #expect(throws: ConnectError.self) {
                    try await client.call(
                        IntakeAPI.listCalls,
                        .with {
                            $0.pageSize = 1; $0.pageToken = token; $0.channel = channel
                        })
                }
                #expect(error?.fieldViolations.map(\.field) == ["pageToken"])
            }
        }
    }

    @Test("missingElements follows the template classification attached, and UpdateCallElements fills it")
    func elementsAndTemplate() async throws {
        try await withIntake { client, _, _, database in
            var request = sampleCall()
            request.elements = ["employer": "某某建筑公司"]
            let call = try await client.call(IntakeAPI.submitCall, request).call
            #expect(call.missingElements.isEmpty, "no template before classification")

            let wages = try #require(testCatalogue.categories.first)
            let attach = Fenliu_Intake_V1_AttachClassificationRequest.with {
                $0.callID = call.id
                $0.category = .laborWages
                $0.inquiryElements = wages.inquiryElements
            }
            let key = [("Idempotency-Key", "attach-1")]
            _ = try await client.call(IntakeAPI.attachClassification, attach, headers: key)
            _ = try await client.call(IntakeAPI.attachClassification, attach, headers: key)
            #expect(try await count("inbox", in: database) == 1, "a redelivered message applies once")

            var fetched = try await client.call(IntakeAPI.getCall, .with { $0.id = call.id }).call
            #expect(fetched.category == .laborWages)
            #expect(fetched.missingElements.map(\.key) == ["amountOwed", "workerCount"])
            #expect(fetched.missingElements.first?.label == "拖欠金额")

            fetched = try await client.call(
                IntakeAPI.updateCallElements,
                .with {
                    $0.id = call.id
                    $0.elements = ["amountOwed": "约30万元", "workerCount": "20"]
                    $0.operatorID = "op-12345-3"
                }
            ).call
            #expect(fetched.missingElements.isEmpty)
            #expect(fetched.elements == ["employer": "某某建筑公司", "amountOwed": "约30万元", "workerCount": "20"])

            // An empty value removes an element recorded by mistake, and it is missing again.
            fetched = try await client.call(
                IntakeAPI.updateCallElements,
                .with {
                    $0.id = call.id; $0.elements = ["workerCount": ""]
                }
            ).call
            #expect(fetched.missingElements.map(\.key) == ["workerCount"])
        }
    }

    @Test("a late, older classification never overwrites a newer one (a review that corrected it), whatever the clocks say")
    func newestClassificationWins() async throws {
        try await withIntake { client, _, _, _ in
            let call = try await client.call(IntakeAPI.submitCall, sampleCall()).call
            // The reviewing replica's clock runs two minutes behind the one that classified: by the
            // clocks the correction is older. The revision still says it is newer.
            let decided = Date(timeIntervalSinceNow: -10)
            let reviewed = Date(timeIntervalSinceNow: -120)
            _ = try await client.call(
                IntakeAPI.attachClassification,
                .with {
                    $0.callID = call.id; $0.category = .marketRegulation; $0.decidedAt = Google_Protobuf_Timestamp(date: reviewed)
                    $0.revision = 2
                }, headers: [("Idempotency-Key", "review")])
            // The first decision's message arrives after the reviewer's correction (a retried delivery).
            _ = try await client.call(
                IntakeAPI.attachClassification,
                .with {
                    $0.callID = call.id; $0.category = .laborWages; $0.decidedAt = Google_Protobuf_Timestamp(date: decided)
                    $0.revision = 1
                }, headers: [("Idempotency-Key", "first")])
            let fetched = try await client.call(IntakeAPI.getCall, .with { $0.id = call.id }).call
            #expect(fetched.category == .marketRegulation)
        }
    }

    @Test("unknown ids are not_found; malformed ids and element keys are invalid_argument naming the field")
    func errors() async throws {
        try await withIntake { client, _, _, _ in
            let unknown = UUID().uuidString
            let notFound = await #expect(throws: ConnectError.self) { try await client.call(IntakeAPI.getCall, .with { $0.id = unknown }) }
            #expect(notFound?.code == .notFound)
            let attachMissing = await #expect(throws: ConnectError.self) {
                try await client.call(
                    IntakeAPI.attachClassification,
                    .with {
                        $0.callID = unknown; $0.category = .fire
                    })
            }
            #expect(attachMissing?.code == .notFound)
            let badID = await #expect(throws: ConnectError.self) { try await client.call(IntakeAPI.getCall, .with { $0.id = "42" }) }
            #expect(badID?.fieldViolations.map(\.field) == ["id"])
            let call = try await client.call(IntakeAPI.submitCall, sampleCall()).call
            let badKey = await #expect(throws: ConnectError.self) {
                try await client.call(
                    IntakeAPI.updateCallElements,
                    .with {
                        $0.id = call.id; $0.elements = ["拖欠金额": "3万"]
                    })
            }
            #expect(badKey?.fieldViolations.map(\.field) == ["elements.拖欠金额"])
            let noCategory = await #expect(throws: ConnectError.self) {
                try await client.call(IntakeAPI.attachClassification, .with { $0.callID = call.id })
            }
            #expect(noCategory?.fieldViolations.map(\.field) == ["category"])
        }
    }

    @Test("the text search is served by trigram indexes, not a scan of every call")
    func textSearchUsesIndexes() async throws {
        try await withIntake { _, _, _, database in
            let plan = try await database.indexPlan("SELECT id FROM calls WHERE description ILIKE '%路灯%' OR address ILIKE '%路灯%'")
            #expect(plan.contains("calls_description_trgm"), "\(plan)")
            #expect(plan.contains("calls_address_trgm"), "\(plan)")
        }
    }
}
