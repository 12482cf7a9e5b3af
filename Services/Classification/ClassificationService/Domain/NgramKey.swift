/// Character n-grams of normalised text packed into one `UInt64`, so the model's hot path hashes
/// integers instead of allocating a `String` per n-gram.
///
/// A Unicode scalar needs 21 bits, so up to three of them pack exactly (63 bits) by shifting; no
/// feature scalar is zero, so n-grams of different lengths never share a key and a key unpacks back
/// into its text for evidence and for the model's JSON.
enum NgramKey {
    /// The longest n-gram a key can hold.
    static let maximumLength = 3

    /// The scalar a feature sees for `scalar`, or `nil` where a run of text breaks.
    ///
    /// Digits all read as `0`: "3号楼" and "5号楼" say the same thing about the matter. Spaces,
    /// punctuation and symbols break runs, so no n-gram is pure punctuation or spans a clause.
    @inline(__always)
    static func featureScalar(_ scalar: Unicode.Scalar) -> UInt64? {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39: return 0x30
            case 0x61...0x7A: return UInt64(value)
            default: return nil
            }
        }
        // Common CJK ideographs are the bulk of the text; skip the property lookup for them.
        if (0x4E00...0x9FFF).contains(value) { return UInt64(value) }
        let properties = scalar.properties
        if properties.isAlphabetic { return UInt64(value) }
        if properties.numericType != nil { return 0x30 }
        return nil
    }

    /// Calls `body` with the key of every n-gram of length 1…`maximumLength` inside runs of text.
    @inline(__always)
    static func forEach(in scalars: [Unicode.Scalar], maximumLength: Int, _ body: (UInt64) -> Void) {
        var previous1: UInt64 = 0
        var previous2: UInt64 = 0
        var run = 0
        for scalar in scalars {
            guard let value = featureScalar(scalar) else {
                run = 0
                continue
            }
            run += 1
            body(value)
            if maximumLength >= 2, run >= 2 { body(previous1 << 21 | value) }
            if maximumLength >= 3, run >= 3 { body(previous2 << 42 | previous1 << 21 | value) }
            previous2 = previous1
            previous1 = value
        }
    }

    /// The text of a key made by `forEach`.
    static func text(of key: UInt64) -> String {
        var scalars: [Unicode.Scalar] = []
        var rest = key
        while rest != 0 {
            if let scalar = Unicode.Scalar(UInt32(rest & 0x1F_FFFF)) { scalars.append(scalar) }
            rest >>= 21
        }
        var view = String.UnicodeScalarView()
        for scalar in scalars.reversed() { view.append(scalar) }
        return String(view)
    }

    /// The key of a 1…3-scalar text as `forEach` would make it, or `nil` when it is not one.
    static func key(of text: String) -> UInt64? {
        var key: UInt64 = 0
        var count = 0
        for scalar in text.unicodeScalars {
            guard let value = featureScalar(scalar), count < maximumLength else { return nil }
            key = key << 21 | value
            count += 1
        }
        return count == 0 ? nil : key
    }
}
