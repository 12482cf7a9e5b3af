import FenliuModel
import Foundation
import SwiftProtobuf

extension Subscription {
    /// The subscription as the API shows it (never its secret).
    var proto: Fenliu_Feedback_V1_Subscription {
        .with {
            $0.id = id
            $0.url = url
            $0.hasSecret_p = true
            switch scope {
            case .channel(let channel): $0.channel = channel.proto
            case .department(let department): $0.departmentID = department
            case .call(let call): $0.callID = call
            }
            $0.createdAt = Google_Protobuf_Timestamp(microsecondsOf: createdAt)
        }
    }
}
