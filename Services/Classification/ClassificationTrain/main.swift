// fenliu-classification-train [CORPUS_DIR] [MODEL_FILE] [--with-reviews DATABASE_URL]
//
// Trains the model the classification service loads at start-up, on the whole labelled corpus
// (the evaluation tool holds part of it out instead) — and, with --with-reviews, on every decision
// an operator reviewed in that database's classification schema (the category the reviewer settled
// on) — and writes it with a version that names what it learned from. Before writing, the new model
// is judged against the one in MODEL_FILE on the independent evaluation set
// (Services/Classification/Evaluation) and the safety cases
// (Services/Classification/SafetyCases/must-escalate.txt): a model that misses a danger the one in
// use does not, sends a safety case to no emergency service, or gets fewer primary destinations
// right, is refused, the file left as it was, and the tool exits 1. Run it from the repository root
// (it reads the set and the cases there and refuses to write without them).
import ClassificationService
import FenliuModel
import Foundation
import Postgres

let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
var arguments = Array(CommandLine.arguments.dropFirst())
var reviewsURL: String?
if let flag = arguments.firstIndex(of: "--with-reviews") {
    guard flag + 1 < arguments.count else {
        FileHandle.standardError.write(Data("--with-reviews needs a database URL (postgres://…)\n".utf8))
        exit(2)
    }
    reviewsURL = arguments[flag + 1]
    arguments.removeSubrange(flag...(flag + 1))
}
let corpusDirectory =
    arguments.first.map { URL(fileURLWithPath: $0) }
    ?? root.appendingPathComponent("Services/Classification/ClassificationService/Corpus")
let modelFile =
    arguments.dropFirst().first.map { URL(fileURLWithPath: $0) }
    ?? root.appendingPathComponent("Services/Classification/ClassificationService/Resources/model.json")
let tableFile = root.appendingPathComponent("Services/Classification/ClassificationService/Resources/t2s.tsv")
let evaluationDirectory = root.appendingPathComponent("Services/Classification/Evaluation")
let casesFile = root.appendingPathComponent("Services/Classification/SafetyCases/must-escalate.txt")

do {
    let corpus = try Corpus.load(from: corpusDirectory)
    let normalizer = TextNormalizer(traditionalToSimplified: try Data(contentsOf: tableFile))
    var examples = Corpus.examples(corpus.records)
    var version = "ngram-" + corpus.fingerprint.prefix(12)
    if let reviewsURL {
        let pool = try PostgresPool(configuration: PostgresConfiguration(url: reviewsURL, schema: "classification", poolSize: 1))
        let reviewed = try await ReviewCorpus.examples(on: pool)
        try await pool.shutdown()
        examples += reviewed
        version += "-r\(reviewed.count)-" + Corpus.fingerprint(of: reviewed).prefix(8)
        print("with \(reviewed.count) reviewed decisions from the classification schema")
    }
    let start = ContinuousClock.now
    let model = NgramModel.train(examples, normalizer: normalizer, version: version)
    print("trained \(version) on \(examples.count) examples in \(ContinuousClock.now - start)")
    // The gate is never skipped quietly: without the set and the cases nothing could be judged, so
    // nothing is written.
    guard FileManager.default.fileExists(atPath: evaluationDirectory.path), FileManager.default.fileExists(atPath: casesFile.path) else {
        FileHandle.standardError.write(
            Data(
                "no independent evaluation set or safety cases under \(root.path)/Services/Classification: run from the repository root; nothing written\n".utf8
            ))
        exit(2)
    }
    let records = try IndependentEvaluation.load(from: evaluationDirectory)
    let cases = try ModelGate.mustEscalate(from: casesFile)
    guard !records.isEmpty, !cases.isEmpty else {
        FileHandle.standardError.write(Data("the independent set or the safety cases are empty; nothing written\n".utf8))
        exit(2)
    }
    // Without a model in use the candidate is its own comparison: nothing to be worse than, but
    // the set's danger misses are printed and the safety cases, which are absolute, still decide.
    let current = FileManager.default.fileExists(atPath: modelFile.path) ? try NgramModel(jsonData: try Data(contentsOf: modelFile)) : nil
    if current == nil { print("no model in use at \(modelFile.path): judged on the safety cases alone") }
    // Judged at the lowest divert threshold a catalogue or the service may use (0.5), where a
    // model's danger misses show first, and at the default in use: a model must be safe and no
    // worse under any threshold it may run with.
    for threshold in [ModelGate.lowestPublishableThreshold, Classifier.Configuration.standardDivertThreshold] {
        let configuration = Classifier.Configuration(divertThreshold: threshold)
        let candidate = try Classifier.production(model: model, normalizer: normalizer, configuration: configuration)
        let verdict = ModelGate.judge(
            candidate: candidate,
            current: try current.map { try Classifier.production(model: $0, normalizer: normalizer, configuration: configuration) } ?? candidate,
            on: records, mustEscalate: cases)
        print("on the independent set at divert threshold \(threshold) (\(current?.version ?? "none") in use):")
        print(verdict)
        guard verdict.accepted else { exit(1) }
    }
    try model.jsonData().write(to: modelFile)
    print("wrote \(modelFile.path)")
} catch {
    FileHandle.standardError.write(Data("training failed: \(error)\n".utf8))
    exit(1)
}
