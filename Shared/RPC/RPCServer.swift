import CompressNIO
import FenliuModel
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import SwiftProtobuf
import Synchronization

/// Serves Connect unary methods (JSON) on a Hummingbird router.
///
/// One place turns every failure into Connect's error shape: a `ConnectErrorConvertible` keeps its
/// code and message, anything else becomes `internal` with a fixed message and is logged in full.
public struct RPCServer<Context: RequestContext> {
    /// Limits applied to every call.
    public struct Configuration: Sendable {
        /// Largest request body accepted, compressed or not, in bytes.
        public var maximumBodyBytes: Int
        /// Largest total size of a request's header fields, in bytes (larger: `resource_exhausted`).
        public var maximumHeaderBytes: Int
        /// Most calls served at once; one more is shed with `unavailable` and `Retry-After`, rather
        /// than queued without bound.
        public var maximumConcurrentCalls: Int
        /// Longest a client may take to send a request's body once its head has arrived; a slower
        /// one (slowloris) is answered 408 `deadline_exceeded` and its connection closed, so it
        /// cannot hold a call slot. A slow *head* is bounded by the server's idle timeout, which only
        /// a complete head, body chunk or end resets.
        public var maximumBodyReadTime: Duration
        /// Who may call what (keys, scopes, rate limits); `nil` admits everyone.
        public var gate: (any RPCGate)?

        /// Creates a configuration.
        public init(
            maximumBodyBytes: Int = 64 * 1024, maximumHeaderBytes: Int = 16 * 1024, maximumConcurrentCalls: Int = 256,
            maximumBodyReadTime: Duration = .seconds(10), gate: (any RPCGate)? = nil
        ) {
            self.maximumBodyBytes = maximumBodyBytes
            self.maximumHeaderBytes = maximumHeaderBytes
            self.maximumConcurrentCalls = maximumConcurrentCalls
            self.maximumBodyReadTime = maximumBodyReadTime
            self.gate = gate
        }
    }

    private let router: Router<Context>
    private let configuration: Configuration
    /// Calls being served now, across every method.
    private let inFlight = CallCounter()
    private let observer: (any RPCObserver)?
    private let logger: Logger

    /// Creates a server that adds its routes to `router`.
    public init(router: Router<Context>, configuration: Configuration = Configuration(), observer: (any RPCObserver)? = nil, logger: Logger) {
        self.router = router
        self.configuration = configuration
        self.observer = observer
        self.logger = logger
    }

