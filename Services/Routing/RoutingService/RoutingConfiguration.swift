import Foundation
import ServiceSupport

/// The routing service's own settings, read once at start-up with the shared reader (see README).
public struct RoutingConfiguration: ModuleConfiguration {
    /// Whether to load the seed directory into an empty directory (`FENLIU_ROUTING_SEED_DIRECTORY`,
    /// default on).
    public var seedsDirectory: Bool
    /// Base URL given to seeded departments as `<base>/<department id>` (`FENLIU_ROUTING_DEFAULT_ENDPOINT`);
    /// the local stack points it at the stand-in receiver.
    public var defaultEndpoint: String?
    /// Deadlines, calendar and returns (`FENLIU_POLICY_FILE`, a JSON file; `FENLIU_ROUTING_MAX_RETURNS`).
    public var policy: RoutingPolicy

    /// Creates a configuration.
    public init(seedsDirectory: Bool = true, defaultEndpoint: String? = nil, policy: RoutingPolicy = .standard) {
        self.seedsDirectory = seedsDirectory
        self.defaultEndpoint = defaultEndpoint
        self.policy = policy
    }

    public static func read(from reader: inout ConfigurationReader) -> RoutingConfiguration {
        var configuration = RoutingConfiguration()
        configuration.seedsDirectory = reader.flag("FENLIU_ROUTING_SEED_DIRECTORY", default: true)
        configuration.defaultEndpoint = reader.webhookURL("FENLIU_ROUTING_DEFAULT_ENDPOINT")
        if let data = reader.file("FENLIU_POLICY_FILE") {
            do {
                configuration.policy = try RoutingPolicy.parse(data)
            } catch {
                reader.problem("FENLIU_POLICY_FILE \(reader.text("FENLIU_POLICY_FILE") ?? ""): \(error)")
            }
        }
        if reader.text("FENLIU_ROUTING_MAX_RETURNS") != nil {
            configuration.policy.returns.maximumReturns = reader.integer("FENLIU_ROUTING_MAX_RETURNS", default: 2, in: 1...100)
        }
        return configuration
    }
}
