import Foundation
import HTTPClient
import RPC

/// A stack started by `scripts/up --detach` in a state folder of its own, on free ports.
public final class LocalStack: @unchecked Sendable {
    /// Base URL per service name.
    public let urls: [String: String]
    /// The webhook secret the stack signs with.
    public let webhookSecret: String
    /// The stand-in receiver's base, e.g. `http://127.0.0.1:8090/hooks` (`GET <base>/<system>` lists
    /// what a system received).
    public let receiverEndpoint: String
    /// The stack's keys by variable (`FENLIU_KEY_110`, `FENLIU_KEY_SUPERVISOR`, …, from keys.env).
    public let keys: [String: String]
    /// The state folder (logs in `logs/`).
    public let stateDirectory: URL
    private var stopped = false

    private init(urls: [String: String], webhookSecret: String, receiverEndpoint: String, keys: [String: String], stateDirectory: URL) {
        self.urls = urls
        self.webhookSecret = webhookSecret
        self.receiverEndpoint = receiverEndpoint
        self.keys = keys
        self.stateDirectory = stateDirectory
    }

    /// A Connect client for `service` calling with the key in `keyVariable` (default: the 12345
    /// centre's supervisor key, which may read and act on everything).
    public func client(_ service: String, key keyVariable: String = "FENLIU_KEY_SUPERVISOR", httpClient: HTTPClient) throws -> RPCClient {
        guard let url = urls[service] else { throw TestSetupError("the stack has no \(service)") }
        guard let key = keys[keyVariable] else { throw TestSetupError("the stack has no key \(keyVariable)") }
        return RPCClient(baseURL: url, httpClient: httpClient, timeout: TestHTTP.rpcTimeout, key: key)
    }

    /// Starts the stack and waits until every service is ready (scripts/up does the waiting).
    /// `environment` reaches scripts/up and, through it, every service (e.g. `FENLIU_POLICY_FILE`).
    public static func start(environment: [String: String] = [:]) async throws -> LocalStack {
        try await OwnThread.run { try startBlocking(environment: environment) }
    }

    /// Stacks start one at a time: each start is a PostgreSQL cluster and six processes migrating,
    /// and a dozen at once at the start of a run starved every other test of the two cores.
    private static let starting = NSLock()

    private static func startBlocking(environment: [String: String]) throws -> LocalStack {
        let root = try repositoryRoot()
        let state = root.appendingPathComponent(".fenliu/e2e-\(UInt32.random(in: 0...UInt32.max))")
        starting.lock()
        let output: (status: Int32, text: String)
        do {
            defer { starting.unlock() }
            output = try run(root.appendingPathComponent("scripts/up").path, ["--detach"], state: state, environment: environment)
        }
        guard output.status == 0 else {
            throw TestSetupError("scripts/up failed (\(output.status)):\n\(output.text)")
        }
        let env = try String(contentsOf: state.appendingPathComponent("stack.env"), encoding: .utf8)
        var urls = [String: String]()
        var secret = ""
        var receiver = ""
        var keys = [String: String]()
        for line in env.split(separator: "\n") {
            let pair = line.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[0] == "FENLIU_WEBHOOK_SECRET" { secret = pair[1] }
            if pair[0] == "FENLIU_RECEIVER_ENDPOINT" { receiver = pair[1] }
            if pair[0] == "FENLIU_KEYS_ENV", let text = try? String(contentsOfFile: pair[1], encoding: .utf8) {
                for entry in text.split(separator: "\n") where !entry.hasPrefix("#") {
                    let key = entry.split(separator: "=", maxSplits: 1).map(String.init)
                    if key.count == 2 { keys[key[0]] = key[1] }
                }
            }
            if pair[0].hasPrefix("FENLIU_"), pair[0].hasSuffix("_URL") {
                urls[String(pair[0].dropFirst(7).dropLast(4)).lowercased()] = pair[1]
            }
        }
        return LocalStack(urls: urls, webhookSecret: secret, receiverEndpoint: receiver, keys: keys, stateDirectory: state)
    }

    /// Everything the stack's processes logged so far (every service and the receiver).
    public func logs() -> String {
        let folder = stateDirectory.appendingPathComponent("logs")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.sorted().compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
    }

    /// Stops the stack (once) and removes its state folder.
    public func stop() async {
        _ = try? await OwnThread.run { self.stopBlocking() }
    }

    private func stopBlocking() {
        guard !stopped else { return }
        stopped = true
        if let root = try? Self.repositoryRoot() {
            _ = try? Self.run(root.appendingPathComponent("scripts/down").path, ["--purge"], state: stateDirectory)
        }
        try? FileManager.default.removeItem(at: stateDirectory)
    }

    /// Runs the `fenliu` command-line client against this stack, as a person in the checkout would
    /// (it finds the URLs and keys through `FENLIU_STATE_DIR`).
    public func fenliu(_ arguments: [String], environment: [String: String] = [:]) async throws -> Subprocess.Result {
        guard let bin = ProcessInfo.processInfo.environment["FENLIU_BIN_DIR"] else {
            throw TestSetupError("FENLIU_BIN_DIR is not set: run the tests with scripts/test")
        }
        // The stack's own settings, not whatever the developer's shell has (an empty value is unset).
        var environment = ["FENLIU_ACTOR": "", "FENLIU_KEY": ""].merging(environment) { _, given in given }
        environment["FENLIU_STATE_DIR"] = stateDirectory.path
        return try await Subprocess.run(bin + "/fenliu", arguments, environment: environment)
    }

    static func repositoryRoot() throws -> URL {
        if let root = ProcessInfo.processInfo.environment["FENLIU_REPO_ROOT"] { return URL(fileURLWithPath: root) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs a script (on the calling thread) with the stack's state folder and free ports.
    private static func run(_ executable: String, _ arguments: [String], state: URL, environment: [String: String] = [:]) throws -> (
        status: Int32, text: String
    ) {
        guard ProcessInfo.processInfo.environment["FENLIU_BIN_DIR"] != nil else {
            throw TestSetupError("FENLIU_BIN_DIR is not set: run the tests with scripts/test")
        }
        let result = try Subprocess.runBlocking(
            "/bin/bash", [executable] + arguments,
            environment: environment.merging(["FENLIU_STATE_DIR": state.path, "FENLIU_PORTS": "auto", "LOG_LEVEL": "info"]) { _, ours in ours },
            mergeOutput: true)
        return (result.status, result.standardOutput)
    }
}
