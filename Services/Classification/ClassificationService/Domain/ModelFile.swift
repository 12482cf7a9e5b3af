import Foundation

/// A model the training tool writes and the service loads: JSON, compact, keys sorted, so the same
/// model always gives the same bytes (a retraining that changed nothing leaves no diff).
public protocol ModelFile: Codable {}

extension ModelFile {
    /// The model as JSON.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The model in `data`, as written by ``jsonData()``.
    public init(jsonData data: Data) throws {
        self = try JSONDecoder().decode(Self.self, from: data)
    }
}
