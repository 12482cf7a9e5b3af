import Foundation

/// Polls `condition` until it holds or `timeout` passes; returns whether it held. For asynchronous
/// effects (outbox deliveries) whose timing a test must not assume.
public func eventually(timeout: Duration = .seconds(15), every interval: Duration = .milliseconds(50), _ condition: () async throws -> Bool) async rethrows
    -> Bool
{
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: interval)
    }
    return try await condition()
}

/// A port that nothing listens on right now (for a peer that is "down" until a test starts it).
/// Chosen at random below the kernel's ephemeral ports (32768 and up), where servers started with
/// port 0 and outgoing connections take theirs, so none of them can be answering on it meanwhile.
public func unusedPort() throws -> Int {
    for _ in 0..<200 {
        let port = Int.random(in: 20_000..<32_000)
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        if bound { return port }
    }
    throw TestSetupError("could not find a free port")
}
