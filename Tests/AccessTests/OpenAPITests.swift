import ClassificationService
import FeedbackService
import FenliuModel
import Foundation
import HTTPClient
import IntakeService
import ReportingService
import RoutingService
import ServiceSupport
import TestSupport
import Testing

/// Each service's `GET /openapi.json` (scripts/fuzz-api runs schemathesis against it on a real stack).
@Suite("OpenAPI descriptions")
struct OpenAPITests {
    /// Fetches the document without a key and checks what every service's must hold; returns it.
    static func document(_ base: String, service: String, methods: [String]) async throws -> [String: Any] {
        let response = try await TestHTTP.client.execute(HTTPClientRequest(method: "GET", url: base + "/openapi.json"))
        #expect(response.status == 200, "the description needs no key")
        #expect(response.header("Content-Type") == "application/json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: Any])
        let components = try #require(document["components"] as? [String: Any])
        let schemas = try #require(components["schemas"] as? [String: Any])
        // Every method the service serves, and the admin methods every service serves.
        for name in methods {
            let operation = try #require((paths["/\(service)/\(name)"] as? [String: Any])?["post"] as? [String: Any], "\(service)/\(name)")
            let responses = try #require(operation["responses"] as? [String: Any])
            #expect(responses["200"] != nil && responses["default"] != nil)
        }
        for name in AdminAPI.methodNames { #expect(paths["/\(AdminAPI.service)/\(name)"] != nil, "AdminService/\(name)") }
        for path in ["/healthz", "/readyz", "/metrics", "/openapi.json"] { #expect(paths[path] != nil) }
        // Nothing is described that the service does not serve.
        let connectPaths = paths.keys.filter { $0.hasPrefix("/fenliu.") }
        #expect(connectPaths.count == methods.count + AdminAPI.methodNames.count)
        // Every reference resolves.
        for name in OpenAPIDocument.references(in: document) { #expect(schemas[name] != nil, "unresolved $ref \(name)") }
        let code = try #require(((schemas["ConnectError"] as? [String: Any])?["properties"] as? [String: Any])?["code"] as? [String: Any])
        #expect((code["enum"] as? [String])?.count == 16)
        let bearer = (components["securitySchemes"] as? [String: Any])?["bearer"] as? [String: Any]
        #expect(bearer?["scheme"] as? String == "bearer")
        #expect((document["security"] as? [[String: Any]])?.first?["bearer"] != nil, "every Connect method needs a key")
        return document
    }

    static func schema(_ document: [String: Any], _ name: String) -> [String: Any]? {
        ((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?[name] as? [String: Any]
    }

    @Test("intake: its methods as proto3 JSON has them, and the Open311 door without a key")
    func intake() async throws {
        try await TestService.with(IntakeModule.self, access: TestKeys.access()) { base, _ in
            let document = try await Self.document(base, service: IntakeAPI.service, methods: IntakeAPI.methodNames)
            let submit = try #require(Self.schema(document, "fenliu.intake.v1.SubmitCallRequest")?["properties"] as? [String: Any])
            // lowerCamelCase JSON names, enums by reference, timestamps as date-times.
            #expect(submit["callerPhone"] != nil && submit["caller_phone"] == nil)
            #expect((submit["channel"] as? [String: Any])?["$ref"] as? String == "#/components/schemas/fenliu.common.v1.Channel")
            #expect((submit["receivedAt"] as? [String: Any])?["format"] as? String == "date-time")
            let channel = try #require(Self.schema(document, "fenliu.common.v1.Channel")?["enum"] as? [String])
            #expect(channel.contains("CHANNEL_110"))
            let paths = try #require(document["paths"] as? [String: Any])
            for path in ["/open311/v2/services.json", "/open311/v2/requests.xml", "/open311/v2/requests/{file}", "/open311/v2/servicerequestupdates.json"] {
                let item = try #require(paths[path] as? [String: Any], "\(path)")
                let get = try #require(item["get"] as? [String: Any])
                #expect((get["security"] as? [Any])?.isEmpty == true, "\(path) is public")
            }
            let post = try #require((paths["/open311/v2/requests.json"] as? [String: Any])?["post"] as? [String: Any])
            #expect(String(describing: post["requestBody"] ?? "").contains("api_key"))
        }
    }

    @Test("classification, routing, feedback: every method; 64-bit integers as strings")
    func others() async throws {
        try await TestService.with(ClassificationModule.self, access: TestKeys.access()) { base, _ in
            _ = try await Self.document(base, service: ClassificationAPI.service, methods: ClassificationAPI.methodNames)
        }
        try await TestService.with(RoutingModule.self, access: TestKeys.access()) { base, _ in
            _ = try await Self.document(base, service: RoutingAPI.service, methods: RoutingAPI.methodNames)
        }
        try await TestService.with(FeedbackModule.self, access: TestKeys.access()) { base, _ in
            let document = try await Self.document(base, service: FeedbackAPI.service, methods: FeedbackAPI.methodNames)
            // Some int64 in feedback's contract is written as a string of digits.
            let text = String(describing: document)
            #expect(text.contains("^-?[0-9]+$"))
        }
    }

    @Test("reporting: every method, and the dashboard and CSVs without a key")
    func reporting() async throws {
        try await TestService.with(ReportingModule.self, access: TestKeys.access()) { base, _ in
            let document = try await Self.document(base, service: ReportingAPI.service, methods: ReportingAPI.methodNames)
            let paths = try #require(document["paths"] as? [String: Any])
            for path in ["/", "/reports/monthly.csv", "/reports/tickets.csv"] { #expect(paths[path] != nil, "\(path)") }
        }
    }
}
