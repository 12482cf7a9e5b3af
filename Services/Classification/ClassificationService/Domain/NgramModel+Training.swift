import FenliuModel
import Foundation

extension NgramModel {
    /// Stored numbers are multiples of this, so a trained model and its JSON predict identically.
    static let quantum = 0.001

    /// A model trained on labelled descriptions, normalised here with `normalizer`.
    ///
    /// Deterministic: the same examples in the same order give the same model, byte for byte. With
    /// no examples the model knows every category and gives them equal probability; with one
    /// category it knows only that one. Takes about two seconds for two thousand records (`-O`).
    public static func train(
        _ examples: [(text: String, category: Category)],
        normalizer: TextNormalizer,
        configuration: Configuration = Configuration(),
        version: String
    ) -> NgramModel {
        let present = Set(examples.map(\.category))
        let categories = present.isEmpty ? Category.allCases : Category.allCases.filter(present.contains)
        let column = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, $0) })
        let records = examples.map { example -> Record in
            var keys: [UInt64] = []
            NgramKey.forEach(in: normalizer.normalizedScalars(example.text), maximumLength: configuration.maximumNgramLength) {
                keys.append($0)
            }
            return Record(column: column[example.category]!, keys: keys)
        }
        var temperature = 1.0
        if configuration.calibrationStride > 1 {
            var seen = [Int](repeating: 0, count: categories.count)
            var fitting: [Record] = []
            var held: [Record] = []
            // Every stride-th record of each category, so small categories are represented too.
            for record in records {
                seen[record.column] += 1
                if seen[record.column] % configuration.calibrationStride == 0 { held.append(record) } else { fitting.append(record) }
            }
            if !held.isEmpty, Set(fitting.map(\.column)).count == categories.count {
                let probe = fit(fitting, categories: categories, configuration: configuration, temperature: 1, version: version)
                temperature = probe.fittedTemperature(held)
            }
        }
        return fit(records, categories: categories, configuration: configuration, temperature: temperature, version: version)
    }

    /// One training record: its category's column and its n-gram keys, repeats included.
    struct Record {
        let column: Int
        let keys: [UInt64]
    }

    private static func fit(
        _ records: [Record], categories: [Category], configuration: Configuration,
        temperature: Double, version: String
    ) -> NgramModel {
        var documentFrequency: [UInt64: Int] = [:]
        for record in records {
            for key in Set(record.keys) { documentFrequency[key, default: 0] += 1 }
        }
        let keys = documentFrequency.filter { $0.value >= configuration.minimumDocumentFrequency }.keys.sorted()
        let row = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, Int32($0)) })
        // Smoothed idf as in scikit-learn: ln((1 + n) / (1 + df)) + 1.
        let count = Double(records.count)
        let idf = keys.map { Float(quantized(log((1 + count) / (1 + Double(documentFrequency[$0]!))) + 1)) }
        // Class balancing (scikit-learn's class_weight="balanced"): each record weighs
        // n / (classes × its class's records), so every category counts as much in the loss.
        var perClass = [Int](repeating: 0, count: categories.count)
        for record in records { perClass[record.column] += 1 }
        let samples = records.map { record in
            SoftmaxRegression.Sample(
                features: weighted(record.keys.compactMap { row[$0] }, idf: idf), column: record.column,
                weight: configuration.classBalanced ? count / (Double(categories.count) * Double(perClass[record.column])) : 1)
        }
        let fitted = SoftmaxRegression.fit(
            samples, featureCount: keys.count, classCount: categories.count,
            inverseRegularization: configuration.inverseRegularization,
            maximumIterations: configuration.maximumIterations)
        return NgramModel(
            version: version, configuration: configuration, temperature: quantized(temperature),
            categories: categories, bias: fitted.bias.map(quantized), keys: keys, idf: idf,
            weights: fitted.weights.map { Float(quantized($0)) })
    }

    /// `value` rounded to a multiple of `quantum`.
    static func quantized(_ value: Double) -> Double {
        (value / quantum).rounded() * quantum
    }

    /// The temperature that minimises the log-loss of held-out records, from a log-spaced grid.
    ///
    /// A grid rather than a solver: the loss is smooth and one-dimensional, and 60 points cost
    /// nothing next to training, with no chance of wandering off on a tiny corpus.
    private func fittedTemperature(_ held: [Record]) -> Double {
        let scored = held.map { record in
            (scores: scores(Self.weighted(record.keys.compactMap { featureIndex[$0] }, idf: idf)), column: record.column)
        }
        var best = (temperature: 1.0, loss: Double.infinity)
        for step in 0..<60 {
            // From 0.25 to 8: below 1 sharpens an under-confident model, above 1 softens.
            let temperature = 0.25 * exp(Double(step) * log(32.0) / 59)
            var loss = 0.0
            for item in scored {
                loss -= log(max(Self.probabilities(item.scores, temperature: temperature)[item.column], 1e-12))
            }
            if loss < best.loss { best = (temperature, loss) }
        }
        return best.temperature
    }
}
