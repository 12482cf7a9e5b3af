import FenliuModel
import Foundation
import ServiceSupport
import SwiftProtobuf

extension CallRecord {
    /// The call as the API shows it, with the required inquiry elements it still lacks.
    var proto: Fenliu_Intake_V1_Call { proto(masked: false) }

    /// The call with the caller's name, phone and email masked (`138****1234`) unless `masked` is false.
    func proto(masked: Bool) -> Fenliu_Intake_V1_Call {
        .with {
            $0.id = id.uuidString.lowercased()
            $0.channel = submission.channel.proto
            $0.externalID = submission.externalID
            $0.receivedAt = Google_Protobuf_Timestamp(microsecondsOf: submission.receivedAt)
            $0.callerName = masked ? Masking.name(submission.callerName) : submission.callerName
            $0.callerPhone = masked ? Masking.phone(submission.callerPhone) : submission.callerPhone
            $0.callerEmail = masked ? Masking.email(submission.callerEmail) : submission.callerEmail
            $0.district = submission.district?.code ?? ""
            $0.districtName = submission.district?.name ?? ""
            $0.address = submission.address
            if let latitude = submission.latitude, let longitude = submission.longitude {
                $0.latitude = latitude
                $0.longitude = longitude
            }
            $0.description_p = submission.description
            $0.elements = submission.elements
            $0.operatorID = submission.operatorID
            $0.duplicateOf = duplicateOf?.uuidString.lowercased() ?? ""
            $0.duplicateReason = duplicateReason
            $0.createdAt = Google_Protobuf_Timestamp(microsecondsOf: createdAt)
            $0.category = category.map(\.proto) ?? .unspecified
            $0.missingElements = missingElements.map(\.proto)
        }
    }
}

extension InquiryElementTemplate {
    /// The element as the contract carries it.
    var proto: Fenliu_Common_V1_InquiryElement {
        .with {
            $0.key = key
            $0.label = label
            $0.required = isRequired
            $0.hint = hint
        }
    }

    /// An element from the contract.
    init(_ element: Fenliu_Common_V1_InquiryElement) {
        self.init(key: element.key, label: element.label, isRequired: element.required, hint: element.hint)
    }
}
