import FenliuModel
import Foundation
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
        var problems = [FieldProblem]()
        var channel: Channel?
        if request.channel != .unspecified {
            channel = CallValidator.channel(request.channel)
            if channel == nil { problems.append(FieldProblem(field: "channel", reason: "is not a known channel")) }
        }
        var district: District?
        if !request.district.trimmingCharacters(in: .whitespaces).isEmpty {
            district = DistrictResolver.resolve(request.district)
            if district == nil { problems.append(FieldProblem(field: "district", reason: "is not a code or name of a Chengdu district, county or zone")) }
        }
        let from = request.hasReceivedFrom ? request.receivedFrom.date : nil
        let to = request.hasReceivedTo ? request.receivedTo.date : nil
        if let from, let to, to <= from {
            problems.append(FieldProblem(field: "receivedTo", reason: "must be after receivedFrom"))
        }
        let text = request.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count > maximumTextLength || text.containsControlCharacter(allowingLineBreaks: false) {
            problems.append(FieldProblem(field: "text", reason: "must be at most \(maximumTextLength) characters, without control characters"))
        }
        if request.pageSize < 0 { problems.append(FieldProblem(field: "pageSize", reason: "must not be negative")) }
        guard problems.isEmpty else { throw IntakeError.invalidFields(problems) }
        let size = request.pageSize == 0 ? defaultPageSize : min(Int(request.pageSize), maximumPageSize)
        return CallListing(channel: channel, district: district, receivedFrom: from, receivedTo: to, text: text, limit: size)
    }
}
