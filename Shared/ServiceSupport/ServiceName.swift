/// The five Fenliu services: their names, default ports and environment variable names.
public enum ServiceName: String, CaseIterable, Sendable, Hashable {
    case intake
    case classification
    case routing
    case feedback
    case reporting

    /// The port the service listens on when `PORT` is not set (8081–8085 in this order).
    public var defaultPort: Int {
        switch self {
        case .intake: 8081
        case .classification: 8082
        case .routing: 8083
        case .feedback: 8084
        case .reporting: 8085
        }
    }

    /// The variable that holds this service's base URL for its peers, e.g. `FENLIU_ROUTING_URL`.
    public var urlVariable: String { "FENLIU_\(rawValue.uppercased())_URL" }

    /// The executable's name, e.g. `fenliu-routing`.
    public var executableName: String { "fenliu-\(rawValue)" }
}
