import Foundation

/// The repeat-call rule (重复来电): a new call about the same incident as a recent call is linked to
/// the first call (`duplicateOf`) instead of producing a second work order; each caller still gets
/// their own record.
///
/// A new call links to an earlier call when either holds:
/// 1. **Same caller**: the same caller phone, received at most `sameCallerWindow` (60 min) after the
///    earlier call. A caller who rings again within the hour is nearly always chasing the same matter.
/// 2. **Same place and matter**: received at most `samePlaceWindow` (120 min) after the earlier call,
///    in the same district (or either district unknown), at the same place — addresses with bigram
///    Jaccard ≥ `addressThreshold` (0.5) or coordinates within `nearbyMeters` (200 m) — and with
///    descriptions of bigram Jaccard ≥ `descriptionThreshold` (0.2).
///    Without an address or coordinates on both sides the place cannot be compared, and only
///    descriptions of Jaccard ≥ `strongDescriptionThreshold` (0.6) in the same district link.
///
/// Only calls received before the new one and within the window count as "still open": intake
/// does not see ticket states, and the windows are shorter than any department's deadline. The link
/// always points at the first call of a chain, so a third call links to the first, not the second.
/// Of several matches the same-caller one wins, then the most similar, then the earliest.
/// Two calls stored in the same instant do not see each other (neither is committed yet), so both
/// may stay unlinked; the rule saves work orders, it does not guarantee a single one.
struct RepeatCallRule: Sendable {
    /// How long after a call the same phone counts as a repeat.
    var sameCallerWindow: TimeInterval = 60 * 60
    /// How long after a call the same place and matter count as a repeat.
    var samePlaceWindow: TimeInterval = 120 * 60
    /// Address bigram Jaccard from which two addresses are the same place.
    var addressThreshold = 0.5
    /// Description bigram Jaccard from which two calls at one place are the same matter.
    var descriptionThreshold = 0.2
    /// Description bigram Jaccard needed when the place cannot be compared.
    var strongDescriptionThreshold = 0.6
    /// Distance within which two coordinates are the same place.
    var nearbyMeters = 200.0

    /// The longest window, for the storage query that fetches candidates.
    var lookback: TimeInterval { max(sameCallerWindow, samePlaceWindow) }

    /// The facts about a call the rule looks at.
    struct CallFacts: Sendable {
        var id: String
        var duplicateOf: String?
        var receivedAt: Date
        /// The caller's phone, or its keyed index (`PersonalDataCipher.index`): only equality matters.
        var callerPhone: String
        var districtCode: String?
        var address: String
        var latitude: Double?
        var longitude: Double?
        var description: String
    }

    /// Why a call was linked, and to which first call.
    struct Link: Equatable, Sendable {
        /// The first call of the incident.
        var firstCallID: String
        /// A short explanation for operators, e.g. "same caller phone within 60 min".
        var reason: String
    }

    /// The first call `call` repeats, or `nil` when it is a new incident.
    func link(_ call: CallFacts, candidates: [CallFacts]) -> Link? {
        var best: (link: Link, rank: Double, receivedAt: Date)?
        // The incoming call's bigrams once, not once per candidate.
        let mine = (description: TextSimilarity.Shingles(call.description), address: TextSimilarity.Shingles(call.address))
        for candidate in candidates where candidate.id != call.id {
            let elapsed = call.receivedAt.timeIntervalSince(candidate.receivedAt)
            guard elapsed >= 0 else { continue }
            guard let (rank, reason) = match(call, candidate, mine: mine, elapsed: elapsed) else { continue }
            let link = Link(firstCallID: candidate.duplicateOf ?? candidate.id, reason: reason)
            if best == nil || rank > best!.rank || (rank == best!.rank && candidate.receivedAt < best!.receivedAt) {
                best = (link, rank, candidate.receivedAt)
            }
        }
        return best?.link
    }

    /// A rank (same caller above any similarity) and a reason when `call` repeats `earlier`.
    private func match(
        _ call: CallFacts, _ earlier: CallFacts, mine: (description: TextSimilarity.Shingles, address: TextSimilarity.Shingles),
        elapsed: TimeInterval
    ) -> (Double, String)? {
        let minutes = Int((elapsed / 60).rounded())
        if !call.callerPhone.isEmpty, call.callerPhone == earlier.callerPhone, elapsed <= sameCallerWindow {
            return (10, "same caller phone \(minutes) min after the first call")
        }
        guard elapsed <= samePlaceWindow else { return nil }
        if let mine = call.districtCode, let theirs = earlier.districtCode, mine != theirs { return nil }
        let description = mine.description.jaccard(TextSimilarity.Shingles(earlier.description))
        if let distance = distanceMeters(call, earlier), distance <= nearbyMeters, description >= descriptionThreshold {
            return (1 + description, "within \(Int(distance)) m, description similarity \(percent(description)), \(minutes) min after")
        }
        if !call.address.isEmpty, !earlier.address.isEmpty {
            let address = mine.address.jaccard(TextSimilarity.Shingles(earlier.address))
            guard address >= addressThreshold, description >= descriptionThreshold else { return nil }
            return (address + description, "same place (address similarity \(percent(address)), description \(percent(description))), \(minutes) min after")
        }
        let sameDistrict = call.districtCode != nil && call.districtCode == earlier.districtCode
        guard sameDistrict, description >= strongDescriptionThreshold else { return nil }
        return (description, "same district, description similarity \(percent(description)), \(minutes) min after")
    }

    private func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    /// Great-circle distance (haversine), or `nil` unless both calls carry coordinates.
    private func distanceMeters(_ a: CallFacts, _ b: CallFacts) -> Double? {
        guard let lat1 = a.latitude, let lon1 = a.longitude, let lat2 = b.latitude, let lon2 = b.longitude else { return nil }
        let radians = Double.pi / 180
        let dLat = (lat2 - lat1) * radians
        let dLon = (lon2 - lon1) * radians
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * radians) * cos(lat2 * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6_371_000 * asin(min(1, sqrt(h)))
    }
}
