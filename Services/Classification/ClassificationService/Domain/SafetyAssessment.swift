import FenliuModel

/// What the safety rule found in one description, and what it demands of the decision.
public struct SafetyAssessment: Sendable, Hashable {
    /// One asserted danger cue, as evidence for the decision.
    public struct Cue: Sendable, Hashable {
        /// The phrase found, in normalised form (e.g. 菜刀, 跳楼).
        public let phrase: String
        /// What it signals.
        public let flags: [SafetyFlag]
    }

    /// Every asserted cue, in text order.
    public let cues: [Cue]
    /// Every flag raised, in order of precedence.
    public let flags: [SafetyFlag]
    /// Asserted police matters that endanger no person (被盗, 诈骗, 民警…不作为).
    public let leanings: [Leaning]
    /// The alarm words the operator's finding superseded (see `SafetyRules`), as ranges of the
    /// normalised text: the classifier hides them from the model, so "着火了" in the caller's first
    /// words does not pick the category of what turned out to be burning rubbish. Empty when
    /// nothing was superseded.
    public let superseded: [Range<Int>]
    /// Cues negated only from afar (工人没系好安全绳坠楼了: the negator may deny the cause, not the fall),
    /// answered by nothing after them. Not dangers — the flags leave them out — but a call on 110, 119
    /// or 120 holding one stays on its line rather than being diverted to 12345, and a 12345 matter
    /// holding one waits in the review queue before any department gets it.
    public let held: [Cue]

    /// A police matter found in the text, which makes its category more likely.
    public struct Leaning: Sendable, Hashable {
        /// The phrase found, in normalised form.
        public let phrase: String
        /// The category it points to.
        public let category: Category
    }

    /// An assessment from the cues found.
    public init(cues: [Cue], leanings: [Leaning] = [], superseded: [Range<Int>] = [], held: [Cue] = []) {
        // A rescue's setting (电梯, 河里, 楼顶) is no danger by itself: it counts only beside a flag that
        // says a person is in danger there, and then adds the fire brigade's rescue crews.
        let raised = Set(cues.flatMap(\.flags))
        let kept = raised.isDisjoint(with: SafetyFlag.rescuable) ? cues.filter { !SafetyFlag.isSetting($0.flags) } : cues
        self.cues = kept
        self.leanings = leanings
        self.superseded = superseded
        // Nor is a setting negated from afar a danger to hold a call for.
        self.held = held.filter { !SafetyFlag.isSetting($0.flags) }
        flags = Set(kept.flatMap(\.flags)).sorted()
    }

    /// Whether the call describes present danger to a person.
    public var isDangerous: Bool { !flags.isEmpty }

    /// The primary category the rule demands: the model's own when that is one the most pressing
    /// flag accepts, otherwise that flag's category; `nil` when there is no danger.
    public func category(preferring modelCategory: Category?) -> Category? {
        guard let pressing = flags.first else { return nil }
        if let modelCategory, pressing.accepts(modelCategory, among: flags) { return modelCategory }
        return pressing.defaultCategory
    }

    /// Every agency to alert for `category` given the flags: the category's own first, then fire,
    /// ambulance and police as the facts need them, without duplicates.
    ///
    /// A fire where people are hurt or trapped also needs 120 and 110 (the catalogue's example);
    /// otherwise each flag adds the one service it needs.
    public func destinations(for category: Category) -> [Destination] {
        var needed = Set(flags.map(\.requiredDestination))
        let peopleAtRisk = flags.contains { [.injury, .trapped, .poisoning, .medicalEmergency].contains($0) }
        if flags.contains(.fire), peopleAtRisk {
            needed.formUnion([.medical120, .police110])
        }
        var result = [category.defaultDestination]
        for destination in [Destination.fire119, .medical120, .police110] where needed.contains(destination) {
            if !result.contains(destination) { result.append(destination) }
        }
        return result
    }
}
