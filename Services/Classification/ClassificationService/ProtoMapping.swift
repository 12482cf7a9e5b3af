import FenliuModel
import Foundation
import SwiftProtobuf

extension SafetyFlag {
    /// The proto value.
    var proto: Fenliu_Classification_V1_SafetyFlag {
        switch self {
        case .fire: .fireOrSmoke
        case .gasLeak: .gasLeak
        case .weapon: .weapon
        case .violence: .violence
        case .threatToLife: .threatToLife
        case .trapped: .trapped
        case .missingPerson: .missingPerson
        case .personAtRisk: .personAtRisk
        case .poisoning: .poisoning
        case .injury: .injury
        case .medicalEmergency: .medicalEmergency
        }
    }
}

extension Evidence {
    /// The proto message; `kind` as the stable strings the contract documents.
    var proto: Fenliu_Common_V1_Evidence {
        Fenliu_Common_V1_Evidence.with {
            $0.kind = switch kind {
            case .ngram: "ngram"
            case .keyword: "keyword"
            case .safetyRule: "safety_rule"
            case .channelDefault: "channel_default"
            }
            $0.text = text
            $0.note = note
        }
    }
}

extension Fenliu_Classification_V1_ClassifyTextResponse {
    init(_ outcome: ClassificationOutcome, catalogueVersion: String) {
        self.init()
        category = outcome.category.proto
        destinations = outcome.destinations.map(\.proto)
        confidence = outcome.confidence
        needsReview = outcome.needsReview
        evidence = outcome.evidence.map(\.proto)
        safetyFlags = outcome.safetyFlags.map(\.proto)
        modelVersion = outcome.modelVersion
        self.catalogueVersion = catalogueVersion
    }
}
