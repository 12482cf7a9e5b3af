// fenliu-classification-eval [CORPUS_DIR]
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
import Foundation

let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let corpusDirectory =
    CommandLine.arguments.dropFirst().first.map { URL(fileURLWithPath: $0) }
    ?? root.appendingPathComponent("Services/Classification/ClassificationService/Corpus")
let tableFile = root.appendingPathComponent("Services/Classification/ClassificationService/Resources/t2s.tsv")
let evaluationDirectory = root.appendingPathComponent("Services/Classification/Evaluation")

do {
    let normalizer = TextNormalizer(traditionalToSimplified: try Data(contentsOf: tableFile))
    let report = try CorpusEvaluation.run(corpusDirectory: corpusDirectory, normalizer: normalizer, timingSeconds: 2)
    print(report)
    print("")
    print("== the independent set (production model and catalogue; written apart from the corpus) ==")
    print(IndependentEvaluation.evaluate(try Classifier.production(), on: try IndependentEvaluation.load(from: evaluationDirectory)))
    let met = report.dangerMisses.isEmpty && report.destinationAccuracy >= 0.97 && report.categoryAccuracy >= 0.90
    exit(met ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("evaluation failed: \(error)\n".utf8))
    exit(2)
}
