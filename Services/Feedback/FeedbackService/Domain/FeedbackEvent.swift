import Foundation

/// What an event in a ticket's history is about (`fenliu.feedback.v1.EventKind`).
enum EventKind: String, CaseIterable, Sendable, Hashable {
    /// The ticket moved to a new state.
    case stateChanged = "STATE_CHANGED"
    /// A deadline is near.
    case reminder = "REMINDER"
    /// A deadline passed; the supervising office was notified (督办).
    case overdue = "OVERDUE"
    /// Still overdue; the office was notified again.
    case escalation = "ESCALATION"
    /// A callback attempt was recorded.
    case callback = "CALLBACK_RECORDED"
    /// The 12345 centre refused an extension.
    case extensionRefused = "EXTENSION_REFUSED"
    /// Routing gave the ticket to another holder.
    case reassigned = "REASSIGNED"
}

/// A deadline feedback watches (`fenliu.feedback.v1.Clock`).
enum DeadlineClock: String, CaseIterable, Sendable, Hashable {
    /// 签收: the holder must sign for the ticket.
    case signFor = "SIGN_FOR"
    /// 办结: the matter must be resolved.
    case resolve = "RESOLVE"
    /// 110 owes 12345 feedback on an urgent matter within the hour.
    case feedback = "FEEDBACK"
    /// The 12345 centre must call the caller back.
    case callback = "CALLBACK"
}

/// The caller's answer to the callback (`fenliu.feedback.v1.Satisfaction`).
enum Satisfaction: String, CaseIterable, Sendable, Hashable {
    case satisfied = "SATISFIED"
    case basicallySatisfied = "BASICALLY_SATISFIED"
    case notSatisfied = "NOT_SATISFIED"
    case unreachable = "UNREACHABLE"

    /// Whether the caller was reached (counts in the satisfaction rate).
    var isReached: Bool { self != .unreachable }

    /// Whether the answer counts as satisfied in the bulletin's satisfaction rate.
    var isSatisfied: Bool { self == .satisfied || self == .basicallySatisfied }
}
