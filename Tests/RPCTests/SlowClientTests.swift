import FenliuModel
import Foundation
import HTTPClient
import NIOCore
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Slow clients (slowloris) against a real server over a raw TCP socket: neither a dripped head nor a
/// dripped body keeps a connection, or a call slot, for long.
@Suite("Slow clients")
struct SlowClientTests {
    /// A TCP connection to 127.0.0.1 whose reads never wait, so the test can send a byte at a time and
    /// notice when the server answers or closes without holding one of Swift's cooperative threads
    /// (a blocking `recv` here starved the servers of other tests running beside it: CI saw their
    /// calls time out).
    final class RawConnection {
        let descriptor: Int32

        init(port: Int) throws {
            descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { throw TestSetupError("connect failed: errno \(errno)") }
            var one: Int32 = 1
            setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        }

        deinit { close(descriptor) }

        /// Sends `text`; false once the server has closed the connection.
        func send(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
        }

        enum Read: Equatable {
            case nothingYet
            case bytes(String)
            case closed
        }

        /// What has arrived so far, without waiting.
        func read() -> Read {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count > 0 { return .bytes(String(decoding: buffer[..<count], as: UTF8.self)) }
            if count == 0 { return .closed }
            return errno == EAGAIN || errno == EWOULDBLOCK ? .nothingYet : .closed
        }

        /// Sends a byte every `interval` until the server closes the connection or `limit` has passed,
        /// and returns what the server answered. The limit is checked after each read, so however long
        /// a loaded machine held this task up, the connection is looked at once more past the limit
        /// (CI once saw a loop that checked the clock first end with no look after a stall).
        func drip(every interval: Duration, for limit: Duration) async throws -> (answer: String, closed: Bool, elapsed: Duration) {
            let start = ContinuousClock.now
            var answer = ""
            while true {
                var closed = !send("a")
                switch read() {
                case .bytes(let text): answer += text
                case .closed: closed = true
                case .nothingYet: break
                }
                let elapsed = ContinuousClock.now - start
                if closed || elapsed >= limit { return (answer, closed, elapsed) }
                try await Task.sleep(for: interval)
            }
        }
    }

    @Test("a body dripped a byte at a time is answered 408 deadline_exceeded and closed, and frees its call slot")
    func slowBody() async throws {
        let router = TestRouter.make(maximumConcurrentCalls: 1, maximumBodyReadTime: .seconds(1))
        try await RunningApplication.with(router: router, idleTimeout: .seconds(60)) { base in
            let port = try #require(Int(base.split(separator: ":").last ?? ""))
            let connection = try RawConnection(port: port)
            let head =
                "POST \(IntakeAPI.getCall.path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"id\":\""
            #expect(connection.send(head))
            // Drip a byte every 50 ms for up to 30 s: well inside the 60 s idle timeout, and long
            // enough for a 1 s body deadline to be answered while the rest of a run keeps both cores busy.
            let (answer, closed, _) = try await connection.drip(every: .milliseconds(50), for: .seconds(30))
            #expect(answer.hasPrefix("HTTP/1.1 408"), "got: \(answer)")
            #expect(answer.contains("deadline_exceeded"))
            #expect(closed, "the server closes the connection after answering")
            // The only call slot is free again.
            let response = try await TestHTTP.client.execute(
                HTTPClientRequest(
                    method: "POST", url: base + IntakeAPI.getCall.path, headers: [("Content-Type", "application/json")],
                    body: Array(#"{"id":"x"}"#.utf8)))
            #expect(response.status == 200)
        }
    }

    @Test("a head dripped a byte at a time is closed after the idle timeout: dripping does not keep it open")
    func slowHead() async throws {
        try await RunningApplication.with(router: TestRouter.make(), idleTimeout: .seconds(2)) { base in
            let port = try #require(Int(base.split(separator: ":").last ?? ""))
            let connection = try RawConnection(port: port)
            #expect(connection.send("POST \(IntakeAPI.getCall.path) HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "))
            // Drip for up to 60 s against a 2 s idle timeout: a server that let each byte reset the
            // timer would keep the connection for the whole minute.
            let (_, closed, elapsed) = try await connection.drip(every: .milliseconds(100), for: .seconds(60))
            #expect(closed, "dripping kept the connection open for \(elapsed)")
            #expect(elapsed >= .seconds(1), "not before the idle timeout")
        }
    }
}