    /// Serves `method` with `handler`: `POST` always, `GET` too when the method has no side effects;
    /// any other HTTP method on the path answers 405 with `Allow`.
    public func register<Request: SwiftProtobuf.Message, Response: SwiftProtobuf.Message>(
        _ method: RPCMethod<Request, Response>,
        handler: @escaping @Sendable (Request, RPCContext) async throws -> Response
    ) {
        let path = RouterPath(method.path)
        let allowed = method.hasNoSideEffects ? "GET, POST" : "POST"
        let call = Call(method: method, handler: handler, configuration: configuration, inFlight: inFlight, observer: observer, logger: logger)
        router.post(path) { request, _ in await call.serve(request, viaGet: false) }
        if method.hasNoSideEffects {
            router.get(path) { request, _ in await call.serve(request, viaGet: true) }
        }
        for other: HTTPRequest.Method in [.get, .put, .delete, .patch, .head, .options] where !(other == .get && method.hasNoSideEffects) {
            router.on(path, method: other) { _, _ in
                Hummingbird.Response(
                    status: .methodNotAllowed, headers: [.allow: allowed, .contentType: "application/json"],
                    body: .init(byteBuffer: ByteBuffer(bytes: Array(#"{"code":"unimplemented","message":"use \#(allowed)"}"#.utf8))))
            }
        }
    }

    /// One registered method: decoding, the handler, encoding and errors.
    private struct Call<Request: SwiftProtobuf.Message, Response: SwiftProtobuf.Message>: Sendable {
        let method: RPCMethod<Request, Response>
        let handler: @Sendable (Request, RPCContext) async throws -> Response
        let configuration: Configuration
        let inFlight: CallCounter
        let observer: (any RPCObserver)?
        let logger: Logger

        func serve(_ request: Hummingbird.Request, viaGet: Bool) async -> Hummingbird.Response {
            let start = ContinuousClock.now
            var callLogger = logger
            callLogger[metadataKey: "rpc.method"] = "\(method.service)/\(method.name)"
            var result: Hummingbird.Response
            var code: ConnectCode?
            do {
                guard inFlight.enter(limit: configuration.maximumConcurrentCalls) else {
                    throw ConnectError(.unavailable, "the service is busy; try again shortly", retryAfterSeconds: 1)
                }
                defer { inFlight.leave() }
                let headerBytes = request.headers.reduce(0) { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count + 4 }
                guard headerBytes <= configuration.maximumHeaderBytes else {
                    throw ConnectError(.resourceExhausted, "request headers are larger than \(configuration.maximumHeaderBytes) bytes")
                }
                let timeout = try Self.timeout(from: request.headers)
                let logger = callLogger
                let serve: @Sendable () async throws -> Response = {
                    let message = try await viaGet ? decodeGet(request) : decodePost(request)
                    let context = RPCContext(
                        path: method.path, headers: request.headers, deadline: timeout.map { start + $0 }, logger: logger
                    )
                    return try await Self.withTimeout(timeout) { try await handler(message, context) }
                }
                // The gate looks at the caller's key before the body is read, so a caller without
                // one learns that first, whatever it sent.
                let response =
                    if let gate = configuration.gate {
                        try await gate.admit(path: method.path, headers: request.headers, serve)
                    } else {
                        try await serve()
                    }
                result = Self.json(status: .ok, bytes: try RPCMessageCoding.encode(response))
            } catch is SlowRequestBody {
                code = .deadlineExceeded
                let seconds = configuration.maximumBodyReadTime.components.seconds
                result = Self.errorResponse(
                    ConnectError(.deadlineExceeded, "the request body did not arrive within \(seconds) s"), status: .requestTimeout)
                result.headers[.connection] = "close"
            } catch let unsupported as UnsupportedMediaType {
                code = .unimplemented
                result = Self.errorResponse(
                    ConnectError(.unimplemented, "unsupported media type: \(unsupported.advice)"), status: .unsupportedMediaType)
            } catch {
                let connectError = ConnectError.answering(error, logger: callLogger)
                code = connectError.code
                result = Self.errorResponse(connectError)
            }
            observer?.callEnded(path: method.path, code: code, duration: ContinuousClock.now - start)
            return result
        }

        private func decodePost(_ request: Hummingbird.Request) async throws -> Request {
            let contentType = request.headers[.contentType]?.split(separator: ";").first.map { String($0).trimmingSpaces.lowercased() }
            guard contentType == "application/json" else {
                throw UnsupportedMediaType()
            }
            if let version = request.headers[HTTPField.Name("Connect-Protocol-Version")!], version.trimmingSpaces != "1" {
                throw ConnectError(.invalidArgument, "Connect-Protocol-Version must be 1")
            }
            let body: ByteBuffer
            do {
                let limit = configuration.maximumBodyBytes
                body = try await Self.withTimeout(configuration.maximumBodyReadTime, failure: SlowRequestBody()) {
                    var request = request
                    return try await request.collectBody(upTo: limit)
                }
            } catch is NIOTooManyBytesError {
                throw tooLarge()
            }
            let encoding = request.headers[.contentEncoding]?.trimmingSpaces.lowercased()
            let bytes = try decompress(body, encoding: encoding)
            return try RPCMessageCoding.decode(Request.self, from: bytes)
        }

        /// Connect GET: `?encoding=json&message=…[&base64=1][&compression=gzip]`.
        private func decodeGet(_ request: Hummingbird.Request) async throws -> Request {
            let query = request.uri.queryParameters
            guard query.get("encoding") == "json" else {
                throw UnsupportedMediaType(advice: "a GET carries encoding=json in its query")
            }
            // The GET form of Connect-Protocol-Version, held to the same version.
            if let version = query.get("connect"), version.trimmingSpaces != "v1" { throw ConnectError(.invalidArgument, "connect must be v1") }
            guard let message = query.get("message") else {
                throw ConnectError.invalidArgument(field: "message", "the query must carry the request message")
            }
            var bytes = Array(message.utf8)
            if query.get("base64") == "1" {
                var base64 = message.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
                base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
                guard let data = Data(base64Encoded: base64) else {
                    throw ConnectError.invalidArgument(field: "message", "is not valid base64url")
                }
                bytes = Array(data)
            }
            guard bytes.count <= configuration.maximumBodyBytes else { throw tooLarge() }
            bytes = try decompress(ByteBuffer(bytes: bytes), encoding: query.get("compression"))
            do {
                return try RPCMessageCoding.decode(Request.self, from: bytes)
            } catch let error as ConnectError where error.code == .invalidArgument && error.message.hasPrefix("request body") {
                // A GET has no body: say where the JSON was.
                throw ConnectError(.invalidArgument, "the query's message" + error.message.dropFirst("request body".count))
            }
        }

        private func decompress(_ body: ByteBuffer, encoding: String?) throws -> [UInt8] {
            switch encoding {
            case nil, "", "identity":
                return Array(body.readableBytesView)
            case "gzip":
                var compressed = body
                let plain: ByteBuffer
                do {
                    plain = try compressed.decompress(with: .gzip(), maxSize: configuration.maximumBodyBytes)
                } catch let error as CompressNIOError where error == .bufferOverflow {
                    throw tooLarge()
                } catch {
                    throw ConnectError(.invalidArgument, "request body is not valid gzip")
                }
                // `maxSize` bounds the buffer, which grows in steps (bodies inflating to twice the
                // limit got in): the limit itself is checked here, so a compressed body gets exactly
                // a plain one's.
                guard plain.readableBytes <= configuration.maximumBodyBytes else { throw tooLarge() }
                return Array(plain.readableBytesView)
            default:
                throw ConnectError(.unimplemented, "unsupported compression \"\(encoding!)\"; use gzip or identity")
            }
        }

        private func tooLarge() -> ConnectError {
            ConnectError(.resourceExhausted, "request body is larger than \(configuration.maximumBodyBytes) bytes")
        }

        static func timeout(from headers: HTTPFields) throws -> Duration? {
            guard let text = headers[HTTPField.Name("Connect-Timeout-Ms")!] else { return nil }
            guard text.count <= 10, let milliseconds = Int64(text.trimmingSpaces), milliseconds > 0 else {
                throw ConnectError(.invalidArgument, "Connect-Timeout-Ms must be a positive integer of at most 10 digits")
            }
            return .milliseconds(milliseconds)
        }

        static func withTimeout<T: Sendable>(
            _ timeout: Duration?, failure: any Error = ConnectError(.deadlineExceeded, "the call did not finish within Connect-Timeout-Ms"),
            _ operation: @escaping @Sendable () async throws -> T
        ) async throws -> T {
            guard let timeout else { return try await operation() }
            return try await withThrowingTaskGroup(of: T.self) { group in
                group.addTask { try await operation() }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw failure
                }
                defer { group.cancelAll() }
                return try await group.next()!
            }
        }

        static func errorResponse(_ error: ConnectError, status: HTTPResponse.Status? = nil) -> Hummingbird.Response {
            let body = (try? JSONEncoder().encode(ConnectErrorBody(error))) ?? Data(#"{"code":"internal"}"#.utf8)
            var response = json(status: status ?? HTTPResponse.Status(code: error.code.httpStatus), bytes: Array(body))
            if let seconds = error.retryAfterSeconds { response.headers[.retryAfter] = String(seconds) }
            return response
        }

        static func json(status: HTTPResponse.Status, bytes: [UInt8]) -> Hummingbird.Response {
            Hummingbird.Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}

/// The request's content type is not JSON: answered with 415, as Connect prescribes.
struct UnsupportedMediaType: Error {
    /// What to send instead: a POST's content type, or a GET's `encoding` parameter.
    var advice = "send Content-Type application/json"
}

/// The client sent its body too slowly: answered with 408 and the connection closed.
struct SlowRequestBody: Error {}

/// Decides whether a call may be served: keys and scopes, rate limits. It runs `body` (reading the
/// request and calling the handler) with whatever it learned of the caller in scope, or throws the
/// error the caller gets (`unauthenticated`, `permission_denied`, `resource_exhausted`).
public protocol RPCGate: Sendable {
    func admit<T: Sendable>(path: String, headers: HTTPFields, _ body: @escaping @Sendable () async throws -> T) async throws -> T
}

/// How many calls are being served.
final class CallCounter: Sendable {
    private let count = Mutex(0)

    /// Counts one more call unless `limit` are already running.
    func enter(limit: Int) -> Bool {
        count.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func leave() { count.withLock { $0 -= 1 } }
}
