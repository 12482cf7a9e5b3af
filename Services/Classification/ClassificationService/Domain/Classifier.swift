import FenliuModel
import Foundation

/// Classifies call descriptions: normaliser, then model and operator keywords, then the safety rule.
///
/// The model proposes; the safety rule (守牢110生命线) overrides it whenever the text asserts
/// present danger to a person; and a call that reached an emergency line stays there unless the
/// model is confident enough to divert it to 12345. A value type holding only immutable tables, so
/// one instance serves every request concurrently.
public struct Classifier: Sendable {
    /// Thresholds and limits.
    public struct Configuration: Sendable, Hashable {
        /// An emergency-line call goes to 12345 only when the model is at least this sure.
        public var divertThreshold: Double
        /// The default divert threshold, chosen on the independent evaluation set with
        /// `FENLIU_EVAL_SWEEP` (BENCHMARKS.md, "Diversion by design"): one step of margin above the
        /// lowest with no more danger misses than the strictest, at the same diversion. 0.8 before.
        public static let standardDivertThreshold = 0.6
        /// …or this sure, when the record says the operator asked and learned what it really was
        /// (经询问…, 问清楚了…, 原来是…) and no danger cue survived the whole record: the operator's
        /// questions already did what the conservative default is for. A 110 call kept "to be
        /// safe" when it is plainly a 12345 matter costs an officer.
        public var clarifiedDivertThreshold: Double
        /// Below this confidence a decision goes to the review queue.
        public var reviewThreshold: Double
        /// When the safety rule overrides a model at least this sure of a 12345 category, the
        /// decision stands but goes to review: one of the two misread the call.
        public var overrideReviewThreshold: Double
        /// Descriptions longer than this many Unicode scalars are rejected.
        public var maximumDescriptionLength: Int
        /// Added to a category's log-probability per operator keyword found (at most three count).
        public var keywordBoost: Double
        /// How many n-grams to give as evidence.
        public var ngramEvidenceLimit: Int
        /// Emergency-service categories' probabilities are multiplied by this before the choice, so
        /// a call the model finds about as likely an emergency as not goes to the emergency service:
        /// sending a 12345 matter to 110 costs a transfer, the reverse may cost a life.
        public var emergencyWeight: Double
        /// A category's probability is multiplied by this when a police matter pointing to it is
        /// asserted (被盗 for CRIME_REPORT, 民警…不作为 for POLICE_COMPLAINT) and no danger is: a
        /// lean, not an override, since 12345 matters sometimes use such words.
        public var leaningWeight: Double
        /// The chosen category's probability is multiplied by this when the reporter chose one (an
        /// Open311 service): strong evidence — a report filed as "public toilet closed" is not a
        /// police matter because of a few Latin letters — but the safety rule still reads the text.
        public var chosenCategoryWeight: Double

        /// The defaults used in evaluation.
        public init(
            divertThreshold: Double = standardDivertThreshold, clarifiedDivertThreshold: Double = 0.5, reviewThreshold: Double = 0.6,
            overrideReviewThreshold: Double = 0.9,
            maximumDescriptionLength: Int = 10_000, keywordBoost: Double = 1.0, ngramEvidenceLimit: Int = 5,
            emergencyWeight: Double = 1.5, leaningWeight: Double = 4.0, chosenCategoryWeight: Double = 50
        ) {
            self.divertThreshold = divertThreshold
            self.clarifiedDivertThreshold = clarifiedDivertThreshold
            self.reviewThreshold = reviewThreshold
            self.overrideReviewThreshold = overrideReviewThreshold
            self.maximumDescriptionLength = maximumDescriptionLength
            self.keywordBoost = keywordBoost
            self.ngramEvidenceLimit = ngramEvidenceLimit
            self.emergencyWeight = emergencyWeight
            self.leaningWeight = leaningWeight
            self.chosenCategoryWeight = chosenCategoryWeight
        }
    }

