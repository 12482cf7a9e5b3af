import Hummingbird
import Logging
import ServiceLifecycle

/// Runs an application on 127.0.0.1 for the length of `body`, then shuts it down.
public enum RunningApplication {
    /// Builds with `make` (which receives the callback that reports the bound port), runs it, and
    /// calls `body` with `http://127.0.0.1:<port>`.
    public static func with<App: ApplicationProtocol, T: Sendable>(
        _ make: (@escaping @Sendable (Int) async -> Void) async throws -> App,
        _ body: (String) async throws -> T
    ) async throws -> T {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = try await make { port in continuation.yield(port) }
        // Stopped by a graceful shutdown, not by cancelling the task that serves: a connection
        // accepted but not yet handed to the server when its task is cancelled traps in NIO
        // ("Deinited NIOAsyncWriter without calling finish()", apple/swift-nio#3481) — it took a
        // whole test run down once (stop 30).
        let services = ServiceGroup(
            configuration: .init(services: [application], gracefulShutdownSignals: [], logger: Logger(label: "test-server")))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            // A server that does not finish within the grace period is cancelled after all.
            func stop() async {
                await services.triggerGracefulShutdown()
                group.addTask { try? await Task.sleep(for: Self.gracePeriod) }
                _ = try? await group.next()
                group.cancelAll()
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                await stop()
                throw TestSetupError("the server never reported its port")
            }
            do {
                let result = try await body("http://127.0.0.1:\(port)")
                await stop()
                return result
            } catch {
                await stop()
                throw error
            }
        }
    }

    /// How long a stopping server may take to finish the requests it holds.
    static let gracePeriod = Duration.seconds(10)

    /// Runs a plain router (a stand-in peer or webhook receiver) on a free port.
    /// `idleTimeout` closes connections that have sent no complete request part for that long.
    public static func with<T: Sendable>(
        router: Router<BasicRequestContext>, idleTimeout: Duration? = nil, _ body: (String) async throws -> T
    ) async throws -> T {
        try await with(
            { onRunning in
                Application(
                    router: router, server: .http1(configuration: .init(idleTimeout: idleTimeout.map { .milliseconds($0.components.seconds * 1000) })),
                    configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                    onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
                    logger: Logger(label: "test-server")
                )
            }, body)
    }
}
