/// One phrase that signals present danger, with the context it needs to count.
///
/// Plain substring matching is not enough for Chinese call notes: 砍 is violence but 砍树 is
/// forestry, 刀 is a weapon in someone's hand but not in 刀削面, 不见了 matters for a child but not
/// for a dog. Each cue therefore carries the longer phrases that contain it but mean something
/// harmless, the words one of which must stand near it, and the words that veto it in its clause.
struct SafetyCue: Sendable {
    /// The phrase as normalised (Simplified, lower-case) scalars.
    let phrase: [Unicode.Scalar]
    /// What the phrase signals.
    let flags: [SafetyFlag]
    /// Longer phrases containing `phrase` that are not danger (砍树 for 砍), each with the offset of
    /// `phrase` inside it; phrases that do not contain `phrase` are dropped, so tables can share lists.
    let excludedIn: [(phrase: [Unicode.Scalar], offset: Int)]
    /// Each list not empty: one of its words must occur in the cue's clause or a clause either side
    /// of it (or in the run of one-word clauses of a spoken transcript around it), outside the cue's
    /// own text. Usually one list; a second when the cue needs two things at once (a farewell needs
    /// the caller there, 我现在在…, and the place a drop, 桥上: either alone is a complaint about it).
    let requiresNearby: [[[Unicode.Scalar]]]
    /// None of these may occur in the cue's clause.
    let vetoedBy: [[Unicode.Scalar]]
    /// None of these may occur in the cue's clause or the clauses either side of it.
    let vetoedNearby: [[Unicode.Scalar]]
    /// For cues that are negative in themselves (没有呼吸, 出不来): a negator before them is part
    /// of the description, not a denial — and no later denial clears them either.
    let ignoresNegation: Bool
    /// Like `vetoedNearby`, except when an immediacy word (`SafetyRules.immediacy`) stands before the
    /// cue in its own clause: then these are sought in that clause only. For a sudden illness told
    /// inside paperwork (父亲现在在家中突发脑梗 after an insurance question is an emergency); the past
    /// and the chronic stay in `vetoedNearby` (突发脑梗，是前年的事 is not).
    let vetoedNearbyUnlessNow: [[Unicode.Scalar]]
    /// Cues of one kind that a denial of another family of that kind does not clear: in
    /// 昏迷了，没有流血 the denial is about bleeding, not about being unconscious. Empty: the
    /// kind's general family, whose denials (无人受伤) clear it and which they clear.
    let family: String

    /// A cue from plain strings, as written in the tables.
    init(
        _ phrase: String, _ flags: [SafetyFlag], excludedIn: [String] = [], requiresNearby: [String] = [],
        alsoRequiresNearby: [String] = [], vetoedBy: [String] = [], vetoedNearby: [String] = [], vetoedNearbyUnlessNow: [String] = [],
        ignoresNegation: Bool = false, family: String = ""
    ) {
        self.family = family
        self.vetoedNearbyUnlessNow = vetoedNearbyUnlessNow.map { Array($0.unicodeScalars) }
        self.phrase = Array(phrase.unicodeScalars)
        self.flags = flags
        let cue = self.phrase
        self.excludedIn = excludedIn.flatMap { text -> [(phrase: [Unicode.Scalar], offset: Int)] in
            let longer = Array(text.unicodeScalars)
            guard longer.count > cue.count else { return [] }
            return (0...(longer.count - cue.count)).filter { Array(longer[$0..<($0 + cue.count)]) == cue }.map { (longer, $0) }
        }
        self.requiresNearby = [requiresNearby, alsoRequiresNearby].filter { !$0.isEmpty }.map { $0.map { Array($0.unicodeScalars) } }
        self.vetoedBy = vetoedBy.map { Array($0.unicodeScalars) }
        self.vetoedNearby = vetoedNearby.map { Array($0.unicodeScalars) }
        self.ignoresNegation = ignoresNegation
    }

    /// Several cues sharing flags and context.
    static func group(
        _ phrases: [String], _ flags: [SafetyFlag], excludedIn: [String] = [], requiresNearby: [String] = [],
        alsoRequiresNearby: [String] = [], vetoedBy: [String] = [], vetoedNearby: [String] = [], vetoedNearbyUnlessNow: [String] = [],
        ignoresNegation: Bool = false, family: String = ""
    ) -> [SafetyCue] {
        // An exclusion that holds none of the group's phrases excludes nothing (`init` drops it):
        // 收拾你屋 beside 找人来收拾你 did, silently, until a review found it (stop 23).
        assert(
            excludedIn.allSatisfy { longer in phrases.contains { longer.count > $0.count && longer.contains($0) } },
            "excludedIn entries that contain none of the group's phrases exclude nothing: "
                + "\(excludedIn.filter { longer in !phrases.contains { longer.count > $0.count && longer.contains($0) } })")
        return phrases.map {
            SafetyCue(
                $0, flags, excludedIn: excludedIn, requiresNearby: requiresNearby, alsoRequiresNearby: alsoRequiresNearby, vetoedBy: vetoedBy,
                vetoedNearby: vetoedNearby,
                vetoedNearbyUnlessNow: vetoedNearbyUnlessNow, ignoresNegation: ignoresNegation, family: family)
        }
    }
}

/// A phrase that says a danger of some kinds is over (火已经灭了, 孩子已找到).
struct SafetyResolution: Sendable {
    /// The phrase as normalised scalars.
    let phrase: [Unicode.Scalar]
    /// The flags it clears, for cues before it in the text.
    let clears: Set<SafetyFlag>

    /// A resolution from a plain string, as written in the tables.
    init(_ phrase: String, _ clears: Set<SafetyFlag>) {
        self.phrase = Array(phrase.unicodeScalars)
        self.clears = clears
    }
}
