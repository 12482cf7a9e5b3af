import SwiftProtobuf

/// One unary method of the contract: its path and its message types.
///
/// Servers register handlers for these and clients call them, so both sides name a method the same
/// way and the compiler checks the message types. The tables (`IntakeAPI`, …) mirror the `.proto`
/// files under `Shared/Proto`; `FenliuModelTests` checks each table against the descriptors.
public struct RPCMethod<Request: SwiftProtobuf.Message, Response: SwiftProtobuf.Message>: Sendable {
    /// The fully-qualified service, e.g. `fenliu.intake.v1.IntakeService`.
    public let service: String
    /// The method name, e.g. `SubmitCall`.
    public let name: String
    /// Whether the method changes nothing (`idempotency_level = NO_SIDE_EFFECTS`), so Connect GET may call it.
    public let hasNoSideEffects: Bool

    /// Creates a method descriptor.
    public init(service: String, name: String, hasNoSideEffects: Bool = false) {
        self.service = service
        self.name = name
        self.hasNoSideEffects = hasNoSideEffects
    }

    /// The HTTP path, e.g. `/fenliu.intake.v1.IntakeService/SubmitCall`.
    public var path: String { "/\(service)/\(name)" }
}