    /// The trained model.
    public let model: NgramModel
    /// The normaliser the model was trained with.
    public let normalizer: TextNormalizer
    /// The rule layer.
    public let safetyRules: SafetyRules
    /// Thresholds and limits.
    public let configuration: Configuration
    private let keywords: [(category: Category, phrase: [Unicode.Scalar], text: String)]
    /// For each model column, the category's slot in `categories`.
    private let modelSlots: [Int]

    private static let categories = Category.allCases
    /// Leanings as decisive as a reporter's own choice: a fraud with money about to move or just paid to an impostor, drugs
    /// sold, illegal fund-raising named, a firm gone with its investors' money, a theft told in English.
    private static let decisiveLeanings = Set(
        SafetyRules.fraudInProgress + SafetyRules.impostorFraud + SafetyRules.drugTrade + SafetyRules.illegalFundraising
            + SafetyRules.absconded + SafetyRules.englishTheft)
    private static let slot = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, $0) })

    /// Words with which a record says the operator asked and learned what the call really was
    /// (normalised, Simplified). Only ever lower the bar for diversion when no danger cue survived.
    static let clarificationMarkers = SafetyRules.clarificationMarkers
    private static let clarificationScalars = clarificationMarkers.map { Array($0.unicodeScalars) }

    /// The first clarification marker in the normalised text, if any.
    static func clarification(in text: [Unicode.Scalar]) -> String? {
        for (index, marker) in clarificationScalars.enumerated() where marker.count <= text.count {
            for start in 0...(text.count - marker.count) where text[start] == marker[0] {
                if text[start..<(start + marker.count)].elementsEqual(marker) { return clarificationMarkers[index] }
            }
        }
        return nil
    }

    /// A classifier. `keywords` are the catalogue operators' words per category, normalised here;
    /// they raise a category's score and show up as evidence, but never override the safety rule.
    public init(
        model: NgramModel, normalizer: TextNormalizer, safetyRules: SafetyRules = SafetyRules(),
        keywords: [Category: [String]] = [:], configuration: Configuration = Configuration()
    ) {
        self.model = model
        self.normalizer = normalizer
        self.safetyRules = safetyRules
        self.configuration = configuration
        modelSlots = model.categories.map { Self.slot[$0]! }
        self.keywords = keywords.keys.sorted { $0.rawValue < $1.rawValue }.flatMap { category in
            keywords[category, default: []].compactMap { word in
                let phrase = normalizer.normalizedScalars(word)
                return phrase.isEmpty ? nil : (category, phrase, normalizer.normalize(word))
            }
        }
    }

    /// The decision for one call.
    ///
    /// - Throws: ``DescriptionError/emptyDescription`` when nothing is left after normalising,
    ///   ``DescriptionError/descriptionTooLong(limit:)`` past `maximumDescriptionLength`.
    public func classify(_ input: ClassificationInput) throws(DescriptionError) -> ClassificationOutcome {
        // Counted before normalising, so an oversized body costs one pass and no allocation.
        let limit = configuration.maximumDescriptionLength
        if input.description.unicodeScalars.count > limit { throw .descriptionTooLong(limit: limit) }
        let text = normalizer.normalizedScalars(input.description)
        guard text.contains(where: { $0 != " " }) else { throw .emptyDescription }

        let safety = safetyRules.assess(normalized: text)
        // When the operator's finding superseded the alarm before it, the alarm's words are hidden
        // from the model and the keywords (a space each, so no n-gram bridges the gap): the matter
        // is what the rest of the call says.
        var matter = text
        for range in safety.superseded {
            for position in range { matter[position] = " " }
        }
        let features = model.features(matter)
        // One slot per catalogue category, in catalogue order, so every sum runs in a fixed order.
        var probabilities = [Double](repeating: 0, count: Self.categories.count)
        for (column, probability) in model.prediction(features).columnProbabilities.enumerated() {
            probabilities[modelSlots[column]] = probability
        }
        var evidence: [Evidence] = []
        applyKeywords(in: matter, to: &probabilities, evidence: &evidence)
        if let chosen = input.chosenCategory {
            Self.reweight(&probabilities, by: configuration.chosenCategoryWeight) { $0 == chosen }
            evidence.append(Evidence(kind: .reporterChoice, text: chosen.code, note: "the reporter filed it as \(chosen.chineseName)"))
        }
        if !safety.isDangerous {
            var leaned: Set<Category> = []
            for leaning in safety.leanings where leaned.insert(leaning.category).inserted {
                Self.reweight(&probabilities, by: configuration.leaningWeight) { $0 == leaning.category }
            }
            if safety.leanings.contains(where: { Self.decisiveLeanings.contains($0.phrase) }) {
                Self.reweight(&probabilities, by: configuration.chosenCategoryWeight) { $0 == .crimeReport }
            }
            evidence += safety.leanings.map { Evidence(kind: .keyword, text: $0.phrase, note: "police matter: \($0.category.code)") }
        }
        Self.reweight(&probabilities, by: configuration.emergencyWeight) { $0.isEmergencyService }
        var best = 0
        for slot in probabilities.indices where probabilities[slot] > probabilities[best] { best = slot }
        let (modelCategory, modelConfidence) = (Self.categories[best], probabilities[best])
        // Digits or symbols alone give the model nothing; the decision is a guess, so say so.
        let hasWords = text.contains { $0.properties.isAlphabetic }

        let category: Category
        var destinations: [Destination]
        var confidence: Double
        var needsReview: Bool
        if let forced = safety.category(preferring: modelCategory) {
            category = forced
            destinations = safety.destinations(for: forced)
            // The rule's word is final for routing, so confidence is high; review only when the
            // model was confident the call was a 12345 matter, i.e. model and rule disagree
            // strongly and one of them has misread the call.
            confidence = max(0.9, probabilities[Self.slot[forced]!])
            needsReview = !modelCategory.isEmergencyService && modelConfidence >= configuration.overrideReviewThreshold
            evidence.insert(
                contentsOf: safety.cues.map {
                    Evidence(kind: .safetyRule, text: $0.phrase, note: "danger cue: " + $0.flags.map(\.rawValue).joined(separator: ", "))
                }, at: 0)
        } else {
            category = modelCategory
            destinations = [modelCategory.defaultDestination]
            confidence = modelConfidence
            needsReview = confidence < configuration.reviewThreshold || !hasWords
            // Only a call that would otherwise be kept on its line is searched for the operator's words.
            let unsure = input.channel?.isEmergencyLine == true && !category.isEmergencyService && confidence < configuration.divertThreshold
            let clarification = unsure ? Self.clarification(in: text) : nil
            let threshold =
                clarification == nil ? configuration.divertThreshold : min(configuration.divertThreshold, configuration.clarifiedDivertThreshold)
            // A danger negated only from afar (工人没系好安全绳坠楼了) is not diverted either, however sure
            // the model is of the matter around it; off the emergency lines (12345, Open311, no line)
            // it waits for a person.
            let held = category.isEmergencyService ? nil : safety.held.first
            if let channel = input.channel, channel.isEmergencyLine, !category.isEmergencyService, confidence < threshold || held != nil {
                // Conservative default: an unsure call stays with the emergency line it reached.
                let service = Self.destination(of: channel)
                let line = service.hotlineNumber
                destinations = [service]
                needsReview = true
                if let held {
                    evidence.append(
                        Evidence(
                            kind: .channelDefault, text: held.phrase,
                            note: "kept on \(line): \(held.phrase) is negated only from afar, which may deny its cause rather than the danger"))
                } else {
                    evidence.append(
                        Evidence(
                            kind: .channelDefault, text: channel.code,
                            note: "kept on \(line): confidence \(Self.decimal(confidence, 2)) below \(Self.decimal(threshold, 2)) for diversion to 12345"))
                }
            } else if let held {
                // On 12345 a held cue adds no service — stop 31 showed what counting such cues costs —
                // but a 12345 matter waits unrouted until a person reads it (`DecisionPolicy`), where
                // a fall or a coma told that way would otherwise reach a district office's queue.
                needsReview = true
                evidence.append(
                    Evidence(
                        kind: .channelDefault, text: held.phrase,
                        note: "held for review: \(held.phrase) is negated only from afar, which may deny its cause rather than the danger"))
            } else if let clarification, let channel = input.channel, channel.isEmergencyLine, !category.isEmergencyService,
                confidence < configuration.divertThreshold
            {
                evidence.append(
                    Evidence(
                        kind: .channelDefault, text: clarification,
                        note: "diverted: the operator's questions ruled the danger out, so \(Self.decimal(threshold, 2)) is sure enough"))
            }
        }
        let ngrams = model.evidence(features, for: category, limit: configuration.ngramEvidenceLimit)
        evidence += ngrams.map {
            Evidence(kind: .ngram, text: $0.ngram, note: "favours \(category.code) (+\(Self.decimal($0.weight, 1)))")
        }
        return ClassificationOutcome(
            category: category, destinations: destinations, confidence: min(1, max(0, confidence)),
            needsReview: needsReview, evidence: evidence, safetyFlags: safety.flags,
            modelVersion: model.version)
    }

    /// `value` with `places` decimals; `String(format:)` is slow on Linux and this is the hot path.
    static func decimal(_ value: Double, _ places: Int) -> String {
        let scale = (0..<places).reduce(1) { result, _ in result * 10 }
        let units = Int((abs(value) * Double(scale)).rounded())
        let fraction = String(units % scale)
        let padded = String(repeating: "0", count: places - fraction.count) + fraction
        return (value < 0 && units > 0 ? "-" : "") + String(units / scale) + (places > 0 ? "." + padded : "")
    }

    /// The emergency service behind an emergency line.
    static func destination(of channel: Channel) -> Destination {
        switch channel {
        case .fire119: .fire119
        case .medical120: .medical120
        default: .police110
        }
    }

    /// Multiplies the probabilities of the categories `selected` by `weight`, then renormalises.
    private static func reweight(_ probabilities: inout [Double], by weight: Double, where selected: (Category) -> Bool) {
        guard weight != 1 else { return }
        for slot in probabilities.indices where selected(categories[slot]) { probabilities[slot] *= weight }
        let total = probabilities.reduce(0, +)
        if total > 0 { for slot in probabilities.indices { probabilities[slot] /= total } }
    }

    /// Raises the categories whose operator keywords occur, then renormalises.
    private func applyKeywords(in text: [Unicode.Scalar], to probabilities: inout [Double], evidence: inout [Evidence]) {
        guard !keywords.isEmpty else { return }
        var hits = [Int](repeating: 0, count: probabilities.count)
        for keyword in keywords where Self.contains(keyword.phrase, in: text) {
            hits[Self.slot[keyword.category]!] += 1
            evidence.append(Evidence(kind: .keyword, text: keyword.text, note: "catalogue keyword for \(keyword.category.code)"))
        }
        guard hits.contains(where: { $0 > 0 }) else { return }
        // A category the model never saw can still be named by a keyword, from a small floor.
        let scores = probabilities.indices.map {
            log(max(probabilities[$0], 1e-6)) + configuration.keywordBoost * Double(min(3, hits[$0]))
        }
        let top = scores.max() ?? 0
        let total = scores.reduce(0) { $0 + exp($1 - top) }
        probabilities = scores.map { exp($0 - top) / total }
    }

    private static func contains(_ phrase: [Unicode.Scalar], in text: [Unicode.Scalar]) -> Bool {
        guard phrase.count <= text.count else { return false }
        outer: for start in 0...(text.count - phrase.count) {
            for offset in phrase.indices where text[start + offset] != phrase[offset] { continue outer }
            return true
        }
        return false
    }
}
