import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// A stand-in for the external systems webhooks go to (a department's system, 110, a subscriber):
/// `POST /hooks/{system}` answers with the status the test set (204 while up, 503 while down) and
/// records what it accepted and how often it refused.
public final class StandInWebhookReceiver: Sendable {
    /// One accepted delivery.
    public struct Delivery: Sendable {
        /// The `{system}` of the path.
        public let system: String
        /// The sender's `Idempotency-Key`.
        public let key: String
        /// The `Fenliu-Signature` header.
        public let signature: String
        /// The body.
        public let body: [UInt8]
    }

    private struct State {
        var statusBySystem: [String: Int] = [:]
        var standardStatus: Int
        var accepted: [Delivery] = []
        var refused: [String: Int] = [:]
    }

    private let state: Mutex<State>

    /// Creates a receiver that is up (204) or down (503) for every system.
    public init(isUp: Bool = true) {
        state = Mutex(State(standardStatus: isUp ? 204 : 503))
    }

    /// Brings every system up (204) or down (503), unless a system has its own status.
    public func setUp(_ isUp: Bool) {
        state.withLock { $0.standardStatus = isUp ? 204 : 503 }
    }

    /// Makes one system answer `status` (e.g. 401, 409), or follow the others again with `nil`.
    public func answer(_ status: Int?, for system: String) {
        state.withLock { $0.statusBySystem[system] = status }
    }

    /// What was accepted (2xx and 409 answers), in order; of one system when named.
    public func accepted(by system: String? = nil) -> [Delivery] {
        state.withLock { $0.accepted.filter { system == nil || $0.system == system } }
    }

    /// How many deliveries were refused (any other status); of one system when named.
    public func refusals(by system: String? = nil) -> Int {
        state.withLock { state in system.map { state.refused[$0] ?? 0 } ?? state.refused.values.reduce(0, +) }
    }

    /// The router to run with `RunningApplication.with(router:)`.
    public var router: Router<BasicRequestContext> {
        let router = Router()
        router.post("/hooks/:system") { [self] request, context -> HTTPResponse.Status in
            var request = request
            let system = context.parameters.get("system") ?? ""
            let body = Array(try await request.collectBody(upTo: 1 << 22).readableBytesView)
            let delivery = Delivery(
                system: system, key: request.headers[HTTPField.Name("Idempotency-Key")!] ?? "",
                signature: request.headers[HTTPField.Name("Fenliu-Signature")!] ?? "", body: body
            )
            let status = state.withLock { state -> Int in
                let status = state.statusBySystem[system] ?? state.standardStatus
                if (200..<300).contains(status) || status == 409 {
                    state.accepted.append(delivery)
                } else {
                    state.refused[system, default: 0] += 1
                }
                return status
            }
            return HTTPResponse.Status(code: status)
        }
        return router
    }
}
