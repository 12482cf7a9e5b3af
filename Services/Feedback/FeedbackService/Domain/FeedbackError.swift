import FenliuModel

/// Why the feedback service refuses a request, in domain words; `FeedbackError+Connect.swift` maps
/// each case to a Connect code in one place.
enum FeedbackError: Error, Equatable {
    /// One or more fields are wrong; every problem is listed.
    case invalidFields([FieldViolation])
    /// No ticket has this id (routing has not handed it over yet, or never will).
    case ticketNotFound(String)
    /// No subscription has this id.
    case subscriptionNotFound(String)
    /// The change cannot follow the ticket's current state.
    case illegalTransition(ticketID: String, current: TicketState, wanted: String)
    /// The change does not apply to this kind of ticket (a callback on a police ticket, say).
    case notApplicable(String)

    /// One wrong field.
    static func invalidField(_ field: String, _ description: String) -> FeedbackError {
        .invalidFields([FieldViolation(field: field, description: description)])
    }
}
