import NIOPosix
import Synchronization

/// An HTTP/1.1 client over libcurl.
///
/// libcurl blocks, so every exchange runs on this client's own `NIOThreadPool`. Easy handles are kept
/// and reused, which keeps connections to the same host alive between calls.
public final class HTTPClient: Sendable {
    /// Time limits and concurrency.
    public struct Configuration: Sendable {
        /// How long to wait for a TCP connection.
        public var connectTimeout: Duration
        /// How long a whole exchange may take unless the request says otherwise.
        public var requestTimeout: Duration
        /// How many exchanges run at once; more wait in line.
        public var maximumConcurrentRequests: Int

        /// Creates a configuration.
        public init(connectTimeout: Duration = .seconds(2), requestTimeout: Duration = .seconds(10), maximumConcurrentRequests: Int = 8) {
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.maximumConcurrentRequests = maximumConcurrentRequests
        }
    }

    /// Time limits and concurrency.
    public let configuration: Configuration
    private let threadPool: NIOThreadPool
    private let idleHandles = Mutex<[CurlEasyHandle]>([])

    /// Creates a client with its threads.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.threadPool = NIOThreadPool(numberOfThreads: max(1, configuration.maximumConcurrentRequests))
        threadPool.start()
    }

    /// Sends a request and waits for the whole response.
    public func execute(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        let connectTimeout = configuration.connectTimeout
        let timeout = request.timeout ?? configuration.requestTimeout
        do {
            return try await threadPool.runIfActive { [self] in
                let handle = try idleHandles.withLock { $0.popLast() } ?? CurlEasyHandle()
                defer { idleHandles.withLock { $0.append(handle) } }
                return try handle.perform(request, connectTimeout: connectTimeout, timeout: timeout)
            }
        } catch is NIOThreadPoolError.ThreadPoolInactive {
            throw HTTPClientError(code: .clientClosed, message: "the HTTP client is shut down")
        }
    }

    /// Stops the threads; requests after this fail with `clientClosed`.
    public func shutdown() async throws {
        try await threadPool.shutdownGracefully()
        idleHandles.withLock { $0.removeAll() }
    }
}
