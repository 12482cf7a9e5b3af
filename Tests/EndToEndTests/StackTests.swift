import Foundation
import HTTPClient
import TestSupport
import Testing

/// Runs the real `scripts/up --detach` and `scripts/down`: real processes, a real private
/// PostgreSQL, real HTTP between them.
@Suite("The whole stack", .serialized)
struct StackTests {
    @Test("scripts/up starts five services that answer /readyz, and scripts/down stops them")
    func upAndDown() async throws {
        let stack = try await LocalStack.start()
        let client = TestHTTP.client
        do {
            try await checkReady(stack, client)
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
    }

    func checkReady(_ stack: LocalStack, _ client: HTTPClient) async throws {
        #expect(stack.urls.count == 5)
        for (service, url) in stack.urls {
            let response = try await client.execute(HTTPClientRequest(url: url + "/readyz"))
            #expect(response.status == 200, "\(service)")
        }
    }
}
