import FenliuModel
import Foundation

/// A stored call as intake knows it.
struct CallRecord: Sendable, Equatable {
    /// Fenliu's id of the call.
    var id: UUID
    /// The fields as submitted and validated.
    var submission: CallSubmission
    /// The first call of the incident this call repeats, if any.
    var duplicateOf: UUID?
    /// Why the repeat-call rule linked it; empty when not linked.
    var duplicateReason: String
    /// When intake stored it.
    var createdAt: Date
    /// The matter category, once classification attached it.
    var category: Category?
    /// The inquiry elements the category's template asks for (attached with the category).
    var template: [InquiryElementTemplate]

    /// The required elements of the template that the call does not have yet (blank counts as missing).
    var missingElements: [InquiryElementTemplate] {
        template.filter { element in
            element.isRequired && (submission.elements[element.key]?.trimmingCharacters(in: .whitespaces).isEmpty ?? true)
        }
    }

    /// The repeat-rule facts of a call about to be stored; the phone is compared by its index, as
    /// `CallStore.repeatCandidates` reads the stored calls'.
    static func facts(of submission: CallSubmission, id: UUID, phoneIndex: String) -> RepeatCallRule.CallFacts {
        RepeatCallRule.CallFacts(
            id: id.uuidString.lowercased(), duplicateOf: nil, receivedAt: submission.receivedAt, callerPhone: phoneIndex,
            districtCode: submission.district?.code, address: submission.address, latitude: submission.latitude,
            longitude: submission.longitude, description: submission.description
        )
    }
}

/// One inquiry element (询问要素) of a matter's template, as the catalogue defines it.
struct InquiryElementTemplate: Codable, Sendable, Equatable {
    /// lowerCamelCase ASCII, e.g. `amountOwed`.
    var key: String
    /// What the operator sees, e.g. 拖欠金额.
    var label: String
    /// Whether a department cannot act without it.
    var isRequired: Bool
    /// How to ask for it.
    var hint: String

    /// The JSON names, as the catalogue and the contract spell them.
    enum CodingKeys: String, CodingKey {
        case key, label
        case isRequired = "required"
        case hint
    }
}
