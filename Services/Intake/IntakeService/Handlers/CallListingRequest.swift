import FenliuModel
import Foundation
import ServiceSupport
import SwiftProtobuf

/// Turns a `ListCallsRequest` into checked filters.
enum CallListingRequest {
    /// Calls per page when the client does not say.
    static let defaultPageSize = 20
    /// The most calls one page holds; larger requests get this many.
    static let maximumPageSize = 100
    /// The longest search text.
    static let maximumTextLength = 100

    /// The filters of `request`, or `invalid_argument` listing every bad field.
    static func listing(from request: Fenliu_Intake_V1_ListCallsRequest) throws -> CallListing {
        var problems = [FieldViolation]()
        var channel: Channel?
        if request.channel != .unspecified {
            channel = Channel(proto: request.channel)
            if channel == nil { problems.append(FieldViolation(field: "channel", description: "is not a known channel")) }
        }
        var district: District?
        if !request.district.trimmingCharacters(in: .whitespaces).isEmpty {
            district = DistrictResolver.resolve(request.district)
            if district == nil {
                problems.append(FieldViolation(field: "district", description: DistrictResolver.unknownDistrict))
            }
        }
        let from = request.hasReceivedFrom ? request.receivedFrom.date : nil
        let to = request.hasReceivedTo ? request.receivedTo.date : nil
        if let from, let to, to <= from {
            problems.append(FieldViolation(field: "receivedTo", description: "must be after receivedFrom"))
        }
        let text = request.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count > maximumTextLength || text.containsControlCharacter(allowingLineBreaks: false) {
            problems.append(FieldViolation(field: "text", description: "must be at most \(maximumTextLength) characters, without control characters"))
        }
        if let violation = PageSize.violation(request.pageSize) { problems.append(violation) }
        guard problems.isEmpty else { throw IntakeError.invalidFields(problems) }
        let size = try PageSize.resolve(request.pageSize, default: defaultPageSize, maximum: maximumPageSize)
        return CallListing(channel: channel, district: district, receivedFrom: from, receivedTo: to, text: text, limit: size)
    }
}
