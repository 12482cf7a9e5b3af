/// The line a call came in on.
///
/// Raw values are the stable API codes of `fenliu.common.v1.Channel`.
public enum Channel: String, CaseIterable, Sendable, Codable, Hashable {
    case police110 = "CHANNEL_110"
    case hotline12345 = "CHANNEL_12345"
    case fire119 = "CHANNEL_119"
    case medical120 = "CHANNEL_120"
    case open311 = "CHANNEL_OPEN311"

    /// The stable API code, e.g. `CHANNEL_110`.
    public var code: String { rawValue }

    /// The channel with an API code, or `nil`.
    public init?(code: String) { self.init(rawValue: code) }

    /// Whether the call reached an emergency line first (110, 119, 120); such calls are diverted to
    /// 12345 only when the classifier is confident.
    public var isEmergencyLine: Bool {
        switch self {
        case .police110, .fire119, .medical120: true
        case .hotline12345, .open311: false
        }
    }
}
