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
/// instead of passing on a silent 200. Hand-offs the outbox batches into `AdminService/Deliver`
/// are unpacked and recorded and answered one by one, as a real peer applies them.
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
    private let deliverRequests = Mutex(0)

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

    /// Every call received, answered or not (each delivery of a `Deliver` counts as its own call).
    public var allCalls: [Call] { received.withLock { $0 } }

    /// How many `AdminService/Deliver` requests carried the calls.
    public var batches: Int { deliverRequests.withLock { $0 } }

    /// The router to run with `RunningApplication.with(router:)`.
    public var router: Router<BasicRequestContext> {
        let router = Router()
        router.post("**") { [self] request, _ -> Response in
            var request = request
            let body = Array(try await request.collectBody(upTo: 1 << 22).readableBytesView)
            let path = request.uri.path
            let key = request.headers[HTTPField.Name("Idempotency-Key")!] ?? ""
            if path == AdminAPI.deliver.path, let deliver = try? Fenliu_Admin_V1_DeliverRequest(jsonUTF8Bytes: body) {
                deliverRequests.withLock { $0 += 1 }
                let results = deliver.deliveries.map { delivery in
                    let answer = self.serve(path: delivery.method, key: delivery.idempotencyKey, body: Array(delivery.body.utf8))
                    return Fenliu_Admin_V1_DeliveryResult.with {
                        $0.idempotencyKey = delivery.idempotencyKey
                        switch answer {
                        case .success(let response): $0.response = String(decoding: response, as: UTF8.self)
                        case .failure(let refusal):
                            $0.code = refusal.code
                            $0.message = refusal.message
                        }
                    }
                }
                return Self.json(.ok, try Fenliu_Admin_V1_DeliverResponse.with { $0.results = results }.jsonUTF8Bytes())
            }
            switch serve(path: path, key: key, body: body) {
            case .success(let response):
                return Self.json(.ok, response)
            case .failure(let refusal):
                let bytes = Array(#"{"code":"\#(refusal.code)","message":"\#(refusal.message)"}"#.utf8)
                let status: HTTPResponse.Status =
                    switch refusal.code {
                    case "unimplemented": .notImplemented
                    case "invalid_argument": .badRequest
                    default: .internalServerError
                    }
                return Self.json(status, bytes)
            }
        }
        return router
    }

    /// Records one call and answers it: its response, or the Connect code and message refusing it.
    private func serve(path: String, key: String, body: [UInt8]) -> Result<[UInt8], Failure> {
        received.withLock { $0.append(Call(path: path, idempotencyKey: key, body: body)) }
        guard let answer = answers.withLock({ $0[path] }) else {
            return .failure(Failure(code: "unimplemented", message: "the stand-in was not told to answer this"))
        }
        do {
            return .success(try answer(body))
        } catch let refusal as Refusal {
            return .failure(Failure(code: "invalid_argument", message: refusal.message))
        } catch {
            return .failure(Failure(code: "internal", message: "the stand-in failed: \(error)"))
        }
    }

    /// A call the stand-in refused.
    private struct Failure: Error {
        let code: String
        let message: String
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
