import FenliuModel
import Foundation

/// A second model, asked one question of a call the safety rule flagged: does it need an emergency
/// service at all? When it is nearly sure the answer is no, the rule's cues are cleared and the call
/// is decided as a 12345 matter would be (and goes to review).
///
/// The rule reads words: "着火了" raises `fire` whether the rest of the record says the house is
/// burning or that a farmer is burning straw with someone watching and nothing near; its own
/// resolution clauses (经询问…, 有人看守…) catch the phrasings written down, not the next writer's.
/// This model learned from every record of the corpus whether its category needs 110, 119 or 120,
/// so it weighs the whole call. It never raises a danger, only clears one, and only when
///
/// - the probability that the call needs an emergency service is below `threshold`, chosen by the
///   training tool on the independent set and the safety cases with a margin (see
///   `fenliu-classification-train`), for the whole call **and for each sentence holding a cue**:
///   a danger told in one sentence of a long work order ("…另外反映其家楼下有人持刀砍人，诉求：请告知
///   社保转移办理流程") is drowned in the whole call's administrative words (the features are
///   scaled to unit length, and the corpus's "诉求" is all 12345), but not in its own sentence.
///   Sentences end at `.;!?` and before words that open another matter or the caller's request
///   (另外, 还有, 此外, 诉求, …; `sentenceOpeners`). A review's probes found thirteen real dangers
///   cleared by the whole call alone (stop 20); see BENCHMARKS.md.
/// - none of the flags is one it may never clear (`neverCleared`): a threat against a life (to
///   kill, to jump, to take one's own life), a poisoning (how self-harm is most often told: "我吞了
///   安眠药了", however calm the rest) and a missing child or vulnerable person, where a reassuring
///   record costs least to doubt and most to believe.
///
/// Logistic regression over the same tf-idf character n-grams as ``NgramModel`` but up to three
/// long (measured offline at stop 19: 1–3-grams, class-balanced, separated the corpus's two kinds
/// better than 1–2), stored as one weight per n-gram: `p = σ(bias + Σ x·w)`. It reads the text with
/// a transcript's pauses between Chinese characters taken out, as the rule does.
public struct DangerDetector: Sendable {
    /// Training settings, kept in the file so it says how it was made.
    public struct Configuration: Sendable, Codable, Hashable {
        /// The longest n-gram used (1…3).
        public var maximumNgramLength: Int
        /// N-grams in fewer training records than this are dropped.
        public var minimumDocumentFrequency: Int
        /// Inverse strength of the L2 penalty per column of the two-column fit; the same model as a
        /// binary logistic regression with twice this `C` (the offline design's scikit-learn `C` = 30).
        public var inverseRegularization: Double
        /// Optimiser iterations at most.
        public var maximumIterations: Int

        /// The settings measured offline (stop 19) and again in Swift on the independent set.
        public init(maximumNgramLength: Int = 3, minimumDocumentFrequency: Int = 2, inverseRegularization: Double = 15, maximumIterations: Int = 300) {
            self.maximumNgramLength = max(1, min(NgramKey.maximumLength, maximumNgramLength))
            self.minimumDocumentFrequency = max(1, minimumDocumentFrequency)
            self.inverseRegularization = inverseRegularization
            self.maximumIterations = maximumIterations
        }

        private enum CodingKeys: String, CodingKey {
            case maximumNgramLength, minimumDocumentFrequency, inverseRegularization, maximumIterations
        }

