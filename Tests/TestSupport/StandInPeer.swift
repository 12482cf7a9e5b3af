import FenliuModel
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SwiftProtobuf
import Synchronization

/// A stand-in for a peer service: records every Connect call it receives, with its
/// `Idempotency-Key`, and answers each method the way the test said. A call to a method the test
/// did not set up is answered `unimplemented` and recorded, so a test that forgot one fails loudly
/// instead of passing on a silent 200.
public final class StandInPeer: Sendable {
    /// One call as it arrived.
    public struct Call: Sendable {
        /// The method's path.
        public let path: String
        /// The sender's `Idempotency-Key`, or empty.
        public let idempotencyKey: String
        /// The request body.
        public let body: [UInt8]
    }

    private typealias Answer = @Sendable ([UInt8]) throws -> [UInt8]
    private let answers = Mutex<[String: Answer]>([:])
    private let received = Mutex<[Call]>([])

    /// Creates a stand-in that answers nothing yet.
    public init() {}

    /// Answers `method` with what `respond` makes of each request.
    public func answer<Request, Response>(_ method: RPCMethod<Request, Response>, _ respond: @escaping @Sendable (Request) throws -> Response) {
        answers.withLock {
            $0[method.path] = { bytes in
                var options = JSONDecodingOptions()
                options.ignoreUnknownFields = true
                return try respond(try Request(jsonUTF8Bytes: bytes, options: options)).jsonUTF8Bytes()
            }
        }
    }

    /// Answers `method` with an empty response message.
    public func accept<Request, Response>(_ method: RPCMethod<Request, Response>) {
        answer(method) { _ in Response() }
    }

    /// The requests `method` received, in order, with their keys.
    public func calls<Request, Response>(to method: RPCMethod<Request, Response>) -> [(key: String, request: Request)] {
        received.withLock { calls in
            calls.filter { $0.path == method.path }.compactMap { call in
                (try? Request(jsonUTF8Bytes: call.body)).map { (call.idempotencyKey, $0) }
            }
        }
    }

    /// Every call received, answered or not.
    public var allCalls: [Call] { received.withLock { $0 } }

    /// The router to run with `RunningApplication.with(router:)`.
    public var router: Router<BasicRequestContext> {
        let router = Router()
        router.post("**") { [self] request, _ -> Response in
            var request = request
            let body = Array(try await request.collectBody(upTo: 1 << 22).readableBytesView)
            let path = request.uri.path
            let key = request.headers[HTTPField.Name("Idempotency-Key")!] ?? ""
            received.withLock { $0.append(Call(path: path, idempotencyKey: key, body: body)) }
            guard let answer = answers.withLock({ $0[path] }) else {
                return Self.json(.notImplemented, Array(#"{"code":"unimplemented","message":"the stand-in was not told to answer this"}"#.utf8))
            }
            do {
                return Self.json(.ok, try answer(body))
            } catch let refusal as Refusal {
                return Self.json(.badRequest, Array(#"{"code":"invalid_argument","message":"\#(refusal.message)"}"#.utf8))
            }
        }
        return router
    }

    /// Thrown by an answer: the stand-in refuses the request for good (400 `invalid_argument`).
    public struct Refusal: Error {
        public let message: String
        public init(_ message: String) { self.message = message }
    }

    private static func json(_ status: HTTPResponse.Status, _ bytes: [UInt8]) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
