import SwiftProtobuf

/// One unary method of the contract: its path and its message types.
///
/// Servers register handlers for these and clients call them, so both sides name a method the same
/// way and the compiler checks the message types. The tables (`IntakeAPI`, …) are generated from the
/// `.proto` files under `Shared/Proto` by `scripts/generate-protos`; nothing types a path by hand.
public struct RPCMethod<Request: SwiftProtobuf.Message, Response: SwiftProtobuf.Message>: Sendable {
    /// What the contract says about calling a method twice (`idempotency_level`).
    public enum Idempotency: Sendable {
        /// Not declared: each call may take effect.
        case unknown
        /// `IDEMPOTENT`: applied once per `Idempotency-Key`, so a sender may retry with the same key.
        case idempotent
        /// `NO_SIDE_EFFECTS`: changes nothing; Connect GET may call it.
        case noSideEffects
    }

    /// The fully-qualified service, e.g. `fenliu.intake.v1.IntakeService`.
    public let service: String
    /// The method name, e.g. `SubmitCall`.
    public let name: String
    /// What calling it twice does.
    public let idempotency: Idempotency

    /// Creates a method descriptor.
    public init(service: String, name: String, idempotency: Idempotency = .unknown) {
        self.service = service
        self.name = name
        self.idempotency = idempotency
    }

    /// Whether the method changes nothing (`NO_SIDE_EFFECTS`), so Connect GET may call it.
    public var hasNoSideEffects: Bool { idempotency == .noSideEffects }

    /// Whether the method applies once per `Idempotency-Key` (`IDEMPOTENT`).
    public var appliesOnce: Bool { idempotency == .idempotent }

    /// The HTTP path, e.g. `/fenliu.intake.v1.IntakeService/SubmitCall`.
    public var path: String { "/\(service)/\(name)" }

    /// The short name of the service's package, e.g. `intake` for `fenliu.intake.v1.IntakeService`:
    /// which Fenliu service serves the method.
    public var serviceShortName: String {
        let parts = service.split(separator: ".")
        return parts.count > 1 ? String(parts[1]) : service
    }
}