        /// Decoded through the initialiser, so a file cannot ask for n-grams the keys cannot hold.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                maximumNgramLength: try container.decode(Int.self, forKey: .maximumNgramLength),
                minimumDocumentFrequency: try container.decode(Int.self, forKey: .minimumDocumentFrequency),
                inverseRegularization: try container.decode(Double.self, forKey: .inverseRegularization),
                maximumIterations: try container.decode(Int.self, forKey: .maximumIterations))
        }
    }

    /// Flags never cleared, whatever the model says.
    public static let neverCleared: Set<SafetyFlag> = [.threatToLife, .poisoning, .missingPerson]
    /// The highest threshold a detector may carry (the training tool's grid ends there).
    public static let maximumThreshold = 0.3
    /// Words that open another matter or the caller's request: a sentence ends before them.
    static let sentenceOpeners = ["另外", "此外", "另称", "另反映", "诉求"].map { Array($0.unicodeScalars) }

    /// Names the detector in decisions (after the category model's version).
    public let version: String
    /// How it was trained.
    public let configuration: Configuration
    /// Cues are cleared when the probability of needing an emergency service is below this.
    public let threshold: Double
    let bias: Double
    let featureIndex: [UInt64: Int32]
    let keys: [UInt64]
    let idf: [Float]
    let weights: [Float]

    /// A detector from its parts, as training and decoding produce them; rows in `keys` order.
    init(version: String, configuration: Configuration, threshold: Double, bias: Double, keys: [UInt64], idf: [Float], weights: [Float]) {
        self.version = version
        self.configuration = configuration
        self.threshold = threshold
        self.bias = bias
        self.keys = keys
        self.idf = idf
        self.weights = weights
        featureIndex = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, Int32($0)) })
    }

    /// The same detector clearing below another threshold (the training tool's sweep).
    public func with(threshold: Double) -> DangerDetector {
        DangerDetector(version: version, configuration: configuration, threshold: threshold, bias: bias, keys: keys, idf: idf, weights: weights)
    }

    /// The probability that a call needs 110, 119 or 120, for text already passed through
    /// ``TextNormalizer``.
    public func probability(normalized scalars: [Unicode.Scalar]) -> Double {
        probability(joined: SafetyRules.joiningPauses(scalars).text)
    }

    /// The probability for normalised text with its pauses already joined.
    func probability(joined scalars: [Unicode.Scalar]) -> Double {
        var score = bias
        for feature in NgramModel.features(scalars, maximumLength: configuration.maximumNgramLength, index: featureIndex, idf: idf) {
            score += Double(feature.value * weights[Int(feature.row)])
        }
        return 1 / (1 + exp(-score))
    }

    /// The highest probability among the whole call and each sentence holding one of `safety`'s
    /// cues, when the detector may clear them and it is below the threshold; `nil` when the cues
    /// stand (also when a cue cannot be found in any sentence: nothing is cleared unread).
    func clearing(_ safety: SafetyAssessment, in text: [Unicode.Scalar]) -> Double? {
        guard safety.isDangerous, !safety.flags.contains(where: Self.neverCleared.contains) else { return nil }
        let joined = SafetyRules.joiningPauses(text).text
        var highest = probability(joined: joined)
        guard highest < threshold else { return nil }
        let sentences = Self.sentences(of: joined)
        for cue in safety.cues {
            let phrase = Array(cue.phrase.unicodeScalars)
            let holding = sentences.filter { Self.contains(phrase, in: joined[$0]) }
            guard !holding.isEmpty else { return nil }
            for sentence in holding {
                highest = max(highest, probability(joined: Array(joined[sentence])))
                guard highest < threshold else { return nil }
            }
        }
        return highest
    }

    /// The sentences of normalised text: ended by `.;!?` and before a `sentenceOpeners` word.
    static func sentences(of text: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var position = 0
        while position < text.count {
            if [".", ";", "!", "?", "\n"].contains(text[position]) {
                if position > start { result.append(start..<position) }
                start = position + 1
            } else if position > start, sentenceOpeners.contains(where: { text[position...].starts(with: $0) }) {
                result.append(start..<position)
                start = position
            }
            position += 1
        }
        if text.count > start { result.append(start..<text.count) }
        return result
    }

    private static func contains(_ phrase: [Unicode.Scalar], in text: ArraySlice<Unicode.Scalar>) -> Bool {
        guard !phrase.isEmpty, phrase.count <= text.count else { return false }
        var start = text.startIndex
        while start + phrase.count <= text.endIndex {
            if text[start..<(start + phrase.count)].elementsEqual(phrase) { return true }
            start += 1
        }
        return false
    }
}
