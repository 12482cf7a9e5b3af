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
///   training tool on the independent set with a margin (see `fenliu-classification-train`), and
/// - none of the flags is one it may never clear (`neverCleared`): a threat against a life (to
///   kill, to jump, to take one's own life), a poisoning (how self-harm is most often told: "我吞了
///   安眠药了", however calm the rest) and a missing child or vulnerable person, where a reassuring
///   record costs least to doubt and most to believe.
///
/// Logistic regression over the same tf-idf character n-grams as ``NgramModel`` but up to three
/// long (measured offline at stop 19: 1–3-grams, class-balanced, separated the corpus's two kinds
/// better than 1–2), stored as one weight per n-gram: `p = σ(bias + Σ x·w)`.
public struct DangerDetector: Sendable {
    /// Training settings, kept in the file so it says how it was made.
    public struct Configuration: Sendable, Codable, Hashable {
        /// The longest n-gram used (1…3).
        public var maximumNgramLength: Int
        /// N-grams in fewer training records than this are dropped.
        public var minimumDocumentFrequency: Int
        /// Inverse strength of the L2 penalty (scikit-learn's `C`, per class of the two-column fit).
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
    }

    /// Flags never cleared, whatever the model says.
    public static let neverCleared: Set<SafetyFlag> = [.threatToLife, .poisoning, .missingPerson]

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
        var score = bias
        for feature in NgramModel.features(scalars, maximumLength: configuration.maximumNgramLength, index: featureIndex, idf: idf) {
            score += Double(feature.value * weights[Int(feature.row)])
        }
        return 1 / (1 + exp(-score))
    }

    /// The probability when the detector may clear `flags` on `text`, and it is below the
    /// threshold; `nil` when the cues stand.
    func clearing(_ flags: [SafetyFlag], in text: [Unicode.Scalar]) -> Double? {
        guard !flags.isEmpty, !flags.contains(where: Self.neverCleared.contains) else { return nil }
        let probability = probability(normalized: text)
        return probability < threshold ? probability : nil
    }
}
