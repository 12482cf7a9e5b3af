import Foundation
import HTTPClient
import TestSupport
import Testing

/// Runs the real `scripts/up --detach` and `scripts/down`: real processes, a real private
/// PostgreSQL, real HTTP between them.
@Suite("The whole stack", .serialized)
struct StackTests {
    @Test(
        "scripts/up starts five services that answer /readyz, and scripts/down stops them; each binary's --healthcheck (the image's HEALTHCHECK) says so, the receiver's too",
        .timeLimit(.minutes(5)))
    func upAndDown() async throws {
        let stack = try await LocalStack.start()
        let client = TestHTTP.client
        // Every binary the images run, with the port its process listens on.
        var ports = stack.urls.compactMap { service, url in Int(url.split(separator: ":").last ?? "").map { ("fenliu-\(service)", $0) } }
        if let receiver = URL(string: stack.receiverEndpoint)?.port { ports.append(("fenliu-receiver", receiver)) }
        do {
            try await checkReady(stack, client)
            #expect(ports.count == 6)
            for (binary, port) in ports {
                #expect(try await healthcheck(binary, port: port) == 0, "\(binary) --healthcheck against the running one")
            }
        } catch {
            await stack.stop()
            throw error
        }
        await stack.stop()
        for (service, url) in stack.urls {
            await #expect(throws: HTTPClientError.self, "\(service) still answers after scripts/down") {
                try await client.execute(HTTPClientRequest(url: url + "/healthz"))
            }
        }
        // Nothing listens now: each check fails, and returns (the receiver's once started a second
        // receiver on the port instead of asking it).
        for (binary, port) in ports {
            #expect(try await healthcheck(binary, port: port) == 1, "\(binary) --healthcheck with nothing on its port")
        }
    }

    /// The exit status of `binary --healthcheck` with `PORT` set, as the image's HEALTHCHECK runs it.
    func healthcheck(_ binary: String, port: Int) async throws -> Int32 {
        guard let bin = ProcessInfo.processInfo.environment["FENLIU_BIN_DIR"] else {
            throw TestSetupError("FENLIU_BIN_DIR is not set: run the tests with scripts/test")
        }
        return try await Subprocess.run(bin + "/" + binary, ["--healthcheck"], environment: ["PORT": "\(port)", "FENLIU_WEBHOOK_SECRET": "s"]).status
    }

    func checkReady(_ stack: LocalStack, _ client: HTTPClient) async throws {
        #expect(stack.urls.count == 5)
        for (service, url) in stack.urls {
            let response = try await client.execute(HTTPClientRequest(url: url + "/readyz"))
            #expect(response.status == 200, "\(service)")
        }
    }
}
