import Foundation

/// Brings a call description into the one form the model and the safety rules read.
///
/// Operators and callers write Traditional and Simplified characters, full-width and half-width
/// forms, Chinese and ASCII punctuation; the classifier should see one spelling of each. The steps,
/// per Unicode scalar: Traditional→Simplified (phrases first, longest match, then single
/// characters), full-width→half-width, Latin lower-casing, one form per punctuation mark, control
/// and format characters dropped, runs of white space collapsed to one ASCII space, ends trimmed.
public struct TextNormalizer: Sendable {
    /// Single-character Traditional→Simplified pairs, consulted outside the Basic Multilingual Plane.
    private let characters: [Unicode.Scalar: Unicode.Scalar]
    /// Multi-character pairs whose character-by-character conversion would be wrong, by first scalar.
    private let phrases: [Unicode.Scalar: [(source: [Unicode.Scalar], target: [Unicode.Scalar])]]
    /// For every BMP scalar, its finished form (converted and folded), `dropped`, or with
    /// `phraseStart` set when a phrase may start there: one array read per scalar on the hot path
    /// instead of two hash lookups and a Unicode property query.
    private let basic: [UInt32]

    private static let dropped: UInt32 = 0x7FFF_FFFF
    private static let phraseStart: UInt32 = 0x8000_0000

    /// The folding of every BMP scalar with no conversion, built once and shared.
    private static let foldedBasic: [UInt32] = (0..<0x1_0000).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)), let folded = fold(scalar) else { return dropped }
        return folded.value
    }

    /// A normaliser that converts no Traditional characters (everything else still applies).
    public init() {
        characters = [:]
        phrases = [:]
        basic = Self.foldedBasic
    }

    /// A normaliser using a `traditional<TAB>simplified` table such as `Resources/t2s.tsv`.
    ///
    /// Lines starting with `#` and malformed lines are skipped rather than rejected, so a table with
    /// a stray line still converts everything else.
    public init(traditionalToSimplified table: String) {
        var characters: [Unicode.Scalar: Unicode.Scalar] = [:]
        var phrases: [Unicode.Scalar: [(source: [Unicode.Scalar], target: [Unicode.Scalar])]] = [:]
        for line in table.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else { continue }
            let source = Array(fields[0].unicodeScalars)
            let target = Array(fields[1].unicodeScalars)
            guard let first = source.first, !target.isEmpty else { continue }
            if source.count == 1, target.count == 1 {
                characters[first] = target[0]
            } else {
                phrases[first, default: []].append((source, target))
            }
        }
        var basic = Self.foldedBasic
        for (source, target) in characters where source.value < 0x1_0000 {
            basic[Int(source.value)] = Self.fold(target)?.value ?? Self.dropped
        }
        for first in phrases.keys where first.value < 0x1_0000 { basic[Int(first.value)] |= Self.phraseStart }
        self.characters = characters
        // Longest first, so the first phrase that matches is the longest one.
        self.phrases = phrases.mapValues { $0.sorted { $0.source.count > $1.source.count } }
        self.basic = basic
    }

    /// A normaliser using a UTF-8 table; invalid UTF-8 is repaired rather than rejected.
    public init(traditionalToSimplified data: Data) {
        self.init(traditionalToSimplified: String(decoding: data, as: UTF8.self))
    }

    /// The normalised form of `text`.
    public func normalize(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: normalizedScalars(text))
        return String(view)
    }

    /// The normalised form of `text` as scalars, which is what the n-gram and cue matchers walk.
    public func normalizedScalars(_ text: String) -> [Unicode.Scalar] {
        let input = Array(text.unicodeScalars)
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(input.count)
        var pendingSpace = false
        var index = 0
        while index < input.count {
            let scalar = input[index]
            let entry = scalar.value < 0x1_0000 ? basic[Int(scalar.value)] : Self.phraseStart
            if entry & Self.phraseStart != 0, let candidates = phrases[scalar],
                let match = candidates.first(where: { Self.matches($0.source, in: input, at: index) })
            {
                for converted in match.target { Self.append(Self.fold(converted), to: &output, pendingSpace: &pendingSpace) }
                index += match.source.count
                continue
            }
            index += 1
            if scalar.value >= 0x1_0000 {
                Self.append(Self.fold(characters[scalar] ?? scalar), to: &output, pendingSpace: &pendingSpace)
            } else if entry & ~Self.phraseStart != Self.dropped {
                Self.append(Unicode.Scalar(entry & ~Self.phraseStart), to: &output, pendingSpace: &pendingSpace)
            }
        }
        return output
    }

    private static func matches(_ source: [Unicode.Scalar], in input: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + source.count <= input.count else { return false }
        for offset in 1..<source.count where input[index + offset] != source[offset] { return false }
        return true
    }

    /// Appends one folded scalar, turning white space into at most one space between other scalars.
    private static func append(_ scalar: Unicode.Scalar?, to output: inout [Unicode.Scalar], pendingSpace: inout Bool) {
        guard let scalar else { return }
        if scalar == " " {
            pendingSpace = !output.isEmpty
            return
        }
        if pendingSpace {
            output.append(" ")
            pendingSpace = false
        }
        output.append(scalar)
    }

    /// The one form of a scalar: `" "` for any white space, `nil` for what is dropped.
    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        switch value {
        case 0x41...0x5A:
            return Unicode.Scalar(value + 0x20)
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x3000, 0xA0, 0x85, 0x2028, 0x2029, 0x1680, 0x2000...0x200A, 0x202F, 0x205F:
            return " "
        case 0x00...0x1F, 0x7F...0x9F:
            return nil
        case 0xFF01...0xFF5E:
            // Full-width ASCII forms sit at a fixed offset from ASCII; fold again for case and marks.
            return fold(Unicode.Scalar(value - 0xFEE0)!)
        default:
            break
        }
        if value < 0x80 { return scalar }
        if let mark = punctuation[value] { return mark }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
            return nil
        case .spaceSeparator:
            return " "
        case .uppercaseLetter, .titlecaseLetter:
            let lower = properties.lowercaseMapping.unicodeScalars
            return lower.count == 1 ? lower.first : scalar
        default:
            return scalar
        }
    }

    /// CJK and typographic punctuation mapped to the ASCII mark with the same role, so that `，`
    /// and `,` (or `“` and `"`) are one clause boundary or quote for every later step.
    private static let punctuation: [UInt32: Unicode.Scalar] = [
        0x3002: ".", 0xFF61: ".", 0x3001: ",", 0xFF64: ",", 0xFE50: ",", 0xFE51: ",", 0xFE52: ".",
        0xFE54: ";", 0xFE55: ":", 0xFE56: "?", 0xFE57: "!", 0x2026: ".", 0x22EF: ".",
        0x201C: "\"", 0x201D: "\"", 0x201E: "\"", 0x2018: "'", 0x2019: "'", 0x300C: "\"", 0x300D: "\"",
        0x300E: "\"", 0x300F: "\"", 0x300A: "\"", 0x300B: "\"", 0x3008: "\"", 0x3009: "\"",
        0x3010: "(", 0x3011: ")", 0x3014: "(", 0x3015: ")", 0x3016: "(", 0x3017: ")",
        0xFF5F: "(", 0xFF60: ")", 0x2014: "-", 0x2013: "-", 0x2015: "-", 0x2012: "-", 0x2212: "-",
        0x30FC: "-", 0xFF5E: "~", 0x301C: "~", 0x00B7: "·", 0x30FB: "·", 0x2022: "·", 0x2027: "·",
    ]
}
