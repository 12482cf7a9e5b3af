import FenliuModel
import Foundation

/// A call that passed the standard field rules, ready to store.
///
/// Text is kept exactly as given (Simplified or Traditional, with its own spacing) apart from the
/// surrounding whitespace; only the phone number is normalised, so calls compare reliably.
struct CallSubmission: Equatable, Sendable {
    var channel: Channel
    var externalID: String
    var receivedAt: Date
    var callerName: String
    var callerPhone: String
    var district: District?
    var address: String
    var latitude: Double?
    var longitude: Double?
    var description: String
    var elements: [String: String]
    var operatorID: String
    /// The Open311 `service_code` the citizen chose, for calls from the Open311 front door.
    var open311ServiceCode: String?

    /// Every stored field in a fixed order, so a resubmission with the same external id can be told
    /// apart from a different call reusing the id. The database hashes this text.
    var canonicalContent: String {
        let separator = "\u{1F}"
        let sortedElements = elements.keys.sorted().map { "\($0)=\(elements[$0]!)" }.joined(separator: separator)
        let fields: [String] = [
            channel.code, externalID, receivedAt.postgresMicroseconds, callerName, callerPhone, district?.code ?? "",
            address, latitude.map { String($0) } ?? "", longitude.map { String($0) } ?? "", description,
            sortedElements, operatorID, open311ServiceCode ?? "",
        ]
        return fields.joined(separator: "\u{1E}")
    }
}

extension Date {
    /// Microseconds since 1970 as text: PostgreSQL's precision, so a stored time and a resubmitted
    /// one with nanoseconds compare equal.
    var postgresMicroseconds: String {
        String(Int64((timeIntervalSince1970 * 1_000_000).rounded()))
    }
}
