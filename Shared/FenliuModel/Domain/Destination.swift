/// An agency that a matter can be sent to.
///
/// Raw values are the stable API codes of `fenliu.common.v1.Destination`.
public enum Destination: String, CaseIterable, Sendable, Codable, Hashable {
    case police110 = "POLICE_110"
    case hotline12345 = "HOTLINE_12345"
    case fire119 = "FIRE_119"
    case medical120 = "MEDICAL_120"

    /// The stable API code, e.g. `POLICE_110`.
    public var code: String { rawValue }

    /// Whether this is one of the emergency services that a dangerous call must reach.
    public var isEmergencyService: Bool { self != .hotline12345 }

    /// The directory id of the agency that receives every ticket for this emergency destination
    /// (`police-110`), or `nil` for 12345, whose tickets go to district departments. Routing seeds
    /// these ids; reporting keeps them out of the departments' ranking.
    public var emergencyServiceID: String? {
        switch self {
        case .police110: "police-110"
        case .fire119: "fire-119"
        case .medical120: "medical-120"
        case .hotline12345: nil
        }
    }

    /// Every emergency service's directory id.
    public static let emergencyServiceIDs = Set(allCases.compactMap(\.emergencyServiceID))

    /// The hotline number operators know the agency by.
    public var hotlineNumber: String {
        switch self {
        case .police110: "110"
        case .hotline12345: "12345"
        case .fire119: "119"
        case .medical120: "120"
        }
    }
}
