import Foundation
import HTTPClient
import HTTPTypes
import Hummingbird
import NIOCore
import TestSupport
import Testing

@Suite("HTTPClient over libcurl against a live server")
struct HTTPClientTests {
    static func echoRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/echo") { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            return Response(
                status: .created,
                headers: [.contentType: "text/plain", HTTPField.Name("X-Seen")!: request.headers[HTTPField.Name("X-Test")!] ?? "none"],
                body: .init(byteBuffer: body)
            )
        }
        router.get("/slow") { _, _ in
            try await Task.sleep(for: .seconds(2))
            return "late"
        }
        router.put("/method") { request, _ in request.method.rawValue }
        return router
    }

    @Test("posts a body with headers and reads status, headers and body")
    func postEcho() async throws {
        let client = HTTPClient()
        defer { Task { try? await client.shutdown() } }
        try await RunningApplication.with(router: Self.echoRouter()) { base in
            let body = Array("报警人称：有人打架".utf8)
            let response = try await client.execute(
                HTTPClientRequest(
                    method: "POST", url: base + "/echo", headers: [("X-Test", "yes")], body: body))
            #expect(response.status == 201)
            #expect(response.body == body)
            #expect(response.header("x-seen") == "yes")
            #expect(response.header("Content-Type") == "text/plain")
        }
    }

    @Test("reuses handles across many calls, including concurrent ones")
    func manyCalls() async throws {
        let client = HTTPClient(configuration: .init(maximumConcurrentRequests: 4))
        defer { Task { try? await client.shutdown() } }
        try await RunningApplication.with(router: Self.echoRouter()) { base in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        let response = try await client.execute(HTTPClientRequest(method: "POST", url: base + "/echo", body: Array("\(index)".utf8)))
                        return Int(response.text) ?? -1
                    }
                }
                let seen = try await group.reduce(into: Set<Int>()) { $0.insert($1) }
                #expect(seen == Set(0..<40))
            }
            let put = try await client.execute(HTTPClientRequest(method: "PUT", url: base + "/method"))
            #expect(put.text == "PUT")
        }
    }

    @Test("a refused connection is couldNotConnect")
    func refused() async throws {
        let client = HTTPClient()
        defer { Task { try? await client.shutdown() } }
        let error = await #expect(throws: HTTPClientError.self) {
            try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:1/"))
        }
        #expect(error?.code == .couldNotConnect)
    }

    @Test("a slow server runs into the time limit")
    func timeout() async throws {
        let client = HTTPClient()
        defer { Task { try? await client.shutdown() } }
        try await RunningApplication.with(router: Self.echoRouter()) { base in
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.execute(HTTPClientRequest(url: base + "/slow", timeout: .milliseconds(200)))
            }
            #expect(error?.code == .timedOut)
        }
    }

    @Test("only http and https URLs are fetched")
    func protocols() async throws {
        let client = HTTPClient()
        defer { Task { try? await client.shutdown() } }
        await #expect(throws: HTTPClientError.self) {
            try await client.execute(HTTPClientRequest(url: "file:///etc/passwd"))
        }
    }
}

@Suite("HTTPClient: what it keeps of a response")
struct ResponseLimitTests {
    /// A server answering `/big` with 5 MiB, and `/bomb` with 64 MiB of zeros gzip-compressed to ~64 KiB.
    static func router() async throws -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/big") { _, _ in
            Response(status: .ok, body: .init(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "x"), count: 5 << 20)))
        }
        let bomb = try await gzip(count: 64 << 20)
        router.get("/bomb") { _, _ in
            Response(status: .ok, headers: [.contentEncoding: "gzip"], body: .init(byteBuffer: ByteBuffer(bytes: bomb)))
        }
        return router
    }

    /// `count` zero bytes, gzip-compressed by the system's gzip, run on a thread of its own (compressing
    /// 64 MiB on a cooperative thread starved the servers of other tests running beside it).
    static func gzip(count: Int) async throws -> [UInt8] {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("bomb-\(UUID().uuidString).gz")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try await Subprocess.run("/bin/sh", ["-c", "head -c \(count) /dev/zero | gzip -c > '\(output.path)'"])
        guard result.status == 0 else { throw TestSetupError("gzip failed: \(result.standardError)") }
        return Array(try Data(contentsOf: output))
    }

    @Test("a body over the request's limit fails the exchange instead of filling memory, compressed or not")
    func limits() async throws {
        try await RunningApplication.with(router: try await Self.router()) { base in
            let big = await #expect(throws: HTTPClientError.self) {
                try await TestHTTP.client.execute(HTTPClientRequest(url: base + "/big", responseBody: .collect(upTo: 1 << 20)))
            }
            #expect(big?.code == .responseTooLarge)
            let bomb = await #expect(throws: HTTPClientError.self) {
                try await TestHTTP.client.execute(HTTPClientRequest(url: base + "/bomb"))
            }
            #expect(bomb?.code == .responseTooLarge)
            let fits = try await TestHTTP.client.execute(HTTPClientRequest(url: base + "/big", responseBody: .collect(upTo: 8 << 20)))
            #expect(fits.body.count == 5 << 20)
        }
    }

    @Test("a discarded body is read and dropped, however large")
    func discard() async throws {
        try await RunningApplication.with(router: try await Self.router()) { base in
            let response = try await TestHTTP.client.execute(HTTPClientRequest(url: base + "/bomb", responseBody: .discard))
            #expect(response.status == 200)
            #expect(response.body.isEmpty)
        }
    }
}
