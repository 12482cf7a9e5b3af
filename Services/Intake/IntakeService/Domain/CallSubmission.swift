import FenliuModel
import Foundation

/// A call that passed the standard field rules, ready to store.
///
/// Text is kept exactly as given (Simplified or Traditional, with its own spacing) apart from the
/// surrounding whitespace; only the phone number is normalised, so calls compare reliably.
struct CallSubmission: Equatable, Sendable {
    /// The line the call came in on.
    var channel: Channel
    /// The sender's own record id, unique per channel.
    var externalID: String
    /// When the call was received.
    var receivedAt: Date
    /// The caller's name; may be empty (anonymous callers).
    var callerName: String
    /// The normalised phone number (on Open311, as typed); empty only for Open311.
    var callerPhone: String
    /// The caller's email, if given.
    var callerEmail: String = ""
    /// The area, given or recognised from the address; `nil` only for Open311.
    var district: District?
    /// The place as the caller described it.
    var address: String
    /// WGS 84 latitude, with `longitude` or not at all.
    var latitude: Double?
    /// WGS 84 longitude, with `latitude` or not at all.
    var longitude: Double?
    /// The operator's record of the call.
    var description: String
    /// Inquiry elements (询问要素) by lowerCamelCase key.
    var elements: [String: String]
    /// The operator who took the call; may be empty.
    var operatorID: String
    /// The Open311 `service_code` the citizen chose, for calls from the Open311 front door.
    var open311ServiceCode: String?

    /// Every stored field in a fixed order, so a resubmission with the same external id can be told
    /// apart from a different call reusing the id. The database hashes this text.
    var canonicalContent: String {
        let separator = "\u{1F}"
        let sortedElements = elements.keys.sorted().map { "\($0)=\(elements[$0]!)" }.joined(separator: separator)
        let fields: [String] =
            [
                channel.code, externalID, receivedAt.postgresMicroseconds, callerName, callerPhone, district?.code ?? "",
                address, latitude.map { String($0) } ?? "", longitude.map { String($0) } ?? "", description,
                sortedElements, operatorID, open311ServiceCode ?? "",
                    // Only when given, so calls stored before emails were kept hash as they did.
            ] + (callerEmail.isEmpty ? [] : [callerEmail])
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
