import FenliuModel

/// Why intake refuses a request, independent of the transport that carries the answer.
///
/// `IntakeError+Connect.swift` maps each case to a Connect code in one place; the Open311 front
/// door maps the same cases to Open311's error list.
enum IntakeError: Error, Equatable {
    /// One or more fields break the standard field rules; every problem is listed.
    case invalidFields([FieldViolation])
    /// No call has this id.
    case callNotFound(String)
    /// The sender reused an external id for different content.
    case externalIDConflict(channel: String, externalID: String, existingCallID: String)
}
