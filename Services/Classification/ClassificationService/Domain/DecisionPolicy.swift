import FenliuModel

/// What happens to a decision: routed now or held for review.
///
/// The rule is that unsure calls wait for a person and are not routed, except that anything
/// with a safety flag goes to the emergency services at once. We also route at once an unsure call
/// whose proposed destinations include an emergency service (for instance a 110 call the model was
/// not sure enough to divert, which therefore stays with 110): holding such a call back would delay
/// exactly the help the safety rule protects. Only a call headed for 12345 alone waits unrouted.
public enum DecisionPolicy {
    /// The outcome's fate.
    public struct Plan: Sendable, Equatable {
        /// Whether it waits in the review queue.
        public let needsReview: Bool
        /// Whether routing gets it now.
        public let routesNow: Bool
        /// Whether routing should treat it as urgent (present danger).
        public let isUrgent: Bool
    }

    /// The plan for an outcome.
    public static func plan(for outcome: ClassificationOutcome) -> Plan {
        let isDangerous = !outcome.safetyFlags.isEmpty
        guard outcome.needsReview else {
            return Plan(needsReview: false, routesNow: true, isUrgent: isDangerous)
        }
        let reachesEmergency = isDangerous || outcome.destinations.contains { $0.isEmergencyService }
        return Plan(needsReview: true, routesNow: reachesEmergency, isUrgent: isDangerous)
    }

    /// The outcome for a hand-off whose text cannot be classified at all (empty after cleaning, or
    /// far too long): a person must read it, and a call from an emergency line stays with 110 meanwhile.
    public static func unclassifiable(channel: Channel?, reason: String, modelVersion: String) -> ClassificationOutcome {
        let staysWithPolice = channel?.isEmergencyLine ?? false
        return ClassificationOutcome(
            category: staysWithPolice ? .emergencyHelp : .otherService,
            destinations: staysWithPolice ? [.police110] : [.hotline12345],
            confidence: 0,
            needsReview: true,
            evidence: [Evidence(kind: .channelDefault, text: channel?.code ?? "", note: "not classifiable: \(reason)")],
            safetyFlags: [],
            modelVersion: modelVersion
        )
    }
}
