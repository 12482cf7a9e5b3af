import FenliuModel
import Foundation

/// The statistical model: multinomial logistic (softmax) regression over tf-idf-weighted character
/// n-grams of normalised text.
///
/// Chosen over multinomial naive Bayes after comparing both on the corpus (5-fold, 1–2-grams):
/// naive Bayes reached about 88% category accuracy, this model about 92%, and it trains in seconds.
/// Features follow the usual text recipe: distinct n-grams of a record, weighted
/// `(1 + ln count) · idf`, the vector scaled to unit length, so long and short descriptions score
/// alike. N-grams never seen in training are ignored. Scores are divided by a `temperature` fitted
/// on held-out training records, so `confidence` reads as "how often the top category is right".
public struct NgramModel: Sendable {
    /// Training settings, kept in the model so a saved model says how it was made.
    public struct Configuration: Sendable, Codable, Hashable {
        /// The longest n-gram used (1…3); 2 did best on the corpus, 3 adds sparse noise.
        public var maximumNgramLength: Int
        /// N-grams in fewer training records than this are dropped: mostly names and typos.
        public var minimumDocumentFrequency: Int
        /// Inverse strength of the L2 penalty (scikit-learn's `C`): larger fits the data harder.
        public var inverseRegularization: Double
        /// Optimiser iterations at most.
        public var maximumIterations: Int
        /// One record in this many of each category is held out to fit the temperature (0: none).
        public var calibrationStride: Int
        /// Whether each category counts equally in the loss, however many records it has.
        public var classBalanced: Bool

        /// Settings chosen by cross-validation on the corpus.
        public init(
            maximumNgramLength: Int = 2, minimumDocumentFrequency: Int = 2, inverseRegularization: Double = 10,
            maximumIterations: Int = 300, calibrationStride: Int = 4, classBalanced: Bool = false
        ) {
            self.classBalanced = classBalanced
            self.maximumNgramLength = max(1, min(NgramKey.maximumLength, maximumNgramLength))
            self.minimumDocumentFrequency = max(1, minimumDocumentFrequency)
            self.inverseRegularization = inverseRegularization
            self.maximumIterations = maximumIterations
            self.calibrationStride = calibrationStride
        }

        private enum CodingKeys: String, CodingKey {
            case maximumNgramLength, minimumDocumentFrequency, inverseRegularization, maximumIterations, calibrationStride, classBalanced
        }

