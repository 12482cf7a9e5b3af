import FenliuModel

/// What a key may do. A key carries one or more scopes; the method table (`AccessPolicy`) says which
/// kinds of scope may call each method, and the handlers narrow what a channel or a department sees
/// to its own calls and tickets.
///
/// Written `admin`, `supervisor`, `reviewer`, `reporting`, `channel:CHANNEL_110`,
/// `department:510104-cgj`, `open311:<app>`, `service:intake`.
public enum Scope: Hashable, Sendable, CustomStringConvertible {
    /// Keys, outboxes and audit: the operators of the system.
    case admin
    /// The 12345 centre: assigns, arbitrates, approves extensions, edits the directory, publishes
    /// catalogues and rules, reads everything (personal data masked).
    case supervisor
    /// Resolves the classification review queue.
    case reviewer
    /// Reads figures.
    case reporting
    /// A hotline's system (110, 12345, 119, 120): submits on its channel and reads what it sent.
    case channel(Channel)
    /// A department's system: its own tickets only.
    case department(String)
    /// A city app submitting through Open311.
    case open311(String)
    /// Another Fenliu service, for the methods it calls.
    case service(ServiceName)

    /// The kinds of scope the method table speaks of.
    public enum Kind: String, Sendable, CaseIterable {
        case admin, supervisor, reviewer, reporting, channel, department, open311, service
    }

    public var kind: Kind {
        switch self {
        case .admin: .admin
        case .supervisor: .supervisor
        case .reviewer: .reviewer
        case .reporting: .reporting
        case .channel: .channel
        case .department: .department
        case .open311: .open311
        case .service: .service
        }
    }

    /// The written form.
    public var description: String {
        switch self {
        case .admin: "admin"
        case .supervisor: "supervisor"
        case .reviewer: "reviewer"
        case .reporting: "reporting"
        case .channel(let channel): "channel:\(channel.code)"
        case .department(let id): "department:\(id)"
        case .open311(let app): "open311:\(app)"
        case .service(let service): "service:\(service.rawValue)"
        }
    }

    /// Parses the written form; `nil` when it is not a scope.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first ?? "", parts.count == 2 ? parts[1] : nil) {
        case ("admin", nil): self = .admin
        case ("supervisor", nil): self = .supervisor
        case ("reviewer", nil): self = .reviewer
        case ("reporting", nil): self = .reporting
        case ("channel", let code?):
            guard let channel = Channel(code: code), channel != .open311 else { return nil }
            self = .channel(channel)
        case ("department", let id?):
            guard Self.isName(id) else { return nil }
            self = .department(id)
        case ("open311", let app?):
            guard Self.isName(app) else { return nil }
            self = .open311(app)
        case ("service", let name?):
            guard let service = ServiceName(rawValue: name) else { return nil }
            self = .service(service)
        default:
            return nil
        }
    }

    /// An id or app name: 1–64 letters, digits, `-`, `_` or `.`.
    static func isName(_ text: String) -> Bool {
        (1...64).contains(text.count) && text.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || "-_.".contains($0) }
    }
}
