/// The standard field rules (信息录入标准字段格式) as numbers, in one place so the README and the
/// tests quote the same values. Lengths count Characters (a Chinese character is one), not bytes.
enum FieldRules {
    /// Longest `externalId`.
    static let externalIDMaximum = 64
    /// Longest `callerName`.
    static let callerNameMaximum = 50
    /// Longest `address`.
    static let addressMaximum = 200
    /// Longest `description`: a long call record, still far below the body limit.
    static let descriptionMaximum = 2000
    /// Longest `description` of an Open311 report: citizens write more than operators.
    static let open311DescriptionMaximum = 4000
    /// Longest phone kept as typed (Open311: international and free-form numbers).
    static let freeTextPhoneMaximum = 40
    /// Longest `callerEmail` (RFC 5321's limit on a path).
    static let emailMaximum = 254
    /// Longest `operatorId`.
    static let operatorIDMaximum = 64
    /// Most inquiry elements on one call.
    static let elementCountMaximum = 50
    /// Longest element key.
    static let elementKeyMaximum = 40
    /// Longest element value.
    static let elementValueMaximum = 500
    /// How far in the future `receivedAt` may lie: clocks of the sending systems drift, and a call
    /// stamped a few minutes ahead is still a real call.
    static let clockSkew: Double = 5 * 60
    /// Times before this are a zero or garbage timestamp, not a call.
    static let earliestReceivedAt: Double = 946_684_800  // 2000-01-01T00:00:00Z
}
