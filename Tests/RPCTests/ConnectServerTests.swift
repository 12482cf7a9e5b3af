import CompressNIO
import FenliuModel
import Foundation
import HTTPClient
import NIOCore
import RPC
import SwiftProtobuf
import Synchronization
import TestSupport
import Testing

@Suite("Connect unary over HTTP/JSON")
struct ConnectServerTests {
    let client = TestHTTP.client

    func post(_ base: String, _ path: String, body: [UInt8], headers: [(name: String, value: String)] = [("Content-Type", "application/json")]) async throws
        -> HTTPClientResponse
    {
        try await client.execute(HTTPClientRequest(method: "POST", url: base + path, headers: headers, body: body))
    }

    func errorBody(_ response: HTTPClientResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    @Test("every Connect code has the status of the table and Connect's error shape", arguments: ConnectCode.allCases)
    func errorTable(code: ConnectCode) async throws {
        let expected: [ConnectCode: Int] = [
            .invalidArgument: 400, .unauthenticated: 401, .permissionDenied: 403, .notFound: 404, .alreadyExists: 409,
            .aborted: 409, .failedPrecondition: 400, .outOfRange: 400, .resourceExhausted: 429, .canceled: 499,
            .unimplemented: 501, .internal: 500, .unknown: 500, .dataLoss: 500, .unavailable: 503, .deadlineExceeded: 504,
        ]
        try await RunningApplication.with(router: TestRouter.make()) { base in
            let response = try await post(base, IntakeAPI.getCall.path, body: Array(#"{"id":"\#(code.rawValue)"}"#.utf8))
            #expect(response.status == expected[code])
            #expect(response.header("Content-Type") == "application/json")
            let body = try errorBody(response)
            #expect(body["code"] as? String == code.rawValue)
            #expect(body["message"] as? String == "asked for \(code.rawValue)")
            // The client side turns the body back into the same error.
            let error = await #expect(throws: ConnectError.self) {
                try await RPCClient(baseURL: base, httpClient: client, timeout: TestHTTP.rpcTimeout).call(IntakeAPI.getCall, .with { $0.id = code.rawValue })
            }
            #expect(error?.code == code)
        }
    }

    @Test("a successful call answers 200 with proto3 JSON; the client decodes it")
    func success() async throws {
        try await RunningApplication.with(router: TestRouter.make()) { base in
            let response = try await RPCClient(baseURL: base, httpClient: client, timeout: TestHTTP.rpcTimeout)
                .call(IntakeAPI.getCall, .with { $0.id = "c-1" }, headers: [("X-Note", "hello")])
            #expect(response.call.id == "c-1")
            #expect(response.call.description_p == "hello")
            let raw = try await post(
                base, IntakeAPI.submitCall.path, body: Array(#"{"channel":"CHANNEL_110","description":"有人打架","elements":{"weapon":"刀"}}"#.utf8))
            #expect(raw.status == 200)
            #expect(raw.header("Content-Type") == "application/json")
            #expect(raw.text.contains(#""channel":"CHANNEL_110""#))
            #expect(raw.text.contains(#""weapon":"刀""#))
        }
    }

    @Test("original proto field names and unknown fields are accepted")
    func lenientJSON() async throws {
        try await RunningApplication.with(router: TestRouter.make()) { base in
            let response = try await post(
                base, IntakeAPI.submitCall.path, body: Array(#"{"caller_phone":"13800000000","description":"x","futureField":1}"#.utf8))
            #expect(response.status == 200)
        }
    }

    @Test("a gzip-compressed request body is accepted")
    func gzipBody() async throws {
        try await RunningApplication.with(router: TestRouter.make()) { base in
            var plain = ByteBuffer(string: #"{"id":"gz-7"}"#)
            let compressed = try plain.compress(with: .gzip())
            let response = try await post(
                base, IntakeAPI.getCall.path, body: Array(compressed.readableBytesView),
                headers: [
                    ("Content-Type", "application/json"), ("Content-Encoding", "gzip"),
                ])
            #expect(response.status == 200)
            #expect(response.text.contains("gz-7"))
            let corrupt = try await post(
                base, IntakeAPI.getCall.path, body: [1, 2, 3],
                headers: [
                    ("Content-Type", "application/json"), ("Content-Encoding", "gzip"),
                ])
            #expect(corrupt.status == 400)
            let brotli = try await post(
                base, IntakeAPI.getCall.path, body: [1, 2, 3],
                headers: [
                    ("Content-Type", "application/json"), ("Content-Encoding", "br"),
                ])
            #expect(try errorBody(brotli)["code"] as? String == "unimplemented")
            // The limit (4,096 bytes here) holds for what the body inflates to, exactly: a body
            // inflating to 5,000 bytes is refused as a plain one of that size is (CompressNIO's own
            // bound rounds up to its buffer's growth, and let bodies of up to twice the limit in);
            // one inflating to just under the limit is read.
            for (size, status) in [(5_000, 429), (4_000, 200)] {
                let text = #"{"id":"x","pad":""# + String(repeating: "a", count: size - 20) + #""}"#
                var inflated = ByteBuffer(string: text)
                let deflated = try inflated.compress(with: .gzip())
                let response = try await post(
                    base, IntakeAPI.getCall.path, body: Array(deflated.readableBytesView),
                    headers: [("Content-Type", "application/json"), ("Content-Encoding", "gzip")])
                #expect(response.status == status, "\(text.utf8.count) bytes inflated: \(response.text)")
            }
        }
    }

    @Test("a wrong HTTP method is 405 with Allow; a wrong content type is 415")
    func methodAndMediaType() async throws {
        try await RunningApplication.with(router: TestRouter.make()) { base in
            let put = try await client.execute(HTTPClientRequest(method: "PUT", url: base + IntakeAPI.submitCall.path))
            #expect(put.status == 405)
            #expect(put.header("Allow") == "POST")
            let get = try await client.execute(HTTPClientRequest(url: base + IntakeAPI.submitCall.path))
            #expect(get.status == 405)
            let proto = try await post(base, IntakeAPI.getCall.path, body: [0x0a, 0x01, 0x41], headers: [("Content-Type", "application/proto")])
            #expect(proto.status == 415)
            let none = try await post(base, IntakeAPI.getCall.path, body: Array("{}".utf8), headers: [])
            #expect(none.status == 415)
        }
    }

    @Test("a method without side effects also answers Connect GET")
    func connectGet() async throws {
        try await RunningApplication.with(router: TestRouter.make()) { base in
            let message = #"{"id":"via-get"}"#.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let response = try await client.execute(HTTPClientRequest(url: base + IntakeAPI.getCall.path + "?connect=v1&encoding=json&message=" + message))
            #expect(response.status == 200)
            #expect(response.text.contains("via-get"))
            // What is wrong is said in a GET's own terms: its encoding parameter, its message.
            let noEncoding = try await client.execute(HTTPClientRequest(url: base + IntakeAPI.getCall.path + "?message=" + message))
            #expect(noEncoding.status == 415)
            #expect(noEncoding.text.contains("encoding=json") && !noEncoding.text.contains("Content-Type"), "\(noEncoding.text)")
            let badMessage = try await client.execute(HTTPClientRequest(url: base + IntakeAPI.getCall.path + "?encoding=json&message=%7Bnot"))
            #expect(badMessage.status == 400)
            #expect(badMessage.text.contains("the query's message is not valid JSON"), "\(badMessage.text)")
            let laterVersion = try await client.execute(
                HTTPClientRequest(url: base + IntakeAPI.getCall.path + "?connect=v2&encoding=json&message=" + message))
            #expect(laterVersion.status == 400 && laterVersion.text.contains("connect must be v1"), "as the header's version is held")
        }
    }

    @Test("bad bodies get invalid_argument naming the problem, never a 500")
    func badBodies() async throws {
        try await RunningApplication.with(router: TestRouter.make()) { base in
            let cases: [(body: [UInt8], says: String)] = [
                ([], "empty"),
                (Array("{not json".utf8), "not valid JSON"),
                (Array("[1,2]".utf8), "JSON object"),
                ([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d], "UTF-8"),
                (Array(#"{"channel":"CHANNEL_999"}"#.utf8), "channel"),
                (Array(#"{"latitude":"north"}"#.utf8), "latitude"),
                (Array(#"{"elements":["a"]}"#.utf8), "elements:"),
                (Array(#"{"elements":{"weapon":1}}"#.utf8), "elements.weapon:"),
            ]
            for (body, says) in cases {
                let response = try await post(base, IntakeAPI.submitCall.path, body: body)
                #expect(response.status == 400, "\(says)")
                let error = try errorBody(response)
                #expect(error["code"] as? String == "invalid_argument")
                #expect((error["message"] as? String)?.contains(says) == true, "\(error) should mention \(says)")
            }
        }
    }

    @Test("text with a NUL character is invalid_argument naming the field, never stored cut short")
    func refusesNUL() async throws {
        try await RunningApplication.with(router: TestRouter.make()) { base in
            let response = try await post(base, IntakeAPI.submitCall.path, body: Array(#"{"channel":"CHANNEL_110","description":"有人\u0000打架"}"#.utf8))
            #expect(response.status == 400)
            let body = try errorBody(response)
            #expect(body["code"] as? String == "invalid_argument")
            #expect((body["message"] as? String)?.hasPrefix("description:") == true)
            let nested = try await post(base, IntakeAPI.submitCall.path, body: Array(#"{"elements":{"weapon":"刀\u0000"}}"#.utf8))
            #expect((try errorBody(nested)["message"] as? String)?.hasPrefix("elements:") == true)
            // An escaped backslash followed by "u0000" is plain text, not a NUL.
            let literal = try await post(base, IntakeAPI.submitCall.path, body: Array(#"{"description":"C:\\u0000"}"#.utf8))
            #expect(literal.status == 200)
        }
    }

    @Test("field violations travel as a google.rpc.BadRequest detail")
    func fieldViolations() async throws {
        try await RunningApplication.with(router: TestRouter.make()) { base in
            let error = await #expect(throws: ConnectError.self) {
                try await RPCClient(baseURL: base, httpClient: client, timeout: TestHTTP.rpcTimeout).call(
                    IntakeAPI.submitCall, .with { $0.callerPhone = "bad" })
            }
            #expect(error?.fieldViolations.map(\.field) == ["callerPhone", "district"])
            let raw = try await post(base, IntakeAPI.submitCall.path, body: Array(#"{"callerPhone":"bad"}"#.utf8))
            let details = try #require(try errorBody(raw)["details"] as? [[String: Any]])
            #expect(details.first?["type"] as? String == "google.rpc.BadRequest")
            #expect((details.first?["value"] as? String)?.isEmpty == false)
        }
    }

    @Test("a body over the limit is refused with resource_exhausted")
    func tooLarge() async throws {
        try await RunningApplication.with(router: TestRouter.make()) { base in
            let huge = Array(#"{"description":""#.utf8) + Array(repeating: UInt8(ascii: "a"), count: 100_000) + Array(#""}"#.utf8)
            let response = try await post(base, IntakeAPI.submitCall.path, body: huge)
            #expect(response.status == 429)
            #expect(try errorBody(response)["code"] as? String == "resource_exhausted")
        }
    }

    @Test("Connect-Timeout-Ms is honoured")
    func timeout() async throws {
        try await RunningApplication.with(router: TestRouter.make()) { base in
            let response = try await post(
                base, IntakeAPI.getCall.path, body: Array(#"{"id":"slow"}"#.utf8),
                headers: [
                    ("Content-Type", "application/json"), ("Connect-Timeout-Ms", "100"),
                ])
            #expect(response.status == 504)
            #expect(try errorBody(response)["code"] as? String == "deadline_exceeded")
            let bad = try await post(
                base, IntakeAPI.getCall.path, body: Array("{}".utf8),
                headers: [
                    ("Content-Type", "application/json"), ("Connect-Timeout-Ms", "soon"),
                ])
            #expect(bad.status == 400)
        }
    }

    @Test("an unexpected error becomes internal with a fixed message")
    func internalErrorsStayInside() async throws {
        try await RunningApplication.with(router: TestRouter.make()) { base in
            let response = try await post(base, IntakeAPI.getCall.path, body: Array(#"{"id":"crash"}"#.utf8))
            #expect(response.status == 500)
            let body = try errorBody(response)
            #expect(body["code"] as? String == "internal")
            #expect(body["message"] as? String == "internal error")
        }
    }

    @Test("the client maps an unreachable peer to unavailable and a non-Connect status by the table")
    func clientFallbacks() async throws {
        let unreachable = await #expect(throws: ConnectError.self) {
            try await RPCClient(baseURL: "http://127.0.0.1:1", httpClient: client, timeout: TestHTTP.rpcTimeout).call(IntakeAPI.getCall, .init())
        }
        #expect(unreachable?.code == .unavailable)
        try await RunningApplication.with(router: TestRouter.make()) { base in
            let missing = await #expect(throws: ConnectError.self) {
                _ = try await RPCClient(baseURL: base, httpClient: client, timeout: TestHTTP.rpcTimeout).send(
                    path: "/no.such.Service/Method", jsonBody: Array("{}".utf8))
            }
            #expect(missing?.code == .unimplemented)
        }
    }

    @Test("a body nested deeper than 32 levels is invalid_argument before any parser recurses into it")
    func nesting() async throws {
        try await RunningApplication.with(router: TestRouter.make()) { base in
            let deep = Array(("{\"elements\":" + String(repeating: "[", count: 500) + String(repeating: "]", count: 500) + "}").utf8)
            let response = try await post(base, IntakeAPI.submitCall.path, body: deep)
            #expect(response.status == 400)
            #expect(response.text.contains("deeper than 32"))
            // Brackets inside strings do not count.
            let text = Array(("{\"description\":\"" + String(repeating: "[{", count: 200) + "\"}").utf8)
            #expect(try await post(base, IntakeAPI.submitCall.path, body: text).status == 200)
        }
    }

    @Test("headers larger than the limit are resource_exhausted")
    func headerLimit() async throws {
        try await RunningApplication.with(router: TestRouter.make()) { base in
            let response = try await post(
                base, IntakeAPI.getCall.path, body: Array(#"{"id":"x"}"#.utf8),
                headers: [("Content-Type", "application/json"), ("X-Padding", String(repeating: "a", count: 9000))])
            #expect(response.status == 429)
            #expect(response.text.contains("headers are larger"))
        }
    }

    @Test("beyond the concurrent-call limit a call is shed at once with unavailable and Retry-After")
    func sheddingLoad() async throws {
        // The first call holds the only slot until the test lets it go, however slow the machine;
        // the test asks only once it is known to be inside the handler.
        let held = Mutex(true)
        let inside = Mutex(false)
        let router = TestRouter.make(maximumConcurrentCalls: 1, held: { held.withLock { $0 } }, holding: { inside.withLock { $0 = true } })
        try await RunningApplication.with(router: router) { base in
            async let holding = post(base, IntakeAPI.getCall.path, body: Array(#"{"id":"hold"}"#.utf8))
            let holds = await eventually(timeout: .seconds(60)) { inside.withLock { $0 } }
            #expect(holds, "the holding call reached its handler")
            let refused = try await post(base, IntakeAPI.getCall.path, body: Array(#"{"id":"x"}"#.utf8))
            held.withLock { $0 = false }
            #expect(refused.status == 503)
            #expect(refused.text.contains("unavailable"))
            #expect(refused.header("Retry-After") == "1")
            #expect(try await holding.status == 200)
            #expect(try await post(base, IntakeAPI.getCall.path, body: Array(#"{"id":"x"}"#.utf8)).status == 200, "the slot is free again")
        }
    }
}
