import Foundation

/// The access settings every service reads (README, "Keys and scopes").
public struct AccessConfiguration: Sendable {
    /// Whether calls need a key (`FENLIU_AUTH`, default on). Off only for tests of one service and
    /// local experiments; the service says so loudly at start-up.
    public var isEnabled: Bool
    /// This service's own key, sent to its peers (`FENLIU_SERVICE_KEY`, `fk_<id>_<secret>` with the
    /// scope `service:<name>` on every peer).
    public var serviceKey: String?
    /// Keys made at start-up when missing (`FENLIU_KEYS_FILE`, and `FENLIU_ADMIN_KEY`): hashes only;
    /// a key revoked since stays revoked.
    public var keys: [StoredKey]
    /// Requests per minute per key, unless the key says otherwise (`FENLIU_RATE_LIMIT_PER_MINUTE`,
    /// default 1200); keys of other Fenliu services are not limited.
    public var requestsPerMinute: Int
    /// Calls served at once before new ones are shed (`FENLIU_MAX_CONCURRENT_CALLS`, default 256).
    public var maximumConcurrentCalls: Int

    public init(
        isEnabled: Bool, serviceKey: String? = nil, keys: [StoredKey] = [], requestsPerMinute: Int = 1200, maximumConcurrentCalls: Int = 256
    ) {
        self.isEnabled = isEnabled
        self.serviceKey = serviceKey
        self.keys = keys
        self.requestsPerMinute = requestsPerMinute
        self.maximumConcurrentCalls = maximumConcurrentCalls
    }

    /// No keys needed (tests of one service).
    public static let off = AccessConfiguration(isEnabled: false)

    /// The file `FENLIU_KEYS_FILE` names: `{"keys": [{"id", "label", "scopes", "secret_sha256",
    /// "requests_per_minute"}]}`, as scripts/up and scripts/compose-keys write it.
    struct KeysFile: Codable {
        struct Key: Codable {
            var id: String
            var label: String
            var scopes: [String]
            var secretSHA256: String
            var requestsPerMinute: Int?

            enum CodingKeys: String, CodingKey {
                case id, label, scopes
                case secretSHA256 = "secret_sha256"
                case requestsPerMinute = "requests_per_minute"
            }
        }

        var keys: [Key]
    }

    static func read(from reader: inout ConfigurationReader, service: ServiceName, callsPeers: Bool) -> AccessConfiguration {
        var configuration = AccessConfiguration(
            isEnabled: reader.flag("FENLIU_AUTH", default: true),
            requestsPerMinute: reader.integer("FENLIU_RATE_LIMIT_PER_MINUTE", default: 1200, in: 1...10_000_000),
            maximumConcurrentCalls: reader.integer("FENLIU_MAX_CONCURRENT_CALLS", default: 256, in: 1...100_000))
        // The same list from a file (scripts/up) or inline (compose, FENLIU_KEYS_JSON).
        var sources = [(String, Data)]()
        if let data = reader.file("FENLIU_KEYS_FILE") { sources.append(("FENLIU_KEYS_FILE", data)) }
        if let text = reader.text("FENLIU_KEYS_JSON"), !text.isEmpty { sources.append(("FENLIU_KEYS_JSON", Data(text.utf8))) }
        for (name, data) in sources {
            do {
                for key in try JSONDecoder().decode(KeysFile.self, from: data).keys {
                    let scopes = key.scopes.compactMap(Scope.init)
                    guard scopes.count == key.scopes.count, Scope.isName(key.id), key.secretSHA256.count == 64 else {
                        reader.problem("\(name): key \"\(key.id)\" has an unknown scope, a bad id or a bad hash")
                        continue
                    }
                    configuration.keys.append(
                        StoredKey(
                            id: key.id, label: key.label, scopes: scopes, secretHash: key.secretSHA256, requestsPerMinute: key.requestsPerMinute ?? 0))
                }
            } catch {
                reader.problem("\(name) is not a list of keys: \(error)")
            }
        }
        if let text = reader.text("FENLIU_ADMIN_KEY") {
            if let key = KeyText(text) {
                configuration.keys.append(StoredKey(id: key.id, label: "administrator (FENLIU_ADMIN_KEY)", scopes: [.admin], secretHash: key.secretHash))
            } else {
                reader.problem("FENLIU_ADMIN_KEY must be a key, fk_<id>_<secret>")
            }
        }
        if let text = reader.text("FENLIU_SERVICE_KEY") {
            if KeyText(text) != nil {
                configuration.serviceKey = text
            } else {
                reader.problem("FENLIU_SERVICE_KEY must be a key, fk_<id>_<secret>")
            }
        } else if configuration.isEnabled, callsPeers {
            reader.problem("FENLIU_SERVICE_KEY is not set: \(service.rawValue) calls its peers with it (or FENLIU_AUTH=off)")
        }
        return configuration
    }
}
