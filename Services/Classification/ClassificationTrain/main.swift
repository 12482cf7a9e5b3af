// fenliu-classification-train [CORPUS_DIR] [MODEL_FILE]
//
// Trains the model the classification service loads at start-up, on the whole labelled corpus
// (the evaluation tool holds part of it out instead), and writes it with a version that names the
// corpus it was trained on.
import ClassificationService
import Foundation

let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let arguments = CommandLine.arguments.dropFirst()
let corpusDirectory =
    arguments.first.map { URL(fileURLWithPath: $0) }
    ?? root.appendingPathComponent("Services/Classification/ClassificationService/Corpus")
let modelFile =
    arguments.dropFirst().first.map { URL(fileURLWithPath: $0) }
    ?? root.appendingPathComponent("Services/Classification/ClassificationService/Resources/model.json")
let tableFile = root.appendingPathComponent("Services/Classification/ClassificationService/Resources/t2s.tsv")

do {
    let corpus = try Corpus.load(from: corpusDirectory)
    let normalizer = TextNormalizer(traditionalToSimplified: try Data(contentsOf: tableFile))
    let version = "ngram-" + corpus.fingerprint.prefix(12)
    let start = ContinuousClock.now
    let model = NgramModel.train(Corpus.examples(corpus.records), normalizer: normalizer, version: version)
    try model.jsonData().write(to: modelFile)
    print("trained \(version) on \(corpus.records.count) records in \(ContinuousClock.now - start); wrote \(modelFile.path)")
} catch {
    FileHandle.standardError.write(Data("training failed: \(error)\n".utf8))
    exit(1)
}
