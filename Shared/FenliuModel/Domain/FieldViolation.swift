/// One wrong field of a request: what every service's domain reports, and what a Connect client
/// receives as a `google.rpc.BadRequest` field violation. Living in the model lets a domain say
/// "this field is wrong" without knowing the transport.
public struct FieldViolation: Sendable, Equatable, Codable {
    /// The field's JSON name, with a path for nested fields, e.g. `callerPhone` or `elements.amount`.
    public var field: String
    /// What is wrong with it, in words a caller can act on.
    public var description: String

    /// Creates a violation.
    public init(field: String, description: String) {
        self.field = field
        self.description = description
    }
}
