import FenliuModel

/// Why reporting refuses a request, in domain words; `ReportingError+Connect.swift` maps each case
/// to a Connect code in one place.
enum ReportingError: Error, Equatable {
    /// One or more fields are wrong; every problem is listed.
    case invalidFields([FieldViolation])

    /// One wrong field.
    static func invalidField(_ field: String, _ description: String) -> ReportingError {
        .invalidFields([FieldViolation(field: field, description: description)])
    }
}