        /// Models written before `classBalanced` existed were trained without it.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            maximumNgramLength = try container.decode(Int.self, forKey: .maximumNgramLength)
            minimumDocumentFrequency = try container.decode(Int.self, forKey: .minimumDocumentFrequency)
            inverseRegularization = try container.decode(Double.self, forKey: .inverseRegularization)
            maximumIterations = try container.decode(Int.self, forKey: .maximumIterations)
            calibrationStride = try container.decode(Int.self, forKey: .calibrationStride)
            classBalanced = try container.decodeIfPresent(Bool.self, forKey: .classBalanced) ?? false
        }
    }

    /// A prediction: a probability for every category the model knows.
    public struct Prediction: Sendable {
        /// Probability per category, summing to 1; categories absent from training are absent here.
        public let probabilities: [Category: Double]
        /// The most probable category.
        public let category: Category
        /// The probability of `category`.
        public let confidence: Double
        /// The probabilities in the model's column order (`NgramModel.categories`).
        let columnProbabilities: [Double]
    }

    /// One n-gram's pull towards a category, for the evidence shown to operators.
    public struct Contribution: Sendable, Hashable {
        /// The n-gram as normalised text (digits read as `0`).
        public let ngram: String
        /// How much it raised the category's score above the best other category's.
        public let weight: Double
    }

    /// Identifies the trained model in decisions, so a decision can be traced to what made it.
    public let version: String
    /// How the model was trained.
    public let configuration: Configuration
    /// Scores are divided by this before the softmax.
    public let temperature: Double
    /// The categories the model knows, in column order.
    public let categories: [Category]
    /// Per category, the score of a record with no known n-gram.
    let bias: [Double]
    /// N-gram key → row of `idf` and `weights`.
    let featureIndex: [UInt64: Int32]
    /// Row → n-gram key, for evidence and encoding.
    let keys: [UInt64]
    /// Row → inverse document frequency.
    let idf: [Float]
    /// Row × category.
    let weights: [Float]

    /// A model from its parts, as training and decoding produce them; rows in `keys` order.
    init(
        version: String, configuration: Configuration, temperature: Double, categories: [Category], bias: [Double],
        keys: [UInt64], idf: [Float], weights: [Float]
    ) {
        self.version = version
        self.configuration = configuration
        self.temperature = temperature
        self.categories = categories
        self.bias = bias
        self.keys = keys
        self.idf = idf
        self.weights = weights
        featureIndex = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, Int32($0)) })
    }

    /// The record's known features as (row, value) pairs, rows ascending, the vector of unit length.
    ///
    /// The hot path: keys are integers, rows are collected into one array and sorted so repeats
    /// can be counted without a per-call dictionary.
    func features(_ scalars: [Unicode.Scalar]) -> [(row: Int32, value: Float)] {
        var rows: [Int32] = []
        rows.reserveCapacity(scalars.count * configuration.maximumNgramLength)
        NgramKey.forEach(in: scalars, maximumLength: configuration.maximumNgramLength) { key in
            if let row = featureIndex[key] { rows.append(row) }
        }
        return Self.weighted(rows, idf: idf)
    }

    /// Tf-idf weights of a bag of rows, scaled to unit length; shared with training.
    static func weighted(_ rows: [Int32], idf: [Float]) -> [(row: Int32, value: Float)] {
        guard !rows.isEmpty else { return [] }
        let sorted = rows.sorted()
        var result: [(row: Int32, value: Float)] = []
        result.reserveCapacity(sorted.count)
        var start = 0
        var norm: Float = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, sorted[end] == sorted[start] { end += 1 }
            let value = (1 + log(Float(end - start))) * idf[Int(sorted[start])]
            result.append((sorted[start], value))
            norm += value * value
            start = end
        }
        let scale = 1 / norm.squareRoot()
        for index in result.indices { result[index].value *= scale }
        return result
    }

    /// Untempered scores per column.
    func scores(_ features: [(row: Int32, value: Float)]) -> [Double] {
        let classCount = categories.count
        var sums = [Float](repeating: 0, count: classCount)
        weights.withUnsafeBufferPointer { table in
            for feature in features {
                let base = Int(feature.row) * classCount
                for column in 0..<classCount { sums[column] += feature.value * table[base + column] }
            }
        }
        return (0..<classCount).map { bias[$0] + Double(sums[$0]) }
    }

    /// Softmax of `scores / temperature`.
    static func probabilities(_ scores: [Double], temperature: Double) -> [Double] {
        let top = scores.max() ?? 0
        let exponentials = scores.map { exp(($0 - top) / temperature) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }

    /// The probability of each category for text already passed through ``TextNormalizer``.
    public func predict(normalized scalars: [Unicode.Scalar]) -> Prediction {
        prediction(features(scalars))
    }

    /// The prediction for features from `features(_:)`, so a caller can reuse them for evidence.
    func prediction(_ features: [(row: Int32, value: Float)]) -> Prediction {
        let probabilities = Self.probabilities(scores(features), temperature: temperature)
        var best = 0
        for column in probabilities.indices where probabilities[column] > probabilities[best] { best = column }
        var byCategory: [Category: Double] = [:]
        for (column, category) in categories.enumerated() { byCategory[category] = probabilities[column] }
        return Prediction(
            probabilities: byCategory, category: categories[best], confidence: probabilities[best],
            columnProbabilities: probabilities)
    }

    /// The probability of each category for normalised text.
    public func predict(normalized text: String) -> Prediction {
        predict(normalized: Array(text.unicodeScalars))
    }

    /// The n-grams that most raise `category` over the best other category, strongest first.
    ///
    /// An n-gram inside a stronger one already listed is skipped, so 漏水 does not also list 漏 and 水.
    public func evidence(normalized scalars: [Unicode.Scalar], for category: Category, limit: Int = 5) -> [Contribution] {
        evidence(features(scalars), for: category, limit: limit)
    }

    /// The evidence for features from `features(_:)`.
    func evidence(_ features: [(row: Int32, value: Float)], for category: Category, limit: Int) -> [Contribution] {
        guard let column = categories.firstIndex(of: category), categories.count > 1, limit > 0 else { return [] }
        let classCount = categories.count
        let ranked = features.compactMap { feature -> (key: UInt64, weight: Double)? in
            let base = Int(feature.row) * classCount
            var bestOther = -Float.infinity
            for other in 0..<classCount where other != column { bestOther = max(bestOther, weights[base + other]) }
            let weight = Double(feature.value * (weights[base + column] - bestOther))
            return weight > 0 ? (keys[Int(feature.row)], weight) : nil
        }.sorted { ($0.weight, $0.key) > ($1.weight, $1.key) }
        var chosen: [Contribution] = []
        for candidate in ranked where chosen.count < limit {
            let ngram = NgramKey.text(of: candidate.key)
            if chosen.contains(where: { $0.ngram.contains(ngram) || ngram.contains($0.ngram) }) { continue }
            chosen.append(Contribution(ngram: ngram, weight: candidate.weight))
        }
        return chosen
    }
}
