import FenliuModel
import Foundation
import HTTPClient
import TestSupport
import Testing

/// Random bytes and random or forged page tokens against every List method of every service, on
/// real processes: every answer is a 2xx or a 4xx, and every service still answers afterwards. A
/// trap (an overflow turning a token into a time, say) would kill the process and fail the test.
@Suite("Fuzzing the List methods", .serialized)
struct FuzzTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct Generator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }

        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }

        mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) } }

        mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }
    }

    /// `(service, path)` of every List method, the admin one on every service.
    static let methods: [(String, String)] =
        [
            ("intake", IntakeAPI.listCalls.path), ("classification", ClassificationAPI.listReviewQueue.path),
            ("routing", RoutingAPI.listTickets.path), ("routing", RoutingAPI.listDepartments.path), ("routing", RoutingAPI.listDisputes.path),
        ] + ["intake", "classification", "routing", "feedback", "reporting"].map { ($0, AdminAPI.listOutbox.path) }

    /// Tokens a client might forge: huge and negative times, wrong kinds, wrong counts, not base64.
    static let forgedTokens: [String] =
        [
            "9223372036854775807|x", "-9223372036854775808|x", "p1\u{1F}\u{1F}t9223372036854775807\u{1F}sx",
            "p1\u{1F}\u{1F}i99999999999999999999\u{1F}t0\u{1F}sx", "p1\u{1F}\u{1F}tNaN\u{1F}s", "p1\u{1F}\u{1F}i2\u{1F}t1764400000000000\u{1F}s",
            "v1\n2026-01-01 00:00:00+00\nnot-a-uuid\nfff", "",
        ].map { base64URL(Array($0.utf8)) } + ["%%%", "====", String(repeating: "A", count: 5000), "😀"]

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    @Test("every answer to random input is 2xx or 4xx, and every service still answers")
    func listMethods() async throws {
        let stack = try await LocalStack.start()
        do {
            try await fuzz(stack)
        } catch {
            await stack.stop()
            throw error
        }
        await stack.stop()
    }

    private func fuzz(_ stack: LocalStack) async throws {
        let client = TestHTTP.client
        var generator = Generator(state: 20_261_205)
        var answered = 0
        for (service, path) in Self.methods {
            let base = try #require(stack.urls[service])
            // A key that may call the method, so the fuzzing reaches the method, not the gate.
            let key = try #require(stack.keys[path.hasPrefix("/\(AdminAPI.service)/") ? "FENLIU_KEY_ADMIN" : "FENLIU_KEY_SUPERVISOR"])
            let headers = [("Content-Type", "application/json"), ("Authorization", "Bearer \(key)")]
            var bodies: [[UInt8]] = (0..<40).map { _ in generator.bytes(generator.int(0...200)) }
            for token in Self.forgedTokens {
                bodies.append(Array(#"{"pageToken":"\#(token)","pageSize":\#(generator.pick([-1, 0, 5, 1000, 2_147_483_647]))}"#.utf8))
            }
            for _ in 0..<30 {
                let token = Self.base64URL(generator.bytes(generator.int(0...64)))
                let size = generator.pick(["-2147483648", "2147483647", "3", "\"9\"", "1e9", "null", "-0"])
                bodies.append(Array(#"{"pageToken":"\#(token)","pageSize":\#(size),"receivedFrom":"9999-12-31T23:59:59Z"}"#.utf8))
            }
            for body in bodies {
                let response = try await client.execute(
                    HTTPClientRequest(method: "POST", url: base + path, headers: headers, body: body))
                #expect((200..<500).contains(response.status), "\(service) \(path) answered \(response.status) to \(String(decoding: body, as: UTF8.self))")
                answered += 1
            }
            // A forged token is named as the bad field.
            let forged = try await client.execute(
                HTTPClientRequest(method: "POST", url: base + path, headers: headers, body: Array(#"{"pageToken":"\#(Self.forgedTokens[0])"}"#.utf8)))
            if path != RoutingAPI.listDepartments.path {
                #expect(forged.status == 400, "\(path)")
                #expect(forged.text.contains("pageToken"), "\(path): \(forged.text)")
            }
        }
        for (service, base) in stack.urls {
            let health = try await client.execute(HTTPClientRequest(url: base + "/healthz"))
            #expect(health.status == 200, "\(service) stopped answering")
        }
        #expect(answered > 500)
    }
}
