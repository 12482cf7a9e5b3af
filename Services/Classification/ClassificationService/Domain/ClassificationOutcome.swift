import FenliuModel

/// One call description to classify.
public struct ClassificationInput: Sendable, Hashable {
    /// What the caller said or the operator wrote, in any mix of Traditional and Simplified.
    public var description: String
    /// The line the call came in on, if known; emergency lines keep unsure calls.
    public var channel: Channel?
    /// The district code or name, if known. Not used by the classifier today: the catalogue's
    /// categories do not depend on the district; it is carried for routing and for later use.
    public var district: String?
    /// The category the reporter chose (an Open311 `service_code`): weighed as evidence, never
    /// above the safety rule.
    public var chosenCategory: Category?

    /// An input; only `description` is required.
    public init(description: String, channel: Channel? = nil, district: String? = nil, chosenCategory: Category? = nil) {
        self.description = description
        self.channel = channel
        self.district = district
        self.chosenCategory = chosenCategory
    }
}

/// Why a piece of evidence supports the decision.
public struct Evidence: Sendable, Hashable, Codable {
    /// Where the evidence comes from.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A character n-gram the model weighed towards the category.
        case ngram
        /// A keyword from the operators' catalogue keywords.
        case keyword
        /// A danger cue found by the safety rule.
        case safetyRule
        /// The call's line decided: an emergency line's call stayed on it, an operator's finding let
        /// it go, or a 12345 matter holding a cue negated only from afar waits for review. Never a
        /// danger found (that is `safetyRule`).
        case channelDefault
        /// The category the reporter chose (an Open311 service).
        case reporterChoice
    }

    /// Where the evidence comes from.
    public let kind: Kind
    /// The text found (an n-gram, keyword or cue) or, for `channelDefault`, what kept the call on its
    /// line or let it go: the channel code (the model unsure), a cue negated only from afar (坠楼), or
    /// the operator's words that ruled the danger out (经询问).
    public let text: String
    /// A short explanation for operators.
    public let note: String

    /// Evidence of `kind`.
    public init(kind: Kind, text: String, note: String) {
        self.kind = kind
        self.text = text
        self.note = note
    }
}

/// The classifier's decision about one call.
public struct ClassificationOutcome: Sendable, Hashable {
    /// The primary category.
    public let category: Category
    /// Every agency to alert, primary first, without duplicates.
    public let destinations: [Destination]
    /// How sure the decision is, 0…1.
    public let confidence: Double
    /// Whether a person should check the decision (the review queue).
    public let needsReview: Bool
    /// Why: danger cues first, then keywords, n-grams and channel defaults.
    public let evidence: [Evidence]
    /// The danger the safety rule found, in order of precedence; empty when none.
    public let safetyFlags: [SafetyFlag]
    /// The version of the model that made the decision.
    public let modelVersion: String
}

/// Why a description cannot be classified at all.
///
/// Only input that carries nothing to classify, or is too large to be a call note, is rejected;
/// anything else (digits only, stray control characters, Latin text) is classified and, when the
/// model has little to go on, marked `needsReview`.
public enum DescriptionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The description is empty once control characters and white space are removed.
    case emptyDescription
    /// The description has more than `limit` Unicode scalars.
    case descriptionTooLong(limit: Int)

    /// A message safe to show a client: it never repeats the description.
    public var description: String {
        switch self {
        case .emptyDescription: "description is empty"
        case .descriptionTooLong(let limit): "description is longer than \(limit) characters"
        }
    }
}
