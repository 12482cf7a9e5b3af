import FenliuModel
import Foundation
import HTTPClient
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf
import Synchronization
import TestSupport
import Testing

@testable import IntakeService

/// Callers' names, phones and emails: sealed at rest, in clear only for the line that took the call,
/// masked for everyone else, every clear read in the audit trail; a hotline sees only its own calls.
@Suite("Personal data: encryption at rest, masking, who sees which call")
struct PersonalDataTests {
    static func dataKey(_ id: String) -> PersonalDataCipher.Key {
        PersonalDataCipher.Key(id: id, base64: Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString())!
    }

    static let index = Data((0..<32).map { _ in UInt8.random(in: 0...255) })

    static func intake(_ base: String, _ key: String) -> RPCClient {
        RPCClient(baseURL: base, httpClient: TestHTTP.client, timeout: TestHTTP.rpcTimeout, key: TestKeys.text(key))
    }

    static func submit(
        _ client: RPCClient, _ channel: Fenliu_Common_V1_Channel, phone: String, external: String, district: String = "510104",
        address: String = "锦江区东大街1号", description: String = "来电人反映楼下餐馆油烟扰民，已持续一周。"
    ) async throws -> Fenliu_Intake_V1_Call {
        try await client.call(
            IntakeAPI.submitCall,
            .with {
                $0.channel = channel
                $0.externalID = external
                $0.receivedAt = Google_Protobuf_Timestamp(date: Date())
                $0.callerName = "王小明"
                $0.callerPhone = phone
                $0.callerEmail = "wang@example.org"
                $0.district = district
                $0.address = address
                $0.description_p = description
            }
        ).call
    }

    @Test("no phone, name or email in the table; the submitting line reads them, a supervisor sees them masked")
    func sealedAndMasked() async throws {
        let current = Self.dataKey("k1")
        let configuration = IntakeConfiguration(cipher: PersonalDataCipher(keys: [current], indexKey: Self.index))
        try await TestService.with(IntakeModule.self, configuration: configuration, access: TestKeys.access()) { base, database in
            let call = try await Self.submit(Self.intake(base, "channel-110"), .channel110, phone: "13812345678", external: "110-pd-1")
            #expect(call.callerPhone == "13812345678", "the line that took the call sees it")

            let raw = try await database.query("SELECT row_to_json(calls)::text AS row FROM calls").map { try $0.decode("row", as: String.self) }
            #expect(raw.count == 1)
            for secret in ["13812345678", "王小明", "wang@example.org", "138"] where secret != "138" {
                #expect(!raw[0].contains(secret), "\(secret) is stored in clear")
            }
            #expect(raw[0].contains("enc:v1:k1:"))

            let own = try await Self.intake(base, "channel-110").call(IntakeAPI.getCall, .with { $0.id = call.id }).call
            #expect(own.callerPhone == "13812345678")
            #expect(own.callerName == "王小明")
            let masked = try await Self.intake(base, "supervisor").call(IntakeAPI.getCall, .with { $0.id = call.id }).call
            #expect(masked.callerPhone == "138****5678")
            #expect(masked.callerName == "王**")
            #expect(masked.callerEmail == "w***@example.org")
            let listed = try await Self.intake(base, "supervisor").call(IntakeAPI.listCalls, .init()).calls
            #expect(listed.map(\.callerPhone) == ["138****5678"])

            // Every clear read by a key is audited.
            let reads = try await database.query("SELECT actor, target FROM audit WHERE action = 'call.read_personal_data'").map {
                (try $0.decode("actor", as: String.self), try $0.decode("target", as: String.self))
            }
            #expect(reads.contains { $0.0.hasPrefix("channel-110") && $0.1 == call.id })
            #expect(!reads.contains { $0.0.hasPrefix("supervisor") })

            // Repeat calls are still found by phone, through the blind index.
            let again = try await Self.submit(Self.intake(base, "channel-110"), .channel110, phone: "13812345678", external: "110-pd-2")
            #expect(again.duplicateOf == call.id)
        }
    }

