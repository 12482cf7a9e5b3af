// fenliu-classification-eval [CORPUS_DIR]
//
// Trains on every record but each fifth of each category, classifies the held-out fifth and prints
// destination and category accuracy, the confusion matrix, danger misses (a police, fire or medical
// record sent to 12345 only) and classifications per second. Run it as a release build:
//   swift run -c release fenliu-classification-eval
// Exits 1 when a target is missed: danger misses 0, destinations >= 97%, categories >= 90%.
import ClassificationService
import Foundation

let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let corpusDirectory =
    CommandLine.arguments.dropFirst().first.map { URL(fileURLWithPath: $0) }
    ?? root.appendingPathComponent("Services/Classification/ClassificationService/Corpus")
let tableFile = root.appendingPathComponent("Services/Classification/ClassificationService/Resources/t2s.tsv")

do {
    let normalizer = TextNormalizer(traditionalToSimplified: try Data(contentsOf: tableFile))
    let report = try CorpusEvaluation.run(corpusDirectory: corpusDirectory, normalizer: normalizer, timingSeconds: 2)
    print(report)
    let met = report.dangerMisses.isEmpty && report.destinationAccuracy >= 0.97 && report.categoryAccuracy >= 0.90
    exit(met ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("evaluation failed: \(error)\n".utf8))
    exit(2)
}
