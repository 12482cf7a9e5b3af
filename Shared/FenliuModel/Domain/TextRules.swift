/// The rule every service applies to the free text people type (a description, a note, a reason,
/// who acted): bounded, and no control characters — NUL, which PostgreSQL text cannot store, and
/// escape sequences, which the terminal of whoever reads the text back (`fenliu ticket …`) would
/// obey. Tabs and line breaks are allowed where a field is prose.
/// How long the free text people type may be, the same in every service: a note feedback accepts
/// for a return travels to routing as the return's reason, and must be accepted there too.
public enum TextLimits {
    /// A note, a reason, a comment.
    public static let note = 2000
    /// Who acted; an event id.
    public static let identifier = 128
}

extension FieldViolation {
    /// What is wrong with `text` as the value of `field`, or `nil`.
    public static func text(_ text: String, field: String, maximum: Int, allowingLineBreaks: Bool = false) -> FieldViolation? {
        if text.count > maximum { return FieldViolation(field: field, description: "is longer than \(maximum) characters (\(text.count))") }
        if text.containsControlCharacter(allowingLineBreaks: allowingLineBreaks) {
            return FieldViolation(field: field, description: "must not contain control characters")
        }
        return nil
    }
}

extension String {
    /// Whether the text holds a control character other than tab and line breaks (NUL above all,
    /// which PostgreSQL text cannot store).
    public func containsControlCharacter(allowingLineBreaks: Bool) -> Bool {
        unicodeScalars.contains { scalar in
            let isControl = scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            guard isControl else { return false }
            return !(allowingLineBreaks && (scalar == "\n" || scalar == "\r" || scalar == "\t"))
        }
    }
}
