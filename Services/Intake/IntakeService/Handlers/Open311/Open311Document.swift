import Foundation

/// An Open311 answer that renders itself in both formats GeoReport v2 names: XML (required by the
/// standard, what FixMyStreet and most 311 tools read) and JSON.
///
/// A document is a list of records under a root (`<services><service>…`, JSON `[{…}]`) or one
/// record (`<service_definition>…`, JSON `{…}`). Field order is kept, as the spec's examples show it.
struct Open311Document: Sendable {
    /// One value of a record.
    enum Value: Sendable {
        case text(String?)
        case integer(Int)
        case number(Double?)
        case boolean(Bool)
        /// A nested list: JSON array of objects, XML `<name><item>…</item></name>`.
        case list(item: String, [Record])
    }

    /// An ordered set of named values.
    struct Record: Sendable {
        var fields: [(name: String, value: Value)]

        /// Creates a record with fields in this order.
        init(_ fields: [(name: String, value: Value)]) {
            self.fields = fields
        }
    }

    /// The XML root element, e.g. `services`.
    var root: String
    /// The XML element of each record in a list, e.g. `service`; `nil` for a single-record document.
    var item: String?
    /// The records.
    var records: [Record]

    /// Renders the document in `format`.
    func rendered(_ format: Open311Format) -> String {
        switch format {
        case .json:
            if item == nil, let record = records.first { return Self.json(record) }
            return "[" + records.map(Self.json).joined(separator: ",") + "]"
        case .xml:
            var xml = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n<\(root)>"
            if let item {
                for record in records { xml += "<\(item)>" + Self.xml(record) + "</\(item)>" }
            } else if let record = records.first {
                xml += Self.xml(record)
            }
            return xml + "</\(root)>\n"
        }
    }

    private static func json(_ record: Record) -> String {
        "{" + record.fields.map { "\"\($0.name)\":" + json($0.value) }.joined(separator: ",") + "}"
    }

    private static func json(_ value: Value) -> String {
        switch value {
        case .text(let text): text.map(jsonString) ?? "null"
        case .integer(let number): String(number)
        case .number(let number): number.map { $0.isFinite ? String($0) : "null" } ?? "null"
        case .boolean(let flag): flag ? "true" : "false"
        case .list(_, let records): "[" + records.map(json).joined(separator: ",") + "]"
        }
    }

    private static func xml(_ record: Record) -> String {
        record.fields.map { field in
            switch field.value {
            case .text(let text): "<\(field.name)>\(escapeXML(text ?? ""))</\(field.name)>"
            case .integer(let number): "<\(field.name)>\(number)</\(field.name)>"
            case .number(let number): "<\(field.name)>\(number.map { String($0) } ?? "")</\(field.name)>"
            case .boolean(let flag): "<\(field.name)>\(flag)</\(field.name)>"
            case .list(let item, let records):
                "<\(field.name)>" + records.map { "<\(item)>" + xml($0) + "</\(item)>" }.joined() + "</\(field.name)>"
            }
        }.joined()
    }

    /// A JSON string literal, escaping quotes, backslashes and control characters.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Text safe inside an XML element; characters XML 1.0 cannot carry at all are dropped.
    static func escapeXML(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case _ where scalar.value < 0x20 && scalar != "\n" && scalar != "\r" && scalar != "\t": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Open311's error list: `[{"code":400,"description":"…"}]` / `<errors><error>…</error></errors>`.
    static func errors(code: Int, _ descriptions: [String]) -> Open311Document {
        Open311Document(
            root: "errors", item: "error",
            records: descriptions.map {
                Record([("code", .integer(code)), ("description", .text($0))])
            })
    }
}

/// The two formats of GeoReport v2, chosen by the path's extension.
enum Open311Format: String, Sendable {
    case json
    case xml

    /// The HTTP content type of the format.
    var contentType: String {
        switch self {
        case .json: "application/json; charset=utf-8"
        case .xml: "text/xml; charset=utf-8"
        }
    }

    /// Splits `name.json` / `name.xml` into the name and the format.
    static func split(_ file: String) -> (name: String, format: Open311Format)? {
        guard let dot = file.lastIndex(of: "."), let format = Open311Format(rawValue: String(file[file.index(after: dot)...]).lowercased()) else {
            return nil
        }
        return (String(file[..<dot]), format)
    }
}