    @Test("a department reads the calls it holds a ticket for, the caller's data in clear and audited; any other call is not found")
    func holdingDepartment() async throws {
        // Feedback knows who holds what: 510104-cgj holds the tickets of the incidents in `held`.
        let feedback = StandInPeer()
        let held = Mutex<Set<String>>([])
        feedback.answer(FeedbackAPI.listTickets) { asked in
            let holds = asked.departmentID == "510104-cgj" && held.withLock { !$0.isDisjoint(with: asked.incidentIds) }
            return .with { response in
                if holds { response.tickets = [.with { $0.incidentID = asked.incidentIds[0] }] }
            }
        }
        try await RunningApplication.with(router: feedback.router) { feedbackURL in
            try await TestService.with(IntakeModule.self, peers: [.feedback: feedbackURL], access: TestKeys.access()) { base, database in
                let first = try await Self.submit(Self.intake(base, "channel-12345"), .channel12345, phone: "13700000001", external: "dept-1")
                let other = try await Self.submit(
                    Self.intake(base, "channel-12345"), .channel12345, phone: "13700000002", external: "dept-2", district: "510107",
                    address: "武侯区科华北路9号", description: "小区门口路灯坏了一个月没人修。")
                #expect(other.duplicateOf.isEmpty)
                // A repeat of the first call reaches the department through the first call's incident.
                let repeatCall = try await Self.submit(Self.intake(base, "channel-12345"), .channel12345, phone: "13700000001", external: "dept-3")
                #expect(repeatCall.duplicateOf == first.id)
                held.withLock { $0.insert(first.id) }

                let department = Self.intake(base, "department")
                let read = try await department.call(IntakeAPI.getCall, .with { $0.id = first.id }).call
                #expect(read.callerPhone == "13700000001", "the holder must be able to reach the caller")
                #expect(read.callerName == "王小明")
                #expect(try await department.call(IntakeAPI.getCall, .with { $0.id = repeatCall.id }).call.callerPhone == "13700000001")
                let notHeld = await #expect(throws: ConnectError.self) {
                    _ = try await department.call(IntakeAPI.getCall, .with { $0.id = other.id })
                }
                #expect(notHeld?.code == .notFound, "a call it holds no ticket for is not found, not forbidden")
                // The department cannot list calls (only the lines and the supervisor can).
                let listing = await #expect(throws: ConnectError.self) { _ = try await department.call(IntakeAPI.listCalls, .init()) }
                #expect(listing?.code == .permissionDenied)
                let reads = try await database.query("SELECT actor, target FROM audit WHERE action = 'call.read_personal_data'").map {
                    (try $0.decode("actor", as: String.self), try $0.decode("target", as: String.self))
                }
                #expect(reads.contains { $0.0.hasPrefix("department") && $0.1 == first.id })
            }
        }
    }

    @Test("a hotline's key sees and submits only its own line's calls; another line's call is not found")
    func ownLineOnly() async throws {
        try await TestService.with(IntakeModule.self, access: TestKeys.access()) { base, _ in
            let mine = try await Self.submit(Self.intake(base, "channel-110"), .channel110, phone: "13900000001", external: "110-own")
            let theirs = try await Self.submit(Self.intake(base, "channel-12345"), .channel12345, phone: "13900000002", external: "12345-own")
            let error = await #expect(throws: ConnectError.self) {
                _ = try await Self.intake(base, "channel-110").call(IntakeAPI.getCall, .with { $0.id = theirs.id })
            }
            #expect(error?.code == .notFound)
            let listed = try await Self.intake(base, "channel-110").call(IntakeAPI.listCalls, .init()).calls.map(\.id)
            #expect(listed == [mine.id])
            let wrongLine = await #expect(throws: ConnectError.self) {
                _ = try await Self.submit(Self.intake(base, "channel-110"), .channel12345, phone: "13900000003", external: "x")
            }
            #expect(wrongLine?.code == .permissionDenied)
            #expect(try await Self.intake(base, "supervisor").call(IntakeAPI.listCalls, .init()).calls.count == 2)
        }
    }

    @Test("re-encryption moves every row to the current key; rows under the old key stay readable meanwhile")
    func reencryption() async throws {
        let old = Self.dataKey("k1")
        let new = Self.dataKey("k2")
        let before = PersonalDataCipher(keys: [old], indexKey: Self.index)
        let after = PersonalDataCipher(keys: [new, old], indexKey: Self.index)
        try await TestService.with(IntakeModule.self, configuration: IntakeConfiguration(cipher: before), access: TestKeys.access()) { base, database in
            for index in 0..<3 {
                _ = try await Self.submit(Self.intake(base, "channel-110"), .channel110, phone: "1370000000\(index)", external: "110-re-\(index)")
            }
            #expect(try await Self.reencryptAll(database, cipher: after, batch: 2) == 3)
            #expect(try await database.withConnection { try CallStore.notYetSealed(cipher: after, on: $0) } == 0)
            let phones = try await database.query("SELECT caller_phone FROM calls ORDER BY received_at").map { try $0.decode("caller_phone", as: String.self) }
            #expect(phones.allSatisfy { PersonalDataCipher.keyID(of: $0) == "k2" })
            #expect(try phones.map { try after.open($0) } == ["13700000000", "13700000001", "13700000002"])
            #expect(throws: PersonalDataCipher.Failure.self) { try before.open(phones[0]) }
            // A row sealed with a key the configuration lost is a clear failed_precondition, not a 500.
            let id = try #require(try await database.query("SELECT id FROM calls LIMIT 1").first?.decode("id", as: UUID.self))
            let lost = await #expect(throws: ConnectError.self) {
                _ = try await database.withConnection { try CallStore.find(id, cipher: before, on: $0) }
            }
            #expect(lost?.code == .failedPrecondition && lost?.message.contains("FENLIU_DATA_KEYS") == true, "\(String(describing: lost))")
        }
    }

    @Test("calls sealed before the stack had an index key are counted as not yet sealed and indexed blind by re-encryption")
    func indexKeyAddedLater() async throws {
        let key = Self.dataKey("k1")
        let unindexed = PersonalDataCipher(keys: [key], indexKey: nil)
        let indexed = PersonalDataCipher(keys: [key], indexKey: Self.index)
        try await TestService.with(IntakeModule.self, configuration: IntakeConfiguration(cipher: unindexed), access: TestKeys.access()) { base, database in
            _ = try await Self.submit(Self.intake(base, "channel-110"), .channel110, phone: "13600000001", external: "110-ix-1")
            _ = try await Self.submit(Self.intake(base, "channel-110"), .channel110, phone: "13600000002", external: "110-ix-2")
            #expect(try await database.withConnection { try CallStore.notYetSealed(cipher: unindexed, on: $0) } == 0)
            // The index key arrives: both rows are sealed with the current key, but indexed in clear.
            #expect(try await database.withConnection { try CallStore.notYetSealed(cipher: indexed, on: $0) } == 2)
            #expect(try await Self.reencryptAll(database, cipher: indexed, batch: 1) == 2)
            let indexes = try await database.query("SELECT caller_phone_index FROM calls ORDER BY received_at").map {
                try $0.decode("caller_phone_index", as: String.self)
            }
            #expect(indexes == [indexed.index("13600000001"), indexed.index("13600000002")])
            #expect(try await database.withConnection { try CallStore.notYetSealed(cipher: indexed, on: $0) } == 0)
        }
    }

    /// Re-encrypts batch by batch, as `ReencryptPersonalData` is called until nothing remains; how many moved.
    static func reencryptAll(_ database: PostgresPool, cipher: PersonalDataCipher, batch: Int) async throws -> Int {
        var moved = 0
        while true {
            let count = try await database.transaction { try CallStore.reencrypt(limit: batch, cipher: cipher, on: $0) }
            if count == 0 { return moved }
            moved += count
        }
    }

    @Test("injection strings in every text field are stored and shown exactly, inert")
    func injection() async throws {
        let strings = [
            "'; DROP TABLE calls; --", "\" OR 1=1 --", "<script>alert(1)</script>", "]]><evil/>", "=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|'/C calc'!A0",
            "${jndi:ldap://x/a}", "{{7*7}}",
        ]
        try await TestService.with(IntakeModule.self, access: TestKeys.access()) { base, database in
            for (index, text) in strings.enumerated() {
                let call = try await Self.intake(base, "supervisor").call(
                    IntakeAPI.submitCall,
                    .with {
                        $0.channel = .channel12345
                        $0.externalID = "inj-\(index)"
                        $0.receivedAt = Google_Protobuf_Timestamp(date: Date())
                        $0.callerName = String(text.prefix(50))
                        $0.callerPhone = "1380000\(String(format: "%04d", index))"
                        $0.district = "510104"
                        $0.address = text
                        $0.description_p = "来电人反映：" + text
                        $0.operatorID = "op-1"
                    }
                ).call
                let read = try await Self.intake(base, "supervisor").call(IntakeAPI.getCall, .with { $0.id = call.id }).call
                #expect(read.address == text)
                #expect(read.description_p == "来电人反映：" + text)
            }
            let count = try await database.query("SELECT count(*) AS n FROM calls").first?.decode("n", as: Int64.self)
            #expect(count == Int64(strings.count), "the table is still there and holds every call")
        }
    }
}
