import Foundation

/// The routing service's own settings, read once at start-up from the environment (see README).
public struct RoutingConfiguration: Sendable {
    /// Whether to load the seed directory into an empty directory (`FENLIU_ROUTING_SEED_DIRECTORY`,
    /// default on; `false`, `0`, `no` or `off` turn it off).
    public var seedsDirectory: Bool
    /// Base URL given to seeded departments as `<base>/<department id>` (`FENLIU_ROUTING_DEFAULT_ENDPOINT`);
    /// the local stack points it at the stand-in receiver.
    public var defaultEndpoint: String?
    /// Deadlines, calendar and returns (`FENLIU_ROUTING_POLICY_FILE`, a JSON file; `FENLIU_ROUTING_MAX_RETURNS`).
    public var policy: RoutingPolicy

    /// Creates a configuration.
    public init(seedsDirectory: Bool = true, defaultEndpoint: String? = nil, policy: RoutingPolicy = .standard) {
        self.seedsDirectory = seedsDirectory
        self.defaultEndpoint = defaultEndpoint
        self.policy = policy
    }

    /// Reads the configuration; throws a message naming the variable that is wrong.
    public static func fromEnvironment(_ environment: [String: String]) throws -> RoutingConfiguration {
        var configuration = RoutingConfiguration()
        if let text = environment["FENLIU_ROUTING_SEED_DIRECTORY"]?.lowercased(), !text.isEmpty {
            configuration.seedsDirectory = !["false", "0", "no", "off"].contains(text)
        }
        if let endpoint = environment["FENLIU_ROUTING_DEFAULT_ENDPOINT"], !endpoint.isEmpty {
            guard endpoint.hasPrefix("http://") || endpoint.hasPrefix("https://") else {
                throw PolicyError("FENLIU_ROUTING_DEFAULT_ENDPOINT must be an http:// or https:// URL, got \"\(endpoint)\"")
            }
            configuration.defaultEndpoint = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
        }
        if let path = environment["FENLIU_ROUTING_POLICY_FILE"], !path.isEmpty {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw PolicyError("FENLIU_ROUTING_POLICY_FILE: cannot read \(path)")
            }
            do {
                configuration.policy = try RoutingPolicy.parse(data)
            } catch {
                throw PolicyError("FENLIU_ROUTING_POLICY_FILE \(path): \(error)")
            }
        }
        if let text = environment["FENLIU_ROUTING_MAX_RETURNS"], !text.isEmpty {
            guard let count = Int(text), count >= 1 else {
                throw PolicyError("FENLIU_ROUTING_MAX_RETURNS must be a whole number of at least 1, got \"\(text)\"")
            }
            configuration.policy.returns.maximumReturns = count
        }
        return configuration
    }
}
