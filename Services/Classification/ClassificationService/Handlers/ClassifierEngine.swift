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
    private let dangerDetector: DangerDetector?
    private let normalizer: TextNormalizer
    private let configuration: Classifier.Configuration
    private let current: Mutex<Current>

    init(
        model: NgramModel, dangerDetector: DangerDetector?, normalizer: TextNormalizer, catalogue: PublishedCatalogue,
        configuration: Classifier.Configuration
    ) {
        self.model = model
        self.dangerDetector = dangerDetector
        self.normalizer = normalizer
        self.configuration = configuration
        let classifier = Self.classifier(
            model: model, dangerDetector: dangerDetector, normalizer: normalizer, catalogue: catalogue.catalogue, configuration: configuration)
        current = Mutex(Current(classifier: classifier, catalogue: catalogue.catalogue, sequence: catalogue.sequence))
    }

    /// The classifier for `catalogue`: its keywords, and its divert threshold when it publishes one.
    private static func classifier(
        model: NgramModel, dangerDetector: DangerDetector?, normalizer: TextNormalizer, catalogue: Fenliu_Classification_V1_Catalogue,
        configuration: Classifier.Configuration
    ) -> Classifier {
        var configuration = configuration
        configuration.divertThreshold = divertThreshold(of: catalogue, default: configuration.divertThreshold)
        return Classifier(
            model: model, normalizer: normalizer, dangerDetector: dangerDetector, keywords: catalogue.keywordsByCategory,
            configuration: configuration)
    }

    private static func divertThreshold(of catalogue: Fenliu_Classification_V1_Catalogue, default standard: Double) -> Double {
        catalogue.divertThreshold > 0 ? catalogue.divertThreshold : standard
    }

    /// The divert threshold in force under `catalogue`: its own, or the configured default.
    func divertThreshold(under catalogue: Fenliu_Classification_V1_Catalogue) -> Double {
        Self.divertThreshold(of: catalogue, default: configuration.divertThreshold)
    }

    /// Loads the bundled model and normaliser table.
    static func bundledModel() throws -> (model: NgramModel, normalizer: TextNormalizer) {
        try bundled.get()
    }

    /// Loads the bundled danger detector: apart from the model, so that a service started with
    /// `FENLIU_CLASSIFICATION_DANGER_DETECTOR=off` never reads the file (a bad one cannot stop it).
    static func bundledDangerDetector() throws -> DangerDetector {
        try bundledDetector.get()
    }

    /// Read once per process: the model files are megabytes of JSON, and tests start many
    /// classification services in one process.
    private static let bundled = Result {
        (model: try NgramModel(jsonData: try resource("model", "json")), normalizer: TextNormalizer(traditionalToSimplified: try resource("t2s", "tsv")))
    }
    private static let bundledDetector = Result { try DangerDetector(jsonData: try resource("danger-detector", "json")) }

    private static func resource(_ name: String, _ type: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: type, subdirectory: "Resources") else {
            throw ClassificationError.resourceMissing("\(name).\(type)")
        }
        return try Data(contentsOf: url)
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
        let classifier = Self.classifier(
            model: model, dangerDetector: dangerDetector, normalizer: normalizer, catalogue: catalogue, configuration: configuration)
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
        let bundled = try ClassifierEngine.bundledModel()
        return try production(model: bundled.model, dangerDetector: try ClassifierEngine.bundledDangerDetector(), normalizer: bundled.normalizer)
    }

    /// The production classifier around other models (candidates being evaluated), or with
    /// another configuration (a threshold being chosen).
    public static func production(
        model: NgramModel, dangerDetector: DangerDetector?, normalizer: TextNormalizer, configuration: Configuration = Configuration()
    ) throws -> Classifier {
        Classifier(
            model: model, normalizer: normalizer, dangerDetector: dangerDetector, keywords: try CatalogueSeed.load().keywordsByCategory,
            configuration: configuration)
    }
}
