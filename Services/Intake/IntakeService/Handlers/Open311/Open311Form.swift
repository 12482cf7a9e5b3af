import Foundation

/// An `application/x-www-form-urlencoded` body or query string, as GeoReport v2 clients send it.
struct Open311Form: Sendable {
    /// Each field's values in order (a field may repeat).
    private(set) var values: [String: [String]] = [:]

    /// Parses `text`, or returns `nil` when a field is not valid percent-encoded UTF-8.
    init?(_ text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else { return nil }
            values[name, default: []].append(value)
        }
    }

    /// The first value of `name`, trimmed; `nil` when absent or blank.
    subscript(_ name: String) -> String? {
        guard let value = values[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// The `attribute[code]=value` fields, by code. A multivaluelist attribute comes as
    /// `attribute[code][]=a&attribute[code][]=b` (or the same name repeated); its values are kept
    /// joined by commas.
    var attributes: [String: String] {
        var given = [String: [String]]()
        for (name, list) in values where name.hasPrefix("attribute[") && name.hasSuffix("]") {
            var code = String(name.dropFirst("attribute[".count).dropLast())
            if code.hasSuffix("][") { code.removeLast(2) }
            guard !code.isEmpty else { continue }
            // A blank optional attribute is what forms send for "not answered", not a value.
            given[code, default: []] += list.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        }
        return given.filter { !$0.value.isEmpty }.mapValues { $0.joined(separator: ",") }
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
