import FenliuModel
import Foundation
import HTTPClient
import RPC
import ServiceSupport
import SwiftProtobuf

/// Where the services are and which keys to use, as the local stack wrote them: the environment
/// first, then `$FENLIU_STATE_DIR/stack.env` (or `.fenliu/stack/stack.env`) for URLs and the keys
/// file it names (or `.fenliu/keys.env`), then the default ports 8081–8085.
struct Stack {
    let values: [String: String]
    let httpClient: HTTPClient

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        var values = [String: String]()
        let root = Self.root(environment)
        let stateDirectory = environment["FENLIU_STATE_DIR"] ?? root.map { "\($0)/.fenliu/stack" }
        if let stateDirectory { values.merge(Self.read("\(stateDirectory)/stack.env")) { old, _ in old } }
        let keysFile = environment["FENLIU_KEYS_ENV"] ?? values["FENLIU_KEYS_ENV"] ?? root.map { "\($0)/.fenliu/keys.env" }
        if let keysFile { values.merge(Self.read(keysFile)) { old, _ in old } }
        values.merge(environment) { _, new in new }
        self.values = values
        httpClient = HTTPClient(configuration: .init(requestTimeout: .seconds(60)))
    }

    /// The checkout the command runs in (the nearest folder up with a `.fenliu`), if any.
    static func root(_ environment: [String: String]) -> String? {
        var url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<8 {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(".fenliu").path) { return url.path }
            url.deleteLastPathComponent()
        }
        return nil
    }

    /// `NAME=value` lines; a missing file gives nothing.
    static func read(_ path: String) -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        var values = [String: String]()
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            var value = String(parts[1]).trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            values[String(parts[0]).trimmingCharacters(in: .whitespaces)] = value
        }
        return values
    }

    func url(_ service: ServiceName) -> String {
        values[service.urlVariable] ?? "http://127.0.0.1:\(service.defaultPort)"
    }

    /// The key given with `--key`, else `FENLIU_KEY`, else the stack's key named `variable`.
    func key(_ explicit: String?, default variable: String) throws -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let key = values["FENLIU_KEY"], !key.isEmpty { return key }
        if let key = values[variable], !key.isEmpty { return key }
        throw CLIError("no key: pass --key, set FENLIU_KEY, or run where scripts/up wrote .fenliu/keys.env (\(variable))")
    }

    func client(_ service: ServiceName, key: String) -> RPCClient {
        RPCClient(baseURL: url(service), httpClient: httpClient, timeout: .seconds(30), key: key)
    }

    /// Calls `method` on `service`; a failure becomes a `CLIError` a person can act on.
    func call<Request: SwiftProtobuf.Message, Response: SwiftProtobuf.Message>(
        _ service: ServiceName, key: String, _ method: RPCMethod<Request, Response>, _ request: Request
    ) async throws -> Response {
        do {
            return try await client(service, key: key).call(method, request)
        } catch {
            throw CLIError.from(error, service: service, url: url(service))
        }
    }

    func shutdown() async {
        try? await httpClient.shutdown()
    }
}

/// A failure the command reports in one line and exits 1 with.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }

    /// A Connect error from `service` in words a person can act on.
    static func from(_ error: any Error, service: ServiceName, url: String) -> CLIError {
        guard let error = error as? ConnectError else { return CLIError("\(service.rawValue): \(error)") }
        switch error.code {
        case .unavailable where error.message.hasPrefix("could not reach"):
            return CLIError("\(service.rawValue) is not answering at \(url) — is the stack running? (scripts/up)")
        case .unauthenticated:
            return CLIError("\(service.rawValue) does not know this key (unauthenticated): \(error.message)")
        case .permissionDenied:
            return CLIError("this key may not do that on \(service.rawValue) (permission_denied): \(error.message)")
        default:
            let fields = error.fieldViolations.map { "\($0.field): \($0.description)" }.joined(separator: "; ")
            return CLIError("\(service.rawValue) answered \(error.code.rawValue): \(fields.isEmpty ? error.message : fields)")
        }
    }
}

extension Stack {
    /// Refuses an id naming no department in routing's directory — a mistyped id (or the wrong
    /// case) would otherwise give an empty queue or a key that sees nothing, silently. Only warns
    /// when routing cannot be asked.
    func checkDepartments(_ ids: [String], key: String) async throws {
        guard !ids.isEmpty else { return }
        let known: [String]
        do {
            known = try await client(.routing, key: key).call(RoutingAPI.listDepartments, .with { $0.includeInactive = true }).departments.map(\.id)
        } catch {
            printError("could not check the department against routing's directory: \(error)")
            return
        }
        for id in ids where !known.contains(id) {
            let near = known.first { $0.lowercased() == id.lowercased() }.map { " — did you mean \($0)?" } ?? ""
            throw CLIError("no department \(id) in routing's directory\(near) (ids look like 510104-cgzf; routing's ListDepartments lists them)")
        }
    }
}
