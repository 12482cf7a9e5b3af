/// How alike two short texts are, for spotting repeat calls about one incident.
///
/// Texts are normalised (case folded; whitespace, punctuation and symbols dropped, so 「」，。 and
/// spacing do not count) and compared as sets of character bigrams: Jaccard = |A ∩ B| / |A ∪ B|.
/// Bigrams suit Chinese, which has no spaces between words: 人民南路四段 and 人民南路4段 still share
/// most pairs. Simplified and Traditional forms of a word do not match; they are rare within one
/// city's hotline records on the same day.
///
/// Each incoming call is compared with up to 200 recent ones, so this is intake's hottest code: a
/// bigram is two Unicode scalars packed into one `UInt64`, a text's bigrams a sorted array without
/// repeats, and the intersection a merge of two arrays — no `String`, `Character` or `Set` is built
/// (the first version, with `Set<String>` of grapheme pairs, took most of intake's time at 100
/// calls/s; see BENCHMARKS.md).
enum TextSimilarity {
    /// A text's bigrams, ready to compare.
    struct Shingles: Sendable, Equatable {
        let values: [UInt64]

        init(_ text: String) {
            var scalars = [UInt32]()
            scalars.reserveCapacity(text.unicodeScalars.count)
            for scalar in text.unicodeScalars {
                if let kept = TextSimilarity.normalized(scalar) { scalars.append(kept) }
            }
            guard scalars.count > 1 else {
                values = scalars.map { UInt64($0) << 32 | 0xFFFF_FFFF }
                return
            }
            var pairs = [UInt64]()
            pairs.reserveCapacity(scalars.count - 1)
            for index in 0..<(scalars.count - 1) {
                pairs.append(UInt64(scalars[index]) << 32 | UInt64(scalars[index + 1]))
            }
            pairs.sort()
            var unique = [UInt64]()
            unique.reserveCapacity(pairs.count)
            for pair in pairs where unique.last != pair { unique.append(pair) }
            values = unique
        }

        /// |A ∩ B| / |A ∪ B|, 0 when either is empty.
        func jaccard(_ other: Shingles) -> Double {
            let a = values
            let b = other.values
            guard !a.isEmpty, !b.isEmpty else { return 0 }
            var i = 0
            var j = 0
            var shared = 0
            while i < a.count, j < b.count {
                if a[i] == b[j] {
                    shared += 1
                    i += 1
                    j += 1
                } else if a[i] < b[j] {
                    i += 1
                } else {
                    j += 1
                }
            }
            return Double(shared) / Double(a.count + b.count - shared)
        }
    }

    /// The bigram Jaccard similarity of `first` and `second`, 0 (nothing shared) to 1 (same pairs).
    static func jaccard(_ first: String, _ second: String) -> Double {
        Shingles(first).jaccard(Shingles(second))
    }

    /// The scalar lower-cased when it is a letter or a digit (what carries meaning), else `nil`.
    static func normalized(_ scalar: Unicode.Scalar) -> UInt32? {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x61...0x7A: return value
            case 0x41...0x5A: return value + 0x20
            default: return nil
            }
        }
        // CJK ideographs, by far the most common here, need no table.
        if (0x4E00...0x9FFF).contains(value) { return value }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter:
            return properties.lowercaseMapping.unicodeScalars.first?.value ?? value
        case .lowercaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber, .otherNumber:
            return value
        default:
            return nil
        }
    }
}
