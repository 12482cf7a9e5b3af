import ServiceSupport

extension ReportingRoutes {
    /// The dashboard and the CSVs in OpenAPI form, for `/openapi.json`. No key: they show no
    /// personal data.
    static var description: String {
        let parameters = [
            OpenAPIDocument.query("month", "YYYY-MM, an Asia/Shanghai month (default: this month)", schema: ["type": "string"]),
            OpenAPIDocument.query("district", "an area: its code (510104) or name (锦江区, 锦江); default: the whole city", schema: ["type": "string"]),
        ]
        func page(_ summary: String, _ type: String) -> [String: Any] {
            [
                "get": [
                    "summary": summary, "tags": ["Reports"], "security": [[String: Any]](), "parameters": parameters,
                    "responses": [
                        "200": OpenAPIDocument.response(summary, [type]),
                        "400": OpenAPIDocument.response("a parameter that cannot be used, named", ["text/plain"]),
                        "503": OpenAPIDocument.response("the figures cannot be read right now", ["text/plain"]),
                    ],
                ]
            ]
        }
        return OpenAPIDocument.routes(paths: [
            "/": page("the dashboard (HTML, Chinese)", "text/html"),
            "/reports/monthly.csv": page("the monthly bulletin as CSV (UTF-8 with BOM)", "text/csv"),
            "/reports/tickets.csv": page("one row per ticket of the month as CSV (UTF-8 with BOM)", "text/csv"),
        ])
    }
}
