import FenliuModel
import Foundation
import SwiftProtobuf

extension CallRecord {
    /// The call as the API shows it, with the required inquiry elements it still lacks.
    var proto: Fenliu_Intake_V1_Call {
        .with {
            $0.id = id.uuidString.lowercased()
            $0.channel = submission.channel.proto
            $0.externalID = submission.externalID
            $0.receivedAt = Google_Protobuf_Timestamp(microsecondsOf: submission.receivedAt)
            $0.callerName = submission.callerName
            $0.callerPhone = submission.callerPhone
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

extension Category {
    /// The proto enum value of this category: `Category` lists the catalogue in the order of the
    /// proto enum's numbers 1…16 (`FenliuModelTests` checks the codes match).
    var proto: Fenliu_Common_V1_Category {
        Fenliu_Common_V1_Category(rawValue: Category.allCases.firstIndex(of: self)! + 1) ?? .unspecified
    }

    /// The category of a proto enum value, `nil` for unspecified or unknown numbers.
    init?(proto: Fenliu_Common_V1_Category) {
        let index = proto.rawValue - 1
        guard Category.allCases.indices.contains(index) else { return nil }
        self = Category.allCases[index]
    }
}

extension Google_Protobuf_Timestamp {
    /// A timestamp at PostgreSQL's microsecond precision, so a stored time does not come back with
    /// nanosecond noise from the `Date` (a `Double`) it travelled through.
    init(microsecondsOf date: Date) {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        self.init(seconds: seconds, nanos: Int32(micros - seconds * 1_000_000) * 1000)
    }
}
