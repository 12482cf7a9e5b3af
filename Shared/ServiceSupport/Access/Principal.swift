import FenliuModel
import Postgres

/// Who is calling: the key they presented, its label and scopes. The access gate sets it for the
/// duration of a call (`Principal.current`); handlers ask it what the caller may see.
public struct Principal: Sendable, Equatable {
    /// The key's public id (`fk_<id>_…`).
    public let keyID: String
    /// What the key is for, e.g. "110 dispatch system".
    public let label: String
    /// What it may do.
    public let scopes: Set<Scope>
    /// The first key of the line this key was rotated from (its own id when it replaced none): who
    /// owns what the key made — its subscriptions, its idempotency keys — so a system that rotates
    /// its key, as README tells it to, keeps them.
    public let owner: String

    /// Creates a principal.
    public init(keyID: String, label: String, scopes: Set<Scope>, owner: String? = nil) {
        self.keyID = keyID
        self.label = label
        self.scopes = scopes
        self.owner = owner ?? keyID
    }

    /// The caller of the call being served — in the handler and in the database work it hands to
    /// the pool's threads; `nil` when the service runs without keys (`FENLIU_AUTH=off`, for tests
    /// of one service) or outside a call.
    public static var current: Principal? { DatabaseCallContext.current as? Principal }

    /// Runs `body` as a call by `principal`.
    public static func serving<T: Sendable>(_ principal: Principal, _ body: () async throws -> T) async rethrows -> T {
        try await DatabaseCallContext.$value.withValue(principal) { try await body() }
    }

    /// Whether the key has a scope of `kind`.
    public func has(_ kind: Scope.Kind) -> Bool { scopes.contains { $0.kind == kind } }

    /// The channels the key speaks for.
    public var channels: Set<Channel> {
        Set(scopes.compactMap { if case .channel(let channel) = $0 { channel } else { nil } })
    }

    /// The departments the key speaks for.
    public var departments: Set<String> {
        Set(scopes.compactMap { if case .department(let id) = $0 { id } else { nil } })
    }

    /// Whether the key sees every record: a supervisor, an operator, or another Fenliu service.
    public var seesEverything: Bool { has(.supervisor) || has(.admin) || has(.service) }

    /// The key's name in logs and the audit trail: `label (id)`.
    public var name: String { "\(label) (\(keyID))" }
}

/// What a handler may show of records, from the caller: unrestricted when keys are off or the caller
/// sees everything, otherwise the caller's channels and departments.
public struct Visibility: Sendable {
    /// `nil`: every channel.
    public let channels: Set<Channel>?
    /// `nil`: every department.
    public let departments: Set<String>?

    /// The visibility of the current caller.
    public static var current: Visibility {
        guard let principal = Principal.current, !principal.seesEverything else { return Visibility(channels: nil, departments: nil) }
        return Visibility(channels: principal.channels, departments: principal.departments)
    }

    /// Whether everything is visible.
    public var isUnrestricted: Bool { channels == nil && departments == nil }

    /// Whether a record of `channel` (a call, or a ticket opened by a call on it) is visible.
    public func sees(channel: Channel?) -> Bool {
        guard let channels else { return true }
        return channel.map(channels.contains) ?? false
    }

    /// Whether a ticket held by `department`, opened by a call on `channel`, is visible.
    public func sees(department: String, channel: Channel?) -> Bool {
        isUnrestricted || (departments?.contains(department) ?? false) || (channels.map { channel.map($0.contains) ?? false } ?? false)
    }

    /// The departments as a PostgreSQL `text[]` literal (ids are plain names, `Scope.isName`).
    public var departmentArray: String { "{" + (departments ?? []).sorted().joined(separator: ",") + "}" }

    /// The channels as a PostgreSQL `text[]` literal.
    public var channelArray: String { "{" + (channels ?? []).map(\.code).sorted().joined(separator: ",") + "}" }

    /// What a page token remembers, so a page issued to one key does not continue for another.
    public var fingerprint: String { isUnrestricted ? "*" : departmentArray + channelArray }
}
