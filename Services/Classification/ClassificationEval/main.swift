// fenliu-classification-eval [CORPUS_DIR]   (FENLIU_EVALUATION_DIR: another independent set)
//
// Two evaluations, run as a release build by scripts/bench:
// 1. The corpus: trains on every record but each fifth of each category, classifies the held-out
//    fifth and prints destination and category accuracy, the confusion matrix, danger misses (a
//    police, fire or medical record sent to 12345 only) and classifications per second.
// 2. The independent set (Services/Classification/Evaluation, written apart from the corpus, never
//    trained on) with the production model and catalogue, each call on its own line: the figures
//    issue 13 is judged by.
// Exits 1 when a corpus target is missed (danger misses 0, destinations >= 97%, categories >= 90%);
// the independent figures are reported, not yet enforced.
import ClassificationService
import FenliuModel
import Foundation

let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let corpusDirectory =
    CommandLine.arguments.dropFirst().first.map { URL(fileURLWithPath: $0) }
    ?? root.appendingPathComponent("Services/Classification/ClassificationService/Corpus")
let tableFile = root.appendingPathComponent("Services/Classification/ClassificationService/Resources/t2s.tsv")
// FENLIU_EVALUATION_DIR points at another folder of such records (a new writer's batch, alone).
let evaluationDirectory =
    ProcessInfo.processInfo.environment["FENLIU_EVALUATION_DIR"].map { URL(fileURLWithPath: $0) }
    ?? root.appendingPathComponent("Services/Classification/Evaluation")

// FENLIU_NGRAM="LENGTH,MIN_DF,C" evaluates a candidate configuration instead of the production one:
// the corpus split trained with it, and a model trained with it on the whole corpus on the
// independent set (what fenliu-classification-train would ship with it).
let candidate: NgramModel.Configuration? = ProcessInfo.processInfo.environment["FENLIU_NGRAM"].flatMap { text in
    let parts = text.split(separator: ",").map(String.init)
    guard parts.count == 3 || parts.count == 4, let length = Int(parts[0]), let minimum = Int(parts[1]), let c = Double(parts[2]) else {
        return nil
    }
    return NgramModel.Configuration(
        maximumNgramLength: length, minimumDocumentFrequency: minimum, inverseRegularization: c, classBalanced: parts.count == 4 && parts[3] == "balanced")
}

do {
    let normalizer = TextNormalizer(traditionalToSimplified: try Data(contentsOf: tableFile))
    let report = try CorpusEvaluation.run(
        corpusDirectory: corpusDirectory, normalizer: normalizer, configuration: candidate ?? .init(), timingSeconds: 2)
    print(report)
    print("")
    let classifier: Classifier
    if let candidate {
        print("== the independent set (candidate \(candidate); written apart from the corpus) ==")
        let corpus = try Corpus.load(from: corpusDirectory)
        let model = NgramModel.train(Corpus.examples(corpus.records), normalizer: normalizer, configuration: candidate, version: "candidate")
        classifier = try Classifier.production(model: model, normalizer: normalizer)
    } else {
        print("== the independent set (production model and catalogue; written apart from the corpus) ==")
        classifier = try Classifier.production()
    }
    let records = try IndependentEvaluation.load(from: evaluationDirectory)
    let independent = IndependentEvaluation.evaluate(classifier, on: records)
    print(independent)
    // The slowest single classification: every record of the set, and the longest descriptions the
    // service accepts — 10,000 characters of records run together with no punctuation, and one cue's
    // context word repeated 2,000 times (a review found such a text took half a second), and a
    // denied look-alike said over and over (each vetoed cue worked the denials out again: 40 s).
    let longest = String(records.map(\.text).joined().filter { !",.，。；！？ ".contains($0) }.prefix(10_000))
    let adversarial = String(repeating: "没电池吞了", count: 2_000)
    let deniedOverAndOver = String(String(repeating: "河里漂着一个人，不是模特，是真人，", count: 600).prefix(10_000))
    var slowest = Duration.zero
    for text in records.map(\.text) + [longest, adversarial, deniedOverAndOver] {
        let started = ContinuousClock.now
        _ = try? classifier.classify(ClassificationInput(description: text, channel: .police110))
        slowest = max(slowest, ContinuousClock.now - started)
    }
    let slowestMilliseconds = Double(slowest.components.attoseconds) / 1e15 + Double(slowest.components.seconds) * 1000
    print("slowest classification:             " + String(format: "%.2f ms", slowestMilliseconds) + " (of \(records.count + 3), longest inputs included)")
    // FENLIU_EVAL_MISTAKES=1 lists every wrong record, for reading.
    if ProcessInfo.processInfo.environment["FENLIU_EVAL_MISTAKES"] != nil {
        for mistake in report.destinationMistakes { print("  CORPUS WRONG \(mistake)") }
        for mistake in independent.mistakes { print("  WRONG \(mistake)") }
        for miss in independent.dangerMisses { print("  MISS \(miss)") }
    }
    // FENLIU_EVAL_OUTCOMES=1 lists every record's outcome without its text, for comparing two builds
    // record by record on a batch kept unread.
    if ProcessInfo.processInfo.environment["FENLIU_EVAL_OUTCOMES"] != nil {
        for outcome in independent.outcomes { print("  OUTCOME \(outcome)") }
    }
    // FENLIU_EVAL_SWEEP=1: the divert threshold's trade-off on the independent set — how many of
    // 110's non-police calls are diverted against danger misses and the review queue's load.
    if ProcessInfo.processInfo.environment["FENLIU_EVAL_SWEEP"] != nil {
        let records = try IndependentEvaluation.load(from: evaluationDirectory)
        print("")
        print("== divert threshold sweep (independent set; clarified calls divert at min(threshold, 0.5)) ==")
        print("threshold  110 non-police diverted  dramatic diverted  danger misses  over-escalated  to review  primary right")
        for threshold in [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95] {
            var configuration = Classifier.Configuration()
            configuration.divertThreshold = threshold
            let swept = IndependentEvaluation.evaluate(
                try Classifier.production(model: classifier.model, normalizer: classifier.normalizer, configuration: configuration),
                on: records)
            let share = { (part: Int, whole: Int) in IndependentEvaluation.Report.share(part, whole, counts: false) }
            print(
                String(format: "%9.2f", threshold) + "  "
                    + share(swept.nonPolice110Diverted, swept.nonPolice110).padding(toLength: 23, withPad: " ", startingAt: 0)
                    + "  " + share(swept.harmlessDramatic110Diverted, swept.harmlessDramatic110).padding(toLength: 17, withPad: " ", startingAt: 0)
                    + "  " + "\(swept.dangerMisses.count)".padding(toLength: 13, withPad: " ", startingAt: 0)
                    + "  " + "\(swept.harmlessOverEscalated)".padding(toLength: 14, withPad: " ", startingAt: 0)
                    + "  " + share(swept.reviewed, swept.total).padding(toLength: 9, withPad: " ", startingAt: 0)
                    + "  " + share(swept.primaryDestinationRight, swept.total)
                    + (swept.dangerMissIDs.isEmpty ? "" : "  (" + swept.dangerMissIDs.sorted().joined(separator: ", ") + ")"))
        }
    }
    let met = report.dangerMisses.isEmpty && report.destinationAccuracy >= 0.97 && report.categoryAccuracy >= 0.90
    exit(met ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("evaluation failed: \(error)\n".utf8))
    exit(2)
}
