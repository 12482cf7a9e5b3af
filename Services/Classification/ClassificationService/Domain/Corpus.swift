import FenliuModel
import Foundation

/// The labelled corpus: `Corpus/<CATEGORY_CODE>.txt`, one description per line, `#` lines ignored.
public struct Corpus: Sendable {
    /// One labelled description.
    public struct Record: Sendable, Hashable {
        /// The description as written.
        public let text: String
        /// Its category (the file it came from).
        public let category: Category
        /// Its position among the records of its file, from 0; the held-out split keys on it.
        public let index: Int

        /// A record.
        public init(text: String, category: Category, index: Int) {
            self.text = text
            self.category = category
            self.index = index
        }
    }

    /// All records, category by category in catalogue order, each in file order.
    public let records: [Record]
    /// Categories with no file or no record: a corpus being written may not cover them yet.
    public let missingCategories: [Category]

    /// A corpus from file contents by category; pure, so tests need no files.
    public init(files: [Category: String]) {
        var records: [Record] = []
        var missing: [Category] = []
        for category in Category.allCases {
            var index = 0
            for line in (files[category] ?? "").split(whereSeparator: \.isNewline) {
                let text = line.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty, !text.hasPrefix("#") else { continue }
                records.append(Record(text: text, category: category, index: index))
                index += 1
            }
            if index == 0 { missing.append(category) }
        }
        self.records = records
        missingCategories = missing
    }

    /// The corpus in `directory`. Missing files are not an error (see `missingCategories`); a file
    /// that exists but cannot be read or is not UTF-8 is.
    public static func load(from directory: URL) throws -> Corpus {
        var files: [Category: String] = [:]
        for category in Category.allCases {
            let url = directory.appendingPathComponent(category.code + ".txt")
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            files[category] = try String(contentsOf: url, encoding: .utf8)
        }
        return Corpus(files: files)
    }

    /// The deterministic split: every `stride`-th record of each file (indices stride-1, 2·stride-1,
    /// …) is held out, the rest trains.
    ///
    /// Keyed on the position in the file rather than a hash of the text, so every category gives the
    /// same share, and a file that only grows at its end never moves a record between the two sides.
    public func split(holdingOutEvery stride: Int = 5) -> (training: [Record], heldOut: [Record]) {
        let stride = max(2, stride)
        var training: [Record] = []
        var heldOut: [Record] = []
        for record in records {
            if record.index % stride == stride - 1 { heldOut.append(record) } else { training.append(record) }
        }
        return (training, heldOut)
    }

    /// A short stable digest of the records (FNV-1a over category codes and texts), for model
    /// versions such as `ngram-lr-3f2a9c1e`: two models with the same fingerprint saw the same data.
    public var fingerprint: String { Self.fingerprint(of: Self.examples(records)) }

    /// A 64-bit FNV-1a hash of labelled examples in order, as 16 hex digits: the corpus's, and the
    /// reviewed decisions' a retraining adds (so `-r40-…` says which forty).
    public static func fingerprint(of examples: [(text: String, category: Category)]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for example in examples {
            for byte in example.category.code.utf8 + [9] + example.text.utf8 + [10] {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Training pairs for ``NgramModel/train(_:normalizer:configuration:version:)``.
    public static func examples(_ records: [Record]) -> [(text: String, category: Category)] {
        records.map { ($0.text, $0.category) }
    }
}
