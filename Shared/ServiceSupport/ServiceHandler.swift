import FenliuModel
import Hummingbird
import Postgres
import RPC
import SwiftProtobuf
import Synchronization

/// A service's Connect methods. The generated `<Service>Handler` protocols (ServiceSupport/Generated)
/// refine it: a conforming type implements the methods it serves, the rest answer `unimplemented`,
/// and `register(on:)` serves them all.
public protocol ServiceHandler: Sendable {
    /// Serves every method of the handler's service.
    func register(on registry: MethodRegistry)
}

/// What a method applied once per `Idempotency-Key` does to the database: the handler checks the
/// request and returns this; the registry runs it inside the transaction that records the key, then
/// wakes the outbox. A key seen before returns the first answer without running it again.
public struct Effect<Response: SwiftProtobuf.Message>: Sendable {
    let apply: @Sendable (PostgresConnection) throws -> Response

    /// Creates the effect: `apply` runs in the transaction, on a database thread.
    public init(_ apply: @escaping @Sendable (PostgresConnection) throws -> Response) {
        self.apply = apply
    }
}

/// Where handlers register their methods: the Connect server, plus the database and the outbox that
/// applied-once methods need. Every handler runs with the caller's deadline (`Connect-Timeout-Ms`)
/// applied to its database work, and every method that may change something wakes the outbox.
public struct MethodRegistry {
    let server: RPCServer<BasicRequestContext>
    let database: PostgresPool
    let outbox: Outbox
    /// What was registered, for `/openapi.json`.
    public let served = ServedMethods()
    /// The methods applied once per key, which `AdminService/Deliver` can apply in batches.
    public let appliedOnce = AppliedOnceMethods()

    /// Creates a registry (the runtime does).
    public init(server: RPCServer<BasicRequestContext>, database: PostgresPool, outbox: Outbox) {
        self.server = server
        self.database = database
        self.outbox = outbox
    }

    /// Serves `method` with `handler`.
    public func register<Request, Response>(
        _ method: RPCMethod<Request, Response>, handler: @escaping @Sendable (Request, RPCContext) async throws -> Response
    ) {
        let outbox = self.outbox
        served.add(method.path)
        server.register(method) { request, context in
            let response = try await DatabaseDeadline.$current.withValue(context.deadline) {
                try await handler(request, context)
            }
            if !method.hasNoSideEffects { outbox.committed() }
            return response
        }
    }

    /// Serves a method applied once per `Idempotency-Key` (`IDEMPOTENT` in the contract): `handler`
    /// checks the request and returns the effect, which runs in the transaction that records the key.
    public func register<Request, Response>(
        _ method: RPCMethod<Request, Response>, appliesOnce handler: @escaping @Sendable (Request, RPCContext) async throws -> Effect<Response>
    ) {
        let outbox = self.outbox
        let database = self.database
        served.add(method.path)
        appliedOnce.add(method.path) { body, context in
            let effect = try await handler(try RPCMessageCoding.decode(Request.self, from: body), context)
            guard let key = context.idempotencyKey else {
                throw ConnectError.invalidArgument(field: "idempotencyKey", "is required")
            }
            return Inbox.Delivery(key: key, method: method.name) { try effect.apply($0).jsonString() }
        }
        server.register(method) { request, context in
            let response = try await DatabaseDeadline.$current.withValue(context.deadline) {
                let effect = try await handler(request, context)
                return try await Inbox.once(key: context.idempotencyKey, method: method.name, on: database, effect.apply)
            }
            outbox.committed()
            return response
        }
    }
}

/// The methods a service applies once per `Idempotency-Key`, by path: what `AdminService/Deliver`
/// may apply. Each entry decodes a request, checks it as a call of its own would be checked, and
/// answers the delivery to run.
public final class AppliedOnceMethods: Sendable {
    /// Decodes and checks one delivery's body in its context (which carries its key).
    public typealias Prepare = @Sendable (_ body: [UInt8], _ context: RPCContext) async throws -> Inbox.Delivery

    private let methods = Mutex<[String: Prepare]>([:])

    /// Creates an empty table (the registry does).
    public init() {}

    func add(_ path: String, _ prepare: @escaping Prepare) { methods.withLock { $0[path] = prepare } }

    /// How to prepare a delivery of the method at `path`, if it is one applied once per key.
    public func prepare(_ path: String) -> Prepare? { methods.withLock { $0[path] } }
}
