import Foundation
import ServiceSupport

/// Intake's own settings, read at start-up with the shared reader.
public struct IntakeConfiguration: ModuleConfiguration {
    /// How long the Open311 service list taken from classification's catalogue is kept
    /// (`FENLIU_OPEN311_CATALOGUE_TTL_S`, default 60 s).
    public var open311CatalogueLifetime: Duration
    /// How callers' names, phones and emails are sealed at rest (`FENLIU_DATA_KEYS`:
    /// `id:base64(32 bytes),…`, the first is current; `FENLIU_DATA_INDEX_KEY`: base64(32 bytes),
    /// for finding repeat calls by phone without storing it).
    public var cipher: PersonalDataCipher

    /// Creates a configuration.
    public init(open311CatalogueLifetime: Duration = .seconds(60), cipher: PersonalDataCipher = .none) {
        self.open311CatalogueLifetime = open311CatalogueLifetime
        self.cipher = cipher
    }

    public static func read(from reader: inout ConfigurationReader) -> IntakeConfiguration {
        var keys = [PersonalDataCipher.Key]()
        for entry in (reader.text("FENLIU_DATA_KEYS") ?? "").split(separator: ",") {
            let parts = entry.split(separator: ":", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let key = PersonalDataCipher.Key(id: parts[0], base64: parts[1]) else {
                reader.problem("FENLIU_DATA_KEYS: an entry is not <id>:<base64 of 32 bytes>")
                continue
            }
            // One id, one key: a second key under an id the rows already name would be tried in its
            // place and fail to open them (a typo in a rotation made every listing a 500).
            guard !keys.contains(where: { $0.id == key.id }) else {
                reader.problem("FENLIU_DATA_KEYS: the id \"\(key.id)\" is given twice; each key needs its own id")
                continue
            }
            keys.append(key)
        }
        var index: Data?
        if let text = reader.text("FENLIU_DATA_INDEX_KEY") {
            if let data = Data(base64Encoded: text), data.count == 32 {
                index = data
            } else {
                reader.problem("FENLIU_DATA_INDEX_KEY must be base64 of 32 bytes")
            }
        }
        if !keys.isEmpty, index == nil { reader.problem("FENLIU_DATA_KEYS needs FENLIU_DATA_INDEX_KEY (repeat calls are found by a keyed hash of the phone)") }
        return IntakeConfiguration(
            open311CatalogueLifetime: .seconds(reader.integer("FENLIU_OPEN311_CATALOGUE_TTL_S", default: 60, in: 1...86_400)),
            cipher: PersonalDataCipher(keys: keys, indexKey: index))
    }
}
