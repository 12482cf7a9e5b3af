import FenliuModel
import SwiftProtobuf

extension Fenliu_Classification_V1_ClassifyTextResponse {
    /// The answer of `ClassifyText` for an outcome.
    init(_ outcome: ClassificationOutcome, catalogueVersion: String, divertThreshold: Double) {
        self.init()
        category = outcome.category.proto
        destinations = outcome.destinations.map(\.proto)
        confidence = outcome.confidence
        needsReview = outcome.needsReview
        evidence = outcome.evidence.map(\.proto)
        safetyFlags = outcome.safetyFlags.map(\.proto)
        modelVersion = outcome.modelVersion
        self.catalogueVersion = catalogueVersion
        self.divertThreshold = divertThreshold
    }
}
