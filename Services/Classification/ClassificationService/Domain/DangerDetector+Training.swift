import FenliuModel
import Foundation

extension DangerDetector {
    /// A detector trained on labelled descriptions: a record needs an emergency service when its
    /// category's group is not `nonPolice` (110's, 119's and 120's categories), normalised here with
    /// `normalizer`.
    ///
    /// Class-balanced (both kinds count alike in the loss, whatever their share of the corpus), fitted
    /// as a two-column softmax by the same optimiser as ``NgramModel`` and stored as the difference
    /// of the columns, which is the logistic model. Deterministic, like the category model.
    public static func train(
        _ examples: [(text: String, category: Category)], normalizer: TextNormalizer,
        configuration: Configuration = Configuration(), threshold: Double, version: String
    ) -> DangerDetector {
        let records = examples.map { example -> (keys: [UInt64], column: Int) in
            var keys: [UInt64] = []
            let text = SafetyRules.joiningPauses(normalizer.normalizedScalars(example.text)).text
            NgramKey.forEach(in: text, maximumLength: configuration.maximumNgramLength) {
                keys.append($0)
            }
            return (keys, example.category.isEmergencyService ? 1 : 0)
        }
        let (keys, row, idf) = NgramModel.vocabulary(records.map(\.keys), minimumDocumentFrequency: configuration.minimumDocumentFrequency)
        let count = Double(records.count)
        let emergencies = Double(records.filter { $0.column == 1 }.count)
        // Each kind weighs half of the loss (a kind with no records weighs nothing: the fit then
        // knows one answer and the detector clears nothing it is unsure of).
        let samples = records.map { record in
            let kind = record.column == 1 ? emergencies : count - emergencies
            return SoftmaxRegression.Sample(
                features: NgramModel.weighted(record.keys.compactMap { row[$0] }, idf: idf), column: record.column,
                weight: kind > 0 ? count / (2 * kind) : 1)
        }
        let fitted = SoftmaxRegression.fit(
            samples, featureCount: keys.count, classCount: 2, inverseRegularization: configuration.inverseRegularization,
            maximumIterations: configuration.maximumIterations)
        return DangerDetector(
            version: version, configuration: configuration, threshold: threshold,
            bias: NgramModel.quantized(fitted.bias[1] - fitted.bias[0]), keys: keys, idf: idf,
            weights: keys.indices.map { Float(NgramModel.quantized(fitted.weights[2 * $0 + 1] - fitted.weights[2 * $0])) })
    }
}

/// The detector's JSON form, like the category model's: numbers in units of `quantum`, each n-gram
/// keyed by its text — `{"version":…,"threshold":0.05,"bias":…,"features":{"着火":[idf, w], …}}`.
extension DangerDetector: ModelFile {
    private enum CodingKeys: String, CodingKey {
        case version, configuration, threshold, quantum, bias, features
    }

    /// Decodes a detector written by `encode(to:)`, rejecting malformed rows and thresholds.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let quantum = try container.decode(Double.self, forKey: .quantum)
        let threshold = try container.decode(Double.self, forKey: .threshold)
        guard quantum > 0, (0...Self.maximumThreshold).contains(threshold) else {
            throw DecodingError.dataCorruptedError(
                forKey: .threshold, in: container, debugDescription: "threshold must be 0…\(Self.maximumThreshold)")
        }
        var rows: [(key: UInt64, values: [Int])] = []
        var seen = Set<UInt64>()
        for (ngram, values) in try container.decode([String: [Int]].self, forKey: .features) {
            // Two spellings of one key ("0" and "1": digits all read as 0) would be two rows.
            guard let key = NgramKey.key(of: ngram), values.count == 2, seen.insert(key).inserted else {
                throw DecodingError.dataCorruptedError(forKey: .features, in: container, debugDescription: "bad or repeated feature row \(ngram)")
            }
            rows.append((key, values))
        }
        rows.sort { $0.key < $1.key }
        self.init(
            version: try container.decode(String.self, forKey: .version),
            configuration: try container.decode(Configuration.self, forKey: .configuration),
            threshold: threshold, bias: Double(try container.decode(Int.self, forKey: .bias)) * quantum,
            keys: rows.map(\.key), idf: rows.map { Float(Double($0.values[0]) * quantum) },
            weights: rows.map { Float(Double($0.values[1]) * quantum) })
    }

    /// Encodes the detector; see the extension's comment for the layout.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let quantum = NgramModel.quantum
        func units(_ value: Double) -> Int { Int((value / quantum).rounded()) }
        try container.encode(version, forKey: .version)
        try container.encode(configuration, forKey: .configuration)
        try container.encode(threshold, forKey: .threshold)
        try container.encode(quantum, forKey: .quantum)
        try container.encode(units(bias), forKey: .bias)
        var features: [String: [Int]] = [:]
        features.reserveCapacity(keys.count)
        for (row, key) in keys.enumerated() { features[NgramKey.text(of: key)] = [units(Double(idf[row])), units(Double(weights[row]))] }
        try container.encode(features, forKey: .features)
    }
}
