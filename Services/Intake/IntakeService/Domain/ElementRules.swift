import FenliuModel
import Foundation

/// Rules for inquiry elements (询问要素): keys are the catalogue's lowerCamelCase ASCII names
/// (`amountOwed`), values free text of bounded length.
enum ElementRules {
    /// Checks `elements`, reports each bad entry as `elements.<key>`, and returns them trimmed.
    /// With `allowingRemoval`, an empty value is kept (it means "remove this element").
    static func check(
        _ elements: [String: String], allowingRemoval: Bool, anyKeyStyle: Bool = false, report: (FieldViolation) -> Void
    ) -> [String: String] {
        if elements.count > FieldRules.elementCountMaximum {
            report(FieldViolation(field: "elements", description: "has more than \(FieldRules.elementCountMaximum) entries"))
        }
        var cleaned = [String: String]()
        for key in elements.keys.sorted() {
            let value = elements[key]!.trimmingCharacters(in: .whitespacesAndNewlines)
            guard anyKeyStyle ? isValidForeignKey(key) : isValidKey(key) else {
                let shown = key.count > FieldRules.elementKeyMaximum ? String(key.prefix(FieldRules.elementKeyMaximum)) + "…" : key
                report(
                    FieldViolation(
                        field: "elements.\(shown)",
                        description: "key must be lowerCamelCase ASCII (a letter, then letters or digits), at most \(FieldRules.elementKeyMaximum) characters"
                    ))
                continue
            }
            if value.isEmpty && !allowingRemoval {
                report(FieldViolation(field: "elements.\(key)", description: "is empty; leave the element out instead"))
            } else if value.count > FieldRules.elementValueMaximum {
                report(FieldViolation(field: "elements.\(key)", description: "is longer than \(FieldRules.elementValueMaximum) characters"))
            } else if value.containsControlCharacter(allowingLineBreaks: true) {
                report(FieldViolation(field: "elements.\(key)", description: "must not contain control characters"))
            } else {
                cleaned[key] = value
            }
        }
        return cleaned
    }

    /// Whether `key` is an attribute code a client chose: ASCII letters, digits, `_`, `-` or `.`, in
    /// any case style, of acceptable length.
    static func isValidForeignKey(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.count <= FieldRules.elementKeyMaximum
            && key.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)) }
    }

    /// Whether `key` is lowerCamelCase ASCII of acceptable length.
    static func isValidKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, key.unicodeScalars.count <= FieldRules.elementKeyMaximum,
            ("a"..."z").contains(first)
        else { return false }
        return key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}
