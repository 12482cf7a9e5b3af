// fenliu-classification-train [CORPUS_DIR] [MODEL_FILE] [--with-reviews DATABASE_URL]
//
// Trains the two models the classification service loads at start-up, on the whole labelled corpus
// (the evaluation tool holds part of it out instead) — and, with --with-reviews, on every decision
// an operator reviewed in that database's classification schema (the category the reviewer settled
// on) — and writes them with versions that name what they learned from: the category model
// (MODEL_FILE) and the danger detector (danger-detector.json beside it), whose threshold is chosen
// on the independent set (Services/Classification/Evaluation) and the safety cases
// (Services/Classification/SafetyCases/must-escalate.txt) with a step of margin; the trade-off table
// is printed. Before writing, the new pair is judged against the pair in use on the set and the
// cases: a pair that misses a danger the one in use does not, sends a safety case to no emergency
// service, or gets fewer primary destinations right, is refused, the files left as they were, and
// the tool exits 1. Run it from the repository root (it reads the set there and refuses to write
// without it).
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
let detectorFile = modelFile.deletingLastPathComponent().appendingPathComponent("danger-detector.json")
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
    // The gate is never skipped quietly: without the set and the cases nothing could be judged
    // (nor the detector's threshold chosen), so nothing is written; without a model in use there
    // is nothing to compare with, and that is said.
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
    let start = ContinuousClock.now
    let model = NgramModel.train(examples, normalizer: normalizer, version: version)
    print("trained \(version) on \(examples.count) examples in \(ContinuousClock.now - start)")
    // FENLIU_DANGER="LENGTH,MIN_DF,C" trains the detector with other settings (to compare them).
    var detectorConfiguration = DangerDetector.Configuration()
    if let text = ProcessInfo.processInfo.environment["FENLIU_DANGER"] {
        let parts = text.split(separator: ",").compactMap { Double($0) }
        guard parts.count == 3 else {
            FileHandle.standardError.write(Data("FENLIU_DANGER must be LENGTH,MIN_DF,C (e.g. 3,2,15)\n".utf8))
            exit(2)
        }
        detectorConfiguration = DangerDetector.Configuration(
            maximumNgramLength: Int(parts[0]), minimumDocumentFrequency: Int(parts[1]), inverseRegularization: parts[2])
    }
    let trained = DangerDetector.train(
        examples, normalizer: normalizer, configuration: detectorConfiguration, threshold: 0,
        version: "danger-" + version.dropFirst("ngram-".count))
    if ProcessInfo.processInfo.environment["FENLIU_DANGER_CASES"] != nil {
        for text in cases { print(String(format: "%.4f", trained.probability(normalized: normalizer.normalizedScalars(text))), text) }
    }
    let choice = try ModelGate.dangerThreshold(model: model, detector: trained, normalizer: normalizer, records: records, mustEscalate: cases)
    let detector = trained.with(threshold: choice.threshold)
    print("trained \(detector.version) on the same examples")
    print(choice)
    if !FileManager.default.fileExists(atPath: modelFile.path) {
        print("no model in use at \(modelFile.path): written without a comparison")
    } else {
        let current = try NgramModel(jsonData: try Data(contentsOf: modelFile))
        // The pair in use is judged as the policy would run it today: its detector's threshold chosen
        // again against today's set and cases, as the candidate's was. Otherwise a candidate that only
        // lowers the threshold because a new safety case needs the margin would be refused for the
        // harmless calls the lower threshold no longer clears.
        let currentDetector = try (try? DangerDetector(jsonData: try Data(contentsOf: detectorFile))).map { detector in
            detector.with(
                threshold: try ModelGate.dangerThreshold(model: current, detector: detector, normalizer: normalizer, records: records, mustEscalate: cases)
                    .threshold)
        }
        // Judged at the lowest divert threshold a catalogue or the service may use (0.5), where a
        // model's danger misses show first, and at the default in use: a model must be safe and no
        // worse under any threshold it may run with.
        for threshold in [ModelGate.lowestPublishableThreshold, Classifier.Configuration.standardDivertThreshold] {
            let configuration = Classifier.Configuration(divertThreshold: threshold)
            let verdict = ModelGate.judge(
                candidate: try Classifier.production(model: model, dangerDetector: detector, normalizer: normalizer, configuration: configuration),
                current: try Classifier.production(
                    model: current, dangerDetector: currentDetector, normalizer: normalizer, configuration: configuration),
                on: records, mustEscalate: cases)
            let inUse = currentDetector.map { "\($0.version) at \($0.threshold)" } ?? "no detector"
            print("on the independent set at divert threshold \(threshold) (\(current.version), \(inUse) in use):")
            print(verdict)
            guard verdict.accepted else { exit(1) }
        }
    }
    try model.jsonData().write(to: modelFile)
    try detector.jsonData().write(to: detectorFile)
    print("wrote \(modelFile.path) and \(detectorFile.path)")
} catch {
    FileHandle.standardError.write(Data("training failed: \(error)\n".utf8))
    exit(1)
}
