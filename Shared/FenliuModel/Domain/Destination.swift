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
