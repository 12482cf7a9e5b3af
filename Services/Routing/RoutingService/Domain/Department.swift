import FenliuModel

/// A department of the directory: who can be given a ticket, and where its system listens.
public struct Department: Sendable, Hashable {
    /// The administrative level, as `fenliu.routing.v1.DepartmentLevel` names it.
    public enum Level: String, Sendable, Hashable, CaseIterable {
        case municipal = "MUNICIPAL"
        case district = "DISTRICT"
        case street = "STREET"
    }

    /// Stable id, e.g. `510104-cgzf`.
    public var id: String
    /// The name operators see, e.g. 锦江区综合行政执法局.
    public var name: String
    /// Municipal, district or street.
    public var level: Level
    /// The district code it belongs to; empty for municipal departments.
    public var district: String
    /// The destination system's webhook URL; empty when it has none yet.
    public var endpointURL: String
    /// Whether it takes tickets.
    public var isActive: Bool
    /// Whether it has a webhook secret of its own (the secret itself is never read back).
    public var hasWebhookSecret: Bool
    /// The matters it governs.
    public var categories: [Category]

    /// Creates a department.
    public init(
        id: String, name: String, level: Level, district: String = "", endpointURL: String = "", isActive: Bool = true,
        hasWebhookSecret: Bool = false, categories: [Category] = []
    ) {
        self.id = id
        self.name = name
        self.level = level
        self.district = district
        self.endpointURL = endpointURL
        self.isActive = isActive
        self.hasWebhookSecret = hasWebhookSecret
        self.categories = categories
    }

    /// The 12345 centre: fallback of last resort, manual assignment and arbitration.
    public static let municipalCentreID = "municipal-12345"

    /// The department that receives every ticket for an emergency destination, or `nil` for 12345.
    public static func emergencyServiceID(for destination: Destination) -> String? { destination.emergencyServiceID }

    /// The id of a district's government (`<district>-gov`), the fallback when no rule fits.
    public static func districtGovernmentID(for district: String) -> String { "\(district)-gov" }
}
