import FenliuModel
import SwiftProtobuf

extension Evidence {
    /// The proto message; `kind` as the stable strings the contract documents.
    var proto: Fenliu_Common_V1_Evidence {
        Fenliu_Common_V1_Evidence.with {
            $0.kind =
                switch kind {
                case .ngram: "ngram"
                case .keyword: "keyword"
                case .safetyRule: "safety_rule"
                case .channelDefault: "channel_default"
                case .reporterChoice: "reporter_choice"
                }
            $0.text = text
            $0.note = note
        }
    }
}
