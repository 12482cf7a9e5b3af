import Foundation
import HTTPClient
import Hummingbird
import Logging

/// The whole of each service's `main`: read the environment, build, run; or, with `--healthcheck`,
/// ask the running service's `/readyz` and exit 0 or 1 (the container image has no curl).
public enum ServiceMain {
    /// Runs `module` as a process. Never returns normally on success; exits non-zero on failure.
    public static func run<Module: ServiceModule>(_ module: Module.Type) async {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        let logger = Logger(label: Module.service.executableName)
        let environment = ProcessInfo.processInfo.environment
        if CommandLine.arguments.contains("--healthcheck") {
            exit(await healthcheck(port: Int(environment["PORT"] ?? "") ?? Module.service.defaultPort) ? 0 : 1)
        }
        do {
            var reader = ConfigurationReader(environment)
            let configuration = ServiceConfiguration.read(
                from: &reader, service: Module.service, requiredPeers: Module.requiredPeers, signsWebhooks: Module.signsWebhooks)
            let moduleConfiguration = Module.Configuration.read(from: &reader)
            guard reader.problems.isEmpty else { throw ConfigurationError(service: Module.service, problems: reader.problems) }
            let application = try await ServiceApplication.build(
                Module.self, configuration: configuration, moduleConfiguration: moduleConfiguration, logger: logger
            )
            try await application.runService()
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            exit(2)
        } catch {
            logger.critical("service stopped", metadata: ["error": "\(error)"])
            exit(1)
        }
    }

    /// Whether the server on 127.0.0.1:`port` answers `path` with 200: what `--healthcheck` runs, for
    /// the services (`/readyz`) and the stand-in receiver (`/healthz`), whose image shares the
    /// Dockerfile's `HEALTHCHECK`.
    public static func healthcheck(port: Int, host: String? = ProcessInfo.processInfo.environment["HOST"], path: String = "/readyz") async -> Bool {
        let client = HTTPClient(configuration: .init(connectTimeout: .seconds(2), requestTimeout: .seconds(3), maximumConcurrentRequests: 1))
        defer { Task { try? await client.shutdown() } }
        let response = try? await client.execute(HTTPClientRequest(url: "http://\(probeAddress(listeningOn: host)):\(port)\(path)"))
        return response?.status == 200
    }

    /// Where a probe on this machine reaches a server listening on `host`: loopback for the
    /// wildcards (and unset), the address itself otherwise (`::1` bracketed) — a server bound to
    /// ::1 alone is not at 127.0.0.1.
    public static func probeAddress(listeningOn host: String?) -> String {
        guard let host, !host.isEmpty, !["0.0.0.0", "::", "[::]"].contains(host) else { return "127.0.0.1" }
        return host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }
}
