import FenliuModel
import Foundation
import SwiftProtobuf

extension PublishedRules {
    /// The version as the API shows it.
    var proto: Fenliu_Routing_V1_RoutingRules {
        .with { message in
            message.version = version
            message.publishedAt = Google_Protobuf_Timestamp(date: publishedAt)
            message.publishedBy = publishedBy
            message.rules = rules.map { rule in
                .with {
                    $0.category = rule.category.proto
                    $0.district = rule.district
                    $0.departmentID = rule.departmentID
                }
            }
        }
    }
}
