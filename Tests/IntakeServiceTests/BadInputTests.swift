import FenliuModel
import Foundation
import HTTPClient
import RPC
import ServiceSupport
import Synchronization
import TestSupport
import Testing

@testable import IntakeService

@Suite("Bad input never becomes a 500 or a half-stored call")
struct BadInputTests {
    static let bodies: [(name: String, body: [UInt8])] = [
        ("empty body", []),
        ("malformed JSON", Array(#"{"channel":"CHANNEL_110","#.utf8)),
        ("wrong type", Array(#"{"channel":"CHANNEL_110","externalId":42}"#.utf8)),
        ("unknown enum name", Array(#"{"channel":"CHANNEL_11O","externalId":"x"}"#.utf8)),
        ("invalid UTF-8", [0x7B, 0x22, 0x64, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D]),
        ("not an object", Array("[1,2]".utf8)),
        ("1 MB description", Array(#"{"description":""#.utf8) + Array(repeating: UInt8(ascii: "a"), count: 1 << 20) + Array(#""}"#.utf8)),
        (
            "NUL in a field",
            Array(
                #"{"channel":"CHANNEL_110","externalId":"a","description":"x\u0000y","callerPhone":"13800138000","district":"510104","receivedAt":"2026-01-01T00:00:00Z"}"#
                    .utf8)
        ),
        ("all fields empty", Array("{}".utf8)),
    ]

    @Test("each malformed SubmitCall is a clear 4xx Connect error and stores nothing", arguments: 0..<bodies.count)
    func malformed(index: Int) async throws {
        let (name, body) = Self.bodies[index]
        try await withIntake { _, _, base, database in
            let response = try await TestHTTP.client.execute(
                HTTPClientRequest(
                    method: "POST", url: base + IntakeAPI.submitCall.path, headers: [("Content-Type", "application/json")], body: body
                ))
            #expect((400..<500).contains(response.status), "\(name): \(response.status)")
            let error = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
            #expect(["invalid_argument", "resource_exhausted"].contains(error?["code"] as? String), "\(name)")
            #expect((error?["message"] as? String)?.isEmpty == false, "\(name)")
            #expect(try await count("calls", in: database) == 0, "\(name)")
            #expect(try await count("outbox", in: database) == 0, "\(name)")
        }
    }

    @Test("a channel sent as the line's number is told it is not a channel, not that it is missing")
    func channelAsNumber() async throws {
        try await withIntake { _, _, base, database in
            for (channel, expected) in [("110", "110 is not a channel"), ("0", "is required"), ("\"CHANNEL_UNSPECIFIED\"", "is required")] {
                let body = #"{"channel":"# + channel + #","externalId":"n-1","description":"路灯坏了","district":"510104","callerPhone":"13800138000"}"#
                let response = try await TestHTTP.client.execute(
                    HTTPClientRequest(
                        method: "POST", url: base + IntakeAPI.submitCall.path, headers: [("Content-Type", "application/json")],
                        body: Array(body.utf8)))
                #expect(response.status == 400, "channel \(channel)")
                let error = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
                #expect(error?["code"] as? String == "invalid_argument", "channel \(channel)")
                let message = error?["message"] as? String ?? ""
                #expect(message.contains("channel") && message.contains(expected), "channel \(channel): \(message)")
            }
            #expect(try await count("calls", in: database) == 0)
        }
    }

    @Test("a description longer than 2000 characters inside the body limit is refused by field")
    func longDescription() async throws {
        try await withIntake { client, _, _, _ in
            var request = sampleCall()
            request.description_p = String(repeating: "长", count: 2001)
            let error = await #expect(throws: ConnectError.self) { try await client.call(IntakeAPI.submitCall, request) }
            #expect(error?.fieldViolations.map(\.field) == ["description"])
        }
    }
}
