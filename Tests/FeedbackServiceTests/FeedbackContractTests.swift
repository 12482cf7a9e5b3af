import FeedbackService
import FenliuModel
import HTTPClient
import RPC
import SwiftProtobuf
import TestSupport
import Testing

/// Until its issue lands, the feedback service runs, migrates and serves its whole contract, and each
/// method says plainly that it is not implemented yet (rather than 404 or a fake answer).
@Suite("Feedback service: the contract is served")
struct FeedbackContractTests {
    @Test("it becomes ready and every method answers unimplemented with the reason")
    func servesContract() async throws {
        try await TestService.with(FeedbackModule.self) { base, _ in
            let ready = try await TestHTTP.client.execute(HTTPClientRequest(url: base + "/readyz"))
            #expect(ready.status == 200)
            let client = RPCClient(baseURL: base, httpClient: TestHTTP.client)
            for name in FeedbackAPI.methodNames {
                let error = await #expect(throws: ConnectError.self) {
                    _ = try await client.send(path: "/\(FeedbackAPI.service)/\(name)", jsonBody: Array("{}".utf8))
                }
                #expect(error?.code == .unimplemented, "\(name)")
                #expect(error?.message.contains("not implemented yet") == true, "\(name)")
            }
        }
    }
}
