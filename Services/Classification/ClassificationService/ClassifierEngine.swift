import FenliuModel
import Foundation
import Synchronization

/// The classifier the service runs, rebuilt when a new catalogue version brings new keywords.
///
/// The model and the Traditional→Simplified table are bundled resources, loaded once; the model
/// file is produced by `fenliu-classification-train` and carries its version.
final class ClassifierEngine: Sendable {
    private struct Current {
        var classifier: Classifier
        var catalogue: Fenliu_Classification_V1_Catalogue
    }

    private let model: NgramModel
    private let normalizer: TextNormalizer
    private let configuration: Classifier.Configuration
    private let current: Mutex<Current>

    init(model: NgramModel, normalizer: TextNormalizer, catalogue: Fenliu_Classification_V1_Catalogue, configuration: Classifier.Configuration) {
        self.model = model
        self.normalizer = normalizer
        self.configuration = configuration
        let classifier = Classifier(model: model, normalizer: normalizer, keywords: catalogue.keywordsByCategory, configuration: configuration)
        current = Mutex(Current(classifier: classifier, catalogue: catalogue))
    }

    /// Loads the bundled model and normaliser table.
    static func bundledModel() throws -> (NgramModel, TextNormalizer) {
        guard let modelURL = Bundle.module.url(forResource: "model", withExtension: "json", subdirectory: "Resources") else {
            throw ClassificationServiceError.resourceMissing("model.json")
        }
        guard let tableURL = Bundle.module.url(forResource: "t2s", withExtension: "tsv", subdirectory: "Resources") else {
            throw ClassificationServiceError.resourceMissing("t2s.tsv")
        }
        let normalizer = TextNormalizer(traditionalToSimplified: try Data(contentsOf: tableURL))
        return (try NgramModel(jsonData: try Data(contentsOf: modelURL)), normalizer)
    }

    /// The catalogue the classifier currently uses.
    var catalogue: Fenliu_Classification_V1_Catalogue {
        current.withLock { $0.catalogue }
    }

    /// Classifies with the current catalogue and says which version that was.
    func classify(_ input: ClassificationInput) throws(ClassificationError) -> (ClassificationOutcome, Fenliu_Classification_V1_Catalogue) {
        let (classifier, catalogue) = current.withLock { ($0.classifier, $0.catalogue) }
        return (try classifier.classify(input), catalogue)
    }

    /// Switches to a newly published catalogue.
    func adopt(_ catalogue: Fenliu_Classification_V1_Catalogue) {
        let classifier = Classifier(model: model, normalizer: normalizer, keywords: catalogue.keywordsByCategory, configuration: configuration)
        current.withLock { $0 = Current(classifier: classifier, catalogue: catalogue) }
    }
}
