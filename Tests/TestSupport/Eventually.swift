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
public func unusedPort() throws -> Int {
    let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
            bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
        }
    }
    guard bound else { throw TestSetupError("could not find a free port") }
    return Int(UInt16(bigEndian: address.sin_port))
}
