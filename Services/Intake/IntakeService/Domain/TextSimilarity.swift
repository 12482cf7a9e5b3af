/// How alike two short texts are, for spotting repeat calls about one incident.
///
/// Texts are normalised (case folded; whitespace, punctuation and symbols dropped, so 「」，。 and
/// spacing do not count) and compared as sets of character bigrams: Jaccard = |A ∩ B| / |A ∪ B|.
/// Bigrams suit Chinese, which has no spaces between words: 人民南路四段 and 人民南路4段 still share
/// most pairs. Simplified and Traditional forms of a word do not match; they are rare within one
/// city's hotline records on the same day.
enum TextSimilarity {
    /// The bigram Jaccard similarity of `first` and `second`, 0 (nothing shared) to 1 (same pairs).
    static func jaccard(_ first: String, _ second: String) -> Double {
        let a = bigrams(first)
        let b = bigrams(second)
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let shared = a.intersection(b).count
        return Double(shared) / Double(a.count + b.count - shared)
    }

    /// The text reduced to the characters that carry meaning.
    static func normalize(_ text: String) -> [Character] {
        text.lowercased().filter { $0.isLetter || $0.isNumber }.map { $0 }
    }

    /// The set of adjacent character pairs; a one-character text is its own single "pair".
    static func bigrams(_ text: String) -> Set<String> {
        let characters = normalize(text)
        guard characters.count > 1 else { return characters.isEmpty ? [] : [String(characters)] }
        var pairs = Set<String>()
        for index in 0..<(characters.count - 1) {
            pairs.insert(String([characters[index], characters[index + 1]]))
        }
        return pairs
    }
}
