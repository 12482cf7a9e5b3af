import FenliuModel
import Foundation
import SwiftProtobuf

extension DisputeRecord {
    /// The dispute as the API shows it.
    var proto: Fenliu_Routing_V1_Dispute {
        .with {
            $0.id = id
            $0.ticketID = ticketID
            $0.callID = callID
            $0.category = category.proto
            $0.district = district
            $0.departmentIds = departmentIDs
            $0.reasons = reasons
            $0.createdAt = Google_Protobuf_Timestamp(date: createdAt)
            $0.inArbitration = isInArbitration
        }
    }
}
