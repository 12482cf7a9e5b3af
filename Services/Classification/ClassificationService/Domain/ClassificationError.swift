import FenliuModel

/// Why the classification service refuses a request or cannot start, in domain words.
/// `ClassificationError+Connect.swift` maps each case to a Connect code in one place.
enum ClassificationError: Error, Equatable {
    /// One or more fields are wrong; every problem is listed.
    case invalidFields([FieldViolation])
    /// The description cannot be classified (empty, or too long to be a call note).
    case invalidDescription(DescriptionError)
    /// No decision exists for the call.
    case decisionNotFound(callID: String)
    /// The call's decision is not waiting for review.
    case notInReview(callID: String)
    /// A catalogue version with this name was published before.
    case catalogueVersionExists(String)
    /// No catalogue version has this name.
    case catalogueVersionNotFound(String)
    /// A file the service ships with is missing or unreadable (a broken build, not a request).
    case resourceMissing(String)
}
