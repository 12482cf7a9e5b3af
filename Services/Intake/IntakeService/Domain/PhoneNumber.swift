import Foundation

/// A caller's phone number in the forms Chinese hotlines record.
///
/// Accepted: mobile numbers `1[3-9]` + 9 digits (optionally prefixed `+86`, `0086` or `86`),
/// landlines `0` + 2–3 digit area code + 7–8 digits (a hyphen after the area code allowed), and
/// short service numbers of 3–5 digits (`110`, `12345`, `95555`) for calls transferred from another
/// hotline. Spaces and hyphens between digit groups are ignored. The number is stored normalised
/// (digits only, landlines as `028-12345678`) so the repeat-call rule compares like with like.
struct PhoneNumber: Equatable, Sendable {
    /// The normalised number.
    let normalized: String

    /// Parses `text`, or returns `nil` when it is none of the accepted forms.
    init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 24 else { return nil }
        let allowed = Set("0123456789+- ")
        guard trimmed.allSatisfy({ allowed.contains($0) }) else { return nil }
        // A landline keeps its hyphen position only to decide where the area code ends.
        let hyphenAt = trimmed.firstIndex(of: "-").map { trimmed.distance(from: trimmed.startIndex, to: $0) }
        var digits = String(trimmed.filter(\.isASCIIDigit))
        if trimmed.hasPrefix("+") {
            guard digits.hasPrefix("86") else { return nil }
            digits.removeFirst(2)
        } else if digits.hasPrefix("0086") {
            digits.removeFirst(4)
        } else if digits.count == 13, digits.hasPrefix("86") {
            digits.removeFirst(2)
        }
        if Self.isMobile(digits) {
            normalized = digits
        } else if let landline = Self.landline(digits, hyphenAt: hyphenAt, original: trimmed) {
            normalized = landline
        } else if (3...5).contains(digits.count), digits.first != "0", digits == trimmed.filter({ $0 != " " }) {
            normalized = digits
        } else {
            return nil
        }
    }

    private static func isMobile(_ digits: String) -> Bool {
        let bytes = Array(digits.utf8)
        return bytes.count == 11 && bytes[0] == UInt8(ascii: "1") && (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(bytes[1])
    }

    /// `0` + area code (3 digits for the big cities like 028, 4 otherwise) + 7–8 digit subscriber number.
    private static func landline(_ digits: String, hyphenAt: Int?, original: String) -> String? {
        guard digits.first == "0", (10...12).contains(digits.count) else { return nil }
        let areaLength: Int
        if let hyphenAt, !original.hasPrefix("+") {
            let beforeHyphen = original.prefix(hyphenAt).filter(\.isASCIIDigit).count
            guard beforeHyphen == 3 || beforeHyphen == 4 else { return nil }
            areaLength = beforeHyphen
        } else {
            // Without a hyphen: 3-digit codes start 01 or 02 (Beijing, Shanghai, Chengdu 028, …).
            areaLength = digits.hasPrefix("01") || digits.hasPrefix("02") ? 3 : 4
        }
        let subscriber = digits.count - areaLength
        guard subscriber == 7 || subscriber == 8 else { return nil }
        return digits.prefix(areaLength) + "-" + digits.dropFirst(areaLength)
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0–9 (not any Unicode digit).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
