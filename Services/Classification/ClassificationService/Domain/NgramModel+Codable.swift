import FenliuModel
import Foundation

/// The model's JSON form. Numbers are stored as integers in units of `quantum` (training already
/// rounds to them), which keeps the file small and exact; each n-gram is keyed by its text, so the
/// file is readable and does not depend on how keys are packed in memory:
/// `{"version":…,"categories":[…],"bias":[…],"features":{"漏水":[idf, w₁, …, wₙ], …}, …}`.
extension NgramModel: Codable {
    private enum CodingKeys: String, CodingKey {
        case version, configuration, temperature, categories, quantum, bias, features
    }

    /// Decodes a model written by `encode(to:)`, rejecting rows of the wrong width.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let categories = try container.decode([Category].self, forKey: .categories)
        let quantum = try container.decode(Double.self, forKey: .quantum)
        let bias = try container.decode([Int].self, forKey: .bias)
        let features = try container.decode([String: [Int]].self, forKey: .features)
        guard !categories.isEmpty, bias.count == categories.count, quantum > 0 else {
            throw DecodingError.dataCorruptedError(forKey: .bias, in: container, debugDescription: "one bias per category expected")
        }
        var rows: [(key: UInt64, values: [Int])] = []
        rows.reserveCapacity(features.count)
        var seen = Set<UInt64>()
        for (ngram, values) in features {
            // Two spellings of one key ("0" and "1": digits all read as 0) would be two rows, and
            // the index built from them would trap instead of the file being refused.
            guard let key = NgramKey.key(of: ngram), values.count == categories.count + 1, seen.insert(key).inserted else {
                throw DecodingError.dataCorruptedError(forKey: .features, in: container, debugDescription: "bad feature row")
            }
            rows.append((key, values))
        }
        // Rows in key order, as training lays them out, so sums run in the same order.
        rows.sort { $0.key < $1.key }
        self.init(
            version: try container.decode(String.self, forKey: .version),
            configuration: try container.decode(Configuration.self, forKey: .configuration),
            temperature: try container.decode(Double.self, forKey: .temperature),
            categories: categories,
            bias: bias.map { Double($0) * quantum },
            keys: rows.map(\.key),
            idf: rows.map { Float(Double($0.values[0]) * quantum) },
            weights: rows.flatMap { $0.values.dropFirst().map { Float(Double($0) * quantum) } }
        )
    }

    /// Encodes the model; see the type's comment for the layout.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let quantum = Self.quantum
        func units(_ value: Double) -> Int { Int((value / quantum).rounded()) }
        try container.encode(version, forKey: .version)
        try container.encode(configuration, forKey: .configuration)
        try container.encode(temperature, forKey: .temperature)
        try container.encode(categories, forKey: .categories)
        try container.encode(quantum, forKey: .quantum)
        try container.encode(bias.map(units), forKey: .bias)
        var features: [String: [Int]] = [:]
        features.reserveCapacity(keys.count)
        let classCount = categories.count
        for (row, key) in keys.enumerated() {
            var values = [units(Double(idf[row]))]
            for column in 0..<classCount { values.append(units(Double(weights[row * classCount + column]))) }
            features[NgramKey.text(of: key)] = values
        }
        try container.encode(features, forKey: .features)
    }

    /// Compact JSON with sorted keys, so the same model always gives the same bytes.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The model in `data`, as written by ``jsonData()``.
    public init(jsonData data: Data) throws {
        self = try JSONDecoder().decode(NgramModel.self, from: data)
    }
}
