import ServiceSupport

extension Open311Routes {
    /// The Open311 GeoReport v2 door in OpenAPI form, for intake's `/openapi.json`: every path in
    /// `.json` (described field by field) and `.xml` (the same records as XML).
    static var description: String {
        let nullableText: [String: Any] = ["type": ["string", "null"]]
        let errors: [String: Any] = [
            "type": "array",
            "items": ["type": "object", "properties": ["code": ["type": "integer"], "description": ["type": "string"]]],
        ]
        let service: [String: Any] = [
            "type": "object",
            "properties": [
                "service_code": ["type": "string"], "service_name": ["type": "string"], "description": nullableText,
                "metadata": ["type": "boolean"], "type": ["type": "string"], "keywords": nullableText, "group": nullableText,
            ],
        ]
        let definition: [String: Any] = [
            "type": "object",
            "properties": [
                "service_code": ["type": "string"],
                "attributes": [
                    "type": "array",
                    "items": [
                        "type": "object",
                        "properties": [
                            "variable": ["type": "boolean"], "code": ["type": "string"], "datatype": ["type": "string"],
                            "required": ["type": "boolean"], "datatype_description": nullableText, "order": ["type": "integer"],
                            "description": nullableText,
                        ],
                    ],
                ],
            ],
        ]
        let request: [String: Any] = [
            "type": "object",
            "properties": [
                "service_request_id": ["type": "string"], "status": ["type": "string", "enum": ["open", "closed"]],
                "status_notes": nullableText, "service_name": nullableText, "service_code": nullableText, "description": nullableText,
                "agency_responsible": nullableText, "service_notice": nullableText, "requested_datetime": nullableText,
                "updated_datetime": nullableText, "expected_datetime": nullableText, "address": nullableText, "address_id": nullableText,
                "zipcode": nullableText, "lat": ["type": ["number", "null"]], "long": ["type": ["number", "null"]], "media_url": nullableText,
            ],
        ]
        let created: [String: Any] = [
            "type": "array",
            "items": [
                "type": "object",
                "properties": ["service_request_id": ["type": "string"], "service_notice": nullableText, "account_id": nullableText],
            ],
        ]
        let update: [String: Any] = [
            "type": "object",
            "properties": [
                "update_id": ["type": "string"], "service_request_id": ["type": "string"], "status": ["type": "string"],
                "updated_datetime": ["type": "string"], "description": nullableText, "media_url": nullableText,
            ],
        ]
        let window = [
            OpenAPIDocument.query("start_date", "W3C date-time, e.g. 2026-11-29T08:30:00+08:00"),
            OpenAPIDocument.query("end_date", "W3C date-time"),
        ]
        var paths = [String: Any]()
        for format in [Open311Format.json, .xml] {
            let type = format.contentType.split(separator: ";").first.map(String.init) ?? "application/json"
            func answer(_ description: String, _ schema: [String: Any], status: String = "200", extra: [String: Any] = [:]) -> [String: Any] {
                var responses: [String: Any] = [
                    status: OpenAPIDocument.response(description, [type], schema: format == .json ? schema : [:]),
                    "default": OpenAPIDocument.response("Open311 errors: [{code, description}]", [type], schema: format == .json ? errors : [:]),
                ]
                for (key, value) in extra { responses[key] = value }
                return responses
            }
            func get(_ summary: String, _ parameters: [[String: Any]], _ responses: [String: Any]) -> [String: Any] {
                ["get": ["summary": summary, "tags": ["Open311"], "security": [[String: Any]](), "parameters": parameters, "responses": responses]]
            }
            let suffix = format.rawValue
            paths["/open311/v2/services.\(suffix)"] = get(
                "the services citizens can report", [OpenAPIDocument.query("jurisdiction_id", "accepted and ignored")],
                answer("services", ["type": "array", "items": service]))
            paths["/open311/v2/requests.\(suffix)"] = [
                "get":
                    (get(
                        "requests made through Open311 (at most 1,000; no personal data)",
                        [
                            OpenAPIDocument.query("service_request_id", "comma-separated ids; the other filters are ignored then"),
                            OpenAPIDocument.query("service_code", "a service code"),
                            OpenAPIDocument.query("status", "open, closed or both comma-separated"),
                        ] + window, answer("requests", ["type": "array", "items": request]))["get"] ?? [:]),
                "post": [
                    "summary": "report a problem: becomes a call on CHANNEL_OPEN311", "tags": ["Open311"], "security": [[String: Any]](),
                    "description": "Form-encoded. `api_key` is an Open311 app's key (403 without a valid one).",
                    "requestBody": [
                        "required": true,
                        "content": [
                            "application/x-www-form-urlencoded": [
                                "schema": [
                                    "type": "object", "required": ["api_key", "service_code"],
                                    "properties": [
                                        "api_key": ["type": "string"], "service_code": ["type": "string"],
                                        "lat": ["type": "number"], "long": ["type": "number"], "address_string": ["type": "string"],
                                        "description": ["type": "string"], "first_name": ["type": "string"],
                                        "last_name": ["type": "string"], "phone": ["type": "string"], "email": ["type": "string"],
                                    ],
                                ]
                            ]
                        ],
                    ],
                    "responses": answer("the request was taken", created, status: "201"),
                ],
            ]
            paths["/open311/v2/servicerequestupdates.\(suffix)"] = get(
                "state changes of Open311 requests in a window (default: the last day)", window,
                answer("updates", ["type": "array", "items": update]))
        }
        let file: [String: Any] = [
            "name": "file", "in": "path", "required": true, "description": "<id>.json or <id>.xml", "schema": ["type": "string"],
        ]
        func either(_ summary: String, _ schema: [String: Any]) -> [String: Any] {
            [
                "get": [
                    "summary": summary, "tags": ["Open311"], "security": [[String: Any]](), "parameters": [file],
                    "responses": [
                        "200": [
                            "description": summary,
                            "content": ["application/json": ["schema": schema], "text/xml": ["schema": [String: Any]()]],
                        ],
                        "default": [
                            "description": "Open311 errors",
                            "content": ["application/json": ["schema": errors], "text/xml": ["schema": [String: Any]()]],
                        ],
                    ],
                ]
            ]
        }
        paths["/open311/v2/services/{file}"] = either("a service's definition (its inquiry elements as attributes)", definition)
        paths["/open311/v2/requests/{file}"] = either("one request", ["type": "array", "items": request])
        return OpenAPIDocument.routes(paths: paths)
    }
}
