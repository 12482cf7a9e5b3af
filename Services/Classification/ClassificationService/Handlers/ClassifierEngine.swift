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
        var sequence: Int64
    }

    private let model: NgramModel
    private let normalizer: TextNormalizer
    private let configuration: Classifier.Configuration
    private let current: Mutex<Current>

    init(model: NgramModel, normalizer: TextNormalizer, catalogue: PublishedCatalogue, configuration: Classifier.Configuration) {
        self.model = model
        self.normalizer = normalizer
        self.configuration = configuration
        let classifier = Self.classifier(model: model, normalizer: normalizer, catalogue: catalogue.catalogue, configuration: configuration)
        current = Mutex(Current(classifier: classifier, catalogue: catalogue.catalogue, sequence: catalogue.sequence))
    }

    /// The classifier for `catalogue`: its keywords, and its divert threshold when it publishes one.
    private static func classifier(
        model: NgramModel, normalizer: TextNormalizer, catalogue: Fenliu_Classification_V1_Catalogue,
        configuration: Classifier.Configuration
    ) -> Classifier {
        var configuration = configuration
        configuration.divertThreshold = divertThreshold(of: catalogue, default: configuration.divertThreshold)
        return Classifier(model: model, normalizer: normalizer, keywords: catalogue.keywordsByCategory, configuration: configuration)
    }

    private static func divertThreshold(of catalogue: Fenliu_Classification_V1_Catalogue, default standard: Double) -> Double {
        catalogue.divertThreshold > 0 ? catalogue.divertThreshold : standard
    }

    /// The divert threshold in force under `catalogue`: its own, or the configured default.
    func divertThreshold(under catalogue: Fenliu_Classification_V1_Catalogue) -> Double {
        Self.divertThreshold(of: catalogue, default: configuration.divertThreshold)
    }

    /// Loads the bundled model and normaliser table.
    static func bundledModel() throws -> (NgramModel, TextNormalizer) {
        try bundled.get()
    }

    /// Read once per process: the model file is over a megabyte of JSON, and tests start many
    /// classification services in one process.
    private static let bundled = Result { try loadBundledModel() }

    private static func loadBundledModel() throws -> (NgramModel, TextNormalizer) {
        guard let modelURL = Bundle.module.url(forResource: "model", withExtension: "json", subdirectory: "Resources") else {
            throw ClassificationError.resourceMissing("model.json")
        }
        guard let tableURL = Bundle.module.url(forResource: "t2s", withExtension: "tsv", subdirectory: "Resources") else {
            throw ClassificationError.resourceMissing("t2s.tsv")
        }
        let normalizer = TextNormalizer(traditionalToSimplified: try Data(contentsOf: tableURL))
        return (try NgramModel(jsonData: try Data(contentsOf: modelURL)), normalizer)
    }

    /// The catalogue the classifier currently uses.
    var catalogue: Fenliu_Classification_V1_Catalogue {
        current.withLock { $0.catalogue }
    }

    /// Classifies with the current catalogue and says which version that was.
    func classify(_ input: ClassificationInput) throws(DescriptionError) -> (ClassificationOutcome, Fenliu_Classification_V1_Catalogue) {
        let (classifier, catalogue) = current.withLock { ($0.classifier, $0.catalogue) }
        return (try classifier.classify(input), catalogue)
    }

    /// The catalogue's place in the order of publication.
    var catalogueSequence: Int64 {
        current.withLock { $0.sequence }
    }

    /// Switches to a newly published catalogue, unless the one in use is newer: the replica that
    /// published a version adopts it at once, and its refresher must never step back to an older
    /// one it read a moment before.
    @discardableResult
    func adopt(_ catalogue: Fenliu_Classification_V1_Catalogue, sequence: Int64) -> Bool {
        let classifier = Self.classifier(model: model, normalizer: normalizer, catalogue: catalogue, configuration: configuration)
        return current.withLock { current in
            guard sequence > current.sequence else { return false }
            current = Current(classifier: classifier, catalogue: catalogue, sequence: sequence)
            return true
        }
    }
}

extension Classifier {
    /// The classifier a fresh service runs: the bundled model, the seed catalogue's keywords and the
    /// default configuration (`FENLIU_CLASSIFICATION_DIVERT_THRESHOLD` 0.6). What the independent
    /// evaluation measures.
    public static func production() throws -> Classifier {
        let (model, normalizer) = try ClassifierEngine.bundledModel()
        return try production(model: model, normalizer: normalizer)
    }

    /// The production classifier around another model (a candidate being evaluated), or with
    /// another configuration (a threshold being chosen).
    public static func production(
        model: NgramModel, normalizer: TextNormalizer, configuration: Configuration = Configuration()
    ) throws -> Classifier {
        Classifier(model: model, normalizer: normalizer, keywords: try CatalogueSeed.load().keywordsByCategory, configuration: configuration)
    }
}
