import FenliuModel
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads settings from environment variables and collects every problem instead of stopping at the
/// first, so a DevOps engineer fixes a deployment in one go. The shared settings and each service's
/// own settings are read with the same reader; start-up stops (exit 2) when it holds any problem.
public struct ConfigurationReader: Sendable {
    /// The variables being read.
    public let environment: [String: String]
    /// Every problem found so far, in words an operator can act on.
    public private(set) var problems: [String] = []

    /// Creates a reader over `environment`.
    public init(_ environment: [String: String]) {
        self.environment = environment
    }

    /// The variable's value, or `nil` when it is unset or empty.
    public func text(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// Records a problem.
    public mutating func problem(_ description: String) {
        problems.append(description)
    }

    /// A whole number in `range`, `fallback` when unset; a bad value is a problem.
    public mutating func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) -> Int {
        guard let text = text(name) else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            problem("\(name) must be a whole number in \(range.lowerBound)...\(range.upperBound), got \"\(text)\"")
            return fallback
        }
        return number
    }

    /// A number in `range`, `fallback` when unset; a bad value is a problem.
    public mutating func number(_ name: String, default fallback: Double, in range: ClosedRange<Double>) -> Double {
        guard let text = text(name) else { return fallback }
        guard let number = Double(text), number.isFinite, range.contains(number) else {
            problem("\(name) must be a number in \(range.lowerBound)...\(range.upperBound), got \"\(text)\"")
            return fallback
        }
        return number
    }

    /// A switch: `true`/`1`/`yes`/`on` or `false`/`0`/`no`/`off`, `fallback` when unset.
    public mutating func flag(_ name: String, default fallback: Bool) -> Bool {
        guard let text = text(name)?.lowercased() else { return fallback }
        switch text {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default:
            problem("\(name) must be true or false (also 1/0, yes/no, on/off), got \"\(text)\"")
            return fallback
        }
    }

    /// An `http://` or `https://` URL without a trailing slash, or `nil` when unset.
    public mutating func url(_ name: String) -> String? {
        guard let text = text(name) else { return nil }
        guard text.hasPrefix("http://") || text.hasPrefix("https://") else {
            problem("\(name) must be an http:// or https:// URL, got \"\(text)\"")
            return nil
        }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    /// An address to listen on: an IPv4 or IPv6 literal, or a name this machine resolves
    /// (`localhost`, a container's own name); `fallback` when unset. Checked here, at start-up, so a
    /// typo is told before the database is migrated rather than when the port is bound.
    public mutating func listenHost(_ name: String, default fallback: String) -> String {
        guard let text = text(name) else { return fallback }
        // A literal is read without the resolver; a name is looked up once (a blocking call, at
        // start-up only), and the resolver's own reason is given when it fails.
        func lookUp(_ flags: Int32) -> Int32 {
            var hints = addrinfo()
            hints.ai_flags = AI_PASSIVE | flags
            #if os(Linux)
                hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            #else
                hints.ai_socktype = SOCK_STREAM
            #endif
            var found: UnsafeMutablePointer<addrinfo>?
            let status = getaddrinfo(text, nil, &hints, &found)
            if let found { freeaddrinfo(found) }
            return status
        }
        guard lookUp(AI_NUMERICHOST) != 0 else { return text }
        let status = lookUp(0)
        guard status == 0 else {
            let reason = String(cString: gai_strerror(status))
            problem("\(name) must be an address to listen on (0.0.0.0, ::, 127.0.0.1, or a name that resolves), got \"\(text)\" (\(reason))")
            return fallback
        }
        return text
    }

    /// A base URL webhooks may be sent under, by the rule the APIs apply (`FieldViolation.webhookURL`:
    /// http(s), no link-local or unspecified address), without a trailing slash; `nil` when unset.
    public mutating func webhookURL(_ name: String) -> String? {
        guard let text = text(name), let url = webhookURL(text, named: name) else { return nil }
        return url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    /// `text`, checked as a webhook URL for the setting `name` (also one entry of a list setting).
    public mutating func webhookURL(_ text: String, named name: String) -> String? {
        guard let violation = FieldViolation.webhookURL(text, field: name) else { return text }
        problem("\(name) \(violation.description), got \"\(text)\"")
        return nil
    }

    /// The contents of the file a variable names, or `nil` when unset.
    public mutating func file(_ name: String) -> Data? {
        guard let path = text(name) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            problem("\(name): cannot read \(path)")
            return nil
        }
        return data
    }
}

/// The environment does not describe a runnable service: every problem, listed.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The service being configured.
    public let service: ServiceName
    /// Each problem, in words a DevOps engineer can act on.
    public let problems: [String]

    /// Creates an error.
    public init(service: ServiceName, problems: [String]) {
        self.service = service
        self.problems = problems
    }

    public var description: String {
        "fenliu-\(service.rawValue) cannot start:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

/// A service's own settings, read with the shared reader (see `ServiceModule.Configuration`).
public protocol ModuleConfiguration: Sendable {
    /// Reads the settings; bad values are recorded as problems on `reader`, never ignored.
    static func read(from reader: inout ConfigurationReader) -> Self
}

/// For services without settings of their own.
public struct NoModuleConfiguration: ModuleConfiguration {
    /// Creates the empty configuration.
    public init() {}

    public static func read(from reader: inout ConfigurationReader) -> NoModuleConfiguration { NoModuleConfiguration() }
}

extension ModuleConfiguration {
    /// Reads the settings from `environment` alone and throws every problem (for tests and tools;
    /// a service reads them together with the shared settings).
    public static func fromEnvironment(_ environment: [String: String], service: ServiceName) throws(ConfigurationError) -> Self {
        var reader = ConfigurationReader(environment)
        let configuration = read(from: &reader)
        guard reader.problems.isEmpty else { throw ConfigurationError(service: service, problems: reader.problems) }
        return configuration
    }
}
