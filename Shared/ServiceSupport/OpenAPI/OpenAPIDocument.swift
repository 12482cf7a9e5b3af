import FenliuModel
import Foundation
import RPC
import Synchronization

/// A service's `GET /openapi.json`: an OpenAPI 3.1 description of exactly what it serves — the
/// Connect methods it registered (from `OpenAPIContract`, generated from the protos), the routes its
/// module describes (Open311, the dashboard), and the shared health routes.
///
/// Every Connect method is `POST /<package>.<Service>/<Method>` with a JSON body, answering 200 with
/// the response message or, for any error, Connect's error body (`ConnectError`, HTTP status from
/// Connect's code table). Every method needs `Authorization: Bearer <key>`; the health routes,
/// Open311 GETs and the dashboard do not.
public enum OpenAPIDocument {
    /// The document for `service` serving `methods` (Connect paths), plus `routes`: a JSON object
    /// `{"paths": {...}, "schemas": {...}}` in OpenAPI form for the module's own HTTP routes.
    public static func make(service: ServiceName, methods: [String], routes: String?) throws -> Data {
        let contract = try JSONSerialization.jsonObject(with: Data(OpenAPIContract.json.utf8)) as? [String: Any] ?? [:]
        let allSchemas = contract["schemas"] as? [String: Any] ?? [:]
        let allMethods = contract["methods"] as? [String: Any] ?? [:]
        var paths = [String: Any]()
        var schemas = [String: Any]()
        var tags = Set<String>()
        for path in methods {
            guard let method = allMethods[path] as? [String: Any], let input = method["input"] as? String,
                let output = method["output"] as? String, let serviceName = method["service"] as? String,
                let name = method["method"] as? String
            else { continue }
            let tag = String(serviceName.split(separator: ".").last ?? "")
            tags.insert(tag)
            var operation: [String: Any] = [
                "operationId": "\(tag).\(name)", "tags": [tag], "summary": name,
                "requestBody": ["required": true, "content": ["application/json": ["schema": reference(input)]]],
                "responses": [
                    "200": ["description": "the response message", "content": ["application/json": ["schema": reference(output)]]],
                    "default": connectErrorResponse,
                ],
            ]
            if let text = method["description"] as? String {
                operation["description"] = text
                operation["summary"] = String(text.split(separator: "\n").first ?? "").prefix(120)
            }
            paths[path] = ["post": operation]
            collect(input, from: allSchemas, into: &schemas)
            collect(output, from: allSchemas, into: &schemas)
        }
        if let routes, let extra = try JSONSerialization.jsonObject(with: Data(routes.utf8)) as? [String: Any] {
            for (path, item) in extra["paths"] as? [String: Any] ?? [:] { paths[path] = item }
            for (name, schema) in extra["schemas"] as? [String: Any] ?? [:] { schemas[name] = schema }
        }
        for (path, item) in healthPaths { paths[path] = item }
        schemas["ConnectError"] = connectErrorSchema
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": [
                "title": service.executableName, "version": "v1",
                "description":
                    "Fenliu's \(service.rawValue) service. Connect unary RPCs over HTTP/JSON (proto3 JSON: lowerCamelCase "
                    + "names, 64-bit integers as strings, enums by name, timestamps RFC 3339, fields at their default left out). "
                    + "Errors are Connect's JSON error body with the HTTP status of Connect's code table.",
            ],
            "tags": tags.sorted().map { ["name": $0] },
            "paths": paths,
            "components": [
                "schemas": schemas,
                "securitySchemes": [
                    "bearer": [
                        "type": "http", "scheme": "bearer",
                        "description": "A Fenliu key, fk_<id>_<secret> (README, \"Keys and scopes\").",
                    ]
                ],
            ],
            "security": [["bearer": [String]()]],
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    static func reference(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    /// Adds `name` and every schema it refers to, transitively.
    static func collect(_ name: String, from all: [String: Any], into schemas: inout [String: Any]) {
        guard schemas[name] == nil, let schema = all[name] else { return }
        schemas[name] = schema
        for referenced in references(in: schema) { collect(referenced, from: all, into: &schemas) }
    }

    /// The schema names `value` refers to with `$ref`, anywhere inside it.
    public static func references(in value: Any) -> [String] {
        switch value {
        case let object as [String: Any]:
            var found = [String]()
            for (key, inner) in object {
                if key == "$ref", let text = inner as? String { found.append(String(text.dropFirst("#/components/schemas/".count))) }
                found += references(in: inner)
            }
            return found
        case let array as [Any]: return array.flatMap { references(in: $0) }
        default: return []
        }
    }

    static var connectErrorResponse: [String: Any] {
        [
            "description": "a Connect error: invalid_argument 400 (details name the fields), unauthenticated 401, "
                + "permission_denied 403, not_found 404, already_exists and aborted 409, failed_precondition 412, "
                + "resource_exhausted 429 (Retry-After), unavailable 503 (Retry-After), deadline_exceeded 504, …",
            "content": ["application/json": ["schema": reference("ConnectError")]],
        ]
    }

    static var connectErrorSchema: [String: Any] {
        [
            "type": "object", "required": ["code"],
            "properties": [
                "code": ["type": "string", "enum": ConnectCode.allCases.map(\.rawValue)],
                "message": ["type": "string"],
                "details": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["type", "value"],
                        "properties": [
                            "type": ["type": "string", "description": "google.rpc.BadRequest for field violations"],
                            "value": ["type": "string", "description": "the detail's protobuf encoding, base64 without padding"],
                            "debug": [
                                "type": "object",
                                "properties": [
                                    "fieldViolations": [
                                        "type": "array",
                                        "items": [
                                            "type": "object",
                                            "properties": ["field": ["type": "string"], "description": ["type": "string"]],
                                        ],
                                    ]
                                ],
                            ],
                        ],
                    ],
                ],
            ],
        ]
    }

    static var healthPaths: [String: Any] {
        func plain(_ summary: String, _ type: String, statuses: [String]) -> [String: Any] {
            var responses = [String: Any]()
            for status in statuses { responses[status] = ["description": summary, "content": [type: ["schema": [String: Any]()]]] }
            return ["get": ["summary": summary, "tags": ["Operations"], "security": [[String: Any]](), "responses": responses]]
        }
        return [
            "/healthz": plain("the process answers", "application/json", statuses: ["200"]),
            "/readyz": plain("the database is reachable and migrated (503 otherwise)", "application/json", statuses: ["200", "503"]),
            "/metrics": plain("Prometheus metrics", "text/plain", statuses: ["200"]),
            "/openapi.json": plain("this document", "application/json", statuses: ["200"]),
        ]
    }
}

/// The Connect paths a service registered, in order; `/openapi.json` describes exactly these.
public final class ServedMethods: Sendable {
    private let paths = Mutex<[String]>([])

    /// Creates an empty list.
    public init() {}

    func add(_ path: String) { paths.withLock { $0.append(path) } }

    /// Every path registered so far.
    public var all: [String] { paths.withLock { $0 } }
}

extension OpenAPIDocument {
    /// A module's `routesDescription` from its paths and schemas (OpenAPI objects as dictionaries).
    public static func routes(paths: [String: Any], schemas: [String: Any] = [:]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: ["paths": paths, "schemas": schemas], options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// A query parameter.
    public static func query(_ name: String, _ description: String, schema: [String: Any] = ["type": "string"]) -> [String: Any] {
        ["name": name, "in": "query", "required": false, "description": description, "schema": schema]
    }

    /// A response with `content` types, each with `schema` (empty: anything).
    public static func response(_ description: String, _ types: [String], schema: [String: Any] = [:]) -> [String: Any] {
        var content = [String: Any]()
        for type in types { content[type] = ["schema": schema] }
        return ["description": description, "content": content]
    }
}
