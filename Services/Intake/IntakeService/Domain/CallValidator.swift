import FenliuModel
import Foundation

/// Checks a submitted call against the standard field rules and collects every violation, so an
/// operator or integrator fixes the record in one go instead of one error at a time.
///
/// Required: `channel`, `externalId`, `receivedAt`, `description`; `callerPhone` on the phone lines
/// (110, 12345, 119, 120, whose caller ID is always recorded) but not on Open311; a `district` that
/// exists, given or recognised from `address`, except on Open311, where a citizen may give only
/// coordinates and the 12345 centre places the call.
struct CallValidator {
    /// The current time, injected so tests can pin it.
    var now: Date

    /// The raw fields of a submission, as any front door (Connect or Open311) received them.
    struct Input {
        /// The line; `nil` when not given or not a known one.
        var channel: Channel?
        /// The line's number as sent when it names no line (a bare `110` on the wire is enum number
        /// 110, not CHANNEL_110), so the error can say so instead of "is required".
        var unknownChannelNumber: Int?
        /// The sender's record id.
        var externalID: String
        /// When the call was received; `nil` when not given.
        var receivedAt: Date?
        /// The caller's name.
        var callerName = ""
        /// The caller's phone, in any accepted spelling (on Open311, any text).
        var callerPhone = ""
        /// The caller's email, if given.
        var callerEmail = ""
        /// A district code or name; empty to read it from the address.
        var district = ""
        /// The place of the matter.
        var address = ""
        /// WGS 84 latitude.
        var latitude: Double?
        /// WGS 84 longitude.
        var longitude: Double?
        /// The operator's record or the citizen's report.
        var description = ""
        /// Inquiry elements by key.
        var elements: [String: String] = [:]
        /// The operator who took the call.
        var operatorID = ""
        /// The Open311 service the citizen chose.
        var open311ServiceCode: String?
    }

    /// The validated call, or `IntakeError.invalidFields` listing every problem.
    func validate(_ input: Input) throws(IntakeError) -> CallSubmission {
        var problems = [FieldViolation]()
        func problem(_ field: String, _ reason: String) { problems.append(FieldViolation(field: field, description: reason)) }

        let channel = input.channel
        let channels = "one of CHANNEL_110, CHANNEL_12345, CHANNEL_119, CHANNEL_120, CHANNEL_OPEN311"
        if channel == nil, let number = input.unknownChannelNumber {
            problem("channel", "\(number) is not a channel (enum numbers are not line numbers): \(channels)")
        } else if channel == nil {
            problem("channel", "is required: \(channels)")
        }

        let externalID = input.externalID.trimmingCharacters(in: .whitespaces)
        if externalID.isEmpty {
            problem("externalId", "is required: the sender's own record id, which makes a resubmission safe")
        } else if externalID.count > FieldRules.externalIDMaximum {
            problem("externalId", "is longer than \(FieldRules.externalIDMaximum) characters")
        } else if externalID.contains(where: \.isWhitespace) || externalID.containsControlCharacter(allowingLineBreaks: false) {
            problem("externalId", "must not contain spaces or control characters")
        }

        if let receivedAt = input.receivedAt {
            if receivedAt.timeIntervalSince(now) > FieldRules.clockSkew {
                problem("receivedAt", "is in the future (more than \(Int(FieldRules.clockSkew / 60)) minutes after the server's clock)")
            } else if receivedAt.timeIntervalSince1970 < FieldRules.earliestReceivedAt {
                problem("receivedAt", "is before 2000-01-01; send the time the call was received")
            }
        } else {
            problem("receivedAt", "is required: when the call was received, RFC 3339 such as 2026-11-29T08:30:00+08:00")
        }

        let callerName = input.callerName.trimmingCharacters(in: .whitespacesAndNewlines)
        checkText(callerName, field: "callerName", maximum: FieldRules.callerNameMaximum, problem)

        var phone = ""
        let phoneText = input.callerPhone.trimmingCharacters(in: .whitespaces)
        if phoneText.isEmpty {
            if let channel, channel != .open311 { problem("callerPhone", "is required on the phone lines (the caller ID)") }
        } else if let parsed = PhoneNumber(phoneText) {
            phone = parsed.normalized
        } else if channel == .open311 {
            // A citizen types their number as they like, international ones included: kept as given.
            checkText(phoneText, field: "callerPhone", maximum: FieldRules.freeTextPhoneMaximum, problem)
            phone = phoneText
        } else {
            problem("callerPhone", "is not a Chinese mobile (1[3-9] + 9 digits), landline (0 + area code + 7–8 digits) or 3–5 digit service number")
        }

        let email = input.callerEmail.trimmingCharacters(in: .whitespaces)
        checkText(email, field: "callerEmail", maximum: FieldRules.emailMaximum, problem)
        if !email.isEmpty && (!email.contains("@") || email.contains(where: \.isWhitespace)) {
            problem("callerEmail", "is not an email address")
        }

        let address = input.address.trimmingCharacters(in: .whitespacesAndNewlines)
        checkText(address, field: "address", maximum: FieldRules.addressMaximum, problem)

        var district: District?
        if !input.district.trimmingCharacters(in: .whitespaces).isEmpty {
            district = DistrictResolver.resolve(input.district)
            if district == nil { problem("district", DistrictResolver.unknownDistrict) }
        } else {
            district = DistrictResolver.recognize(inAddress: address)
            if district == nil, let channel, channel != .open311 {
                problem("district", "is required: give a district code or name, or an address that names the district")
            }
        }

        checkCoordinates(latitude: input.latitude, longitude: input.longitude, problem)

        let description = input.description.trimmingCharacters(in: .whitespacesAndNewlines)
        let descriptionMaximum = channel == .open311 ? FieldRules.open311DescriptionMaximum : FieldRules.descriptionMaximum
        if description.isEmpty {
            problem("description", "is required: the operator's record of what the caller said")
        } else {
            checkText(description, field: "description", maximum: descriptionMaximum, allowingLineBreaks: true, problem)
        }

        // Open311 attribute codes are the client's own; they are kept in whatever case style it uses.
        let elements = ElementRules.check(input.elements, allowingRemoval: false, anyKeyStyle: channel == .open311) { problems.append($0) }

        let operatorID = input.operatorID.trimmingCharacters(in: .whitespaces)
        checkText(operatorID, field: "operatorId", maximum: FieldRules.operatorIDMaximum, problem)

        guard problems.isEmpty, let channel, let receivedAt = input.receivedAt else { throw .invalidFields(problems) }
        return CallSubmission(
            channel: channel, externalID: externalID, receivedAt: receivedAt, callerName: callerName, callerPhone: phone, callerEmail: email,
            district: district, address: address, latitude: input.latitude, longitude: input.longitude,
            description: description, elements: elements, operatorID: operatorID, open311ServiceCode: input.open311ServiceCode
        )
    }

    private func checkText(
        _ text: String, field: String, maximum: Int, allowingLineBreaks: Bool = false, _ problem: (String, String) -> Void
    ) {
        if let violation = FieldViolation.text(text, field: field, maximum: maximum, allowingLineBreaks: allowingLineBreaks) {
            problem(violation.field, violation.description)
        }
    }

    private func checkCoordinates(latitude: Double?, longitude: Double?, _ problem: (String, String) -> Void) {
        switch (latitude, longitude) {
        case (nil, nil):
            return
        case (.some, nil):
            problem("longitude", "is required when latitude is given")
        case (nil, .some):
            problem("latitude", "is required when longitude is given")
        case (let latitude?, let longitude?):
            if !latitude.isFinite || !(-90...90).contains(latitude) { problem("latitude", "must be between -90 and 90 (WGS 84 degrees)") }
            if !longitude.isFinite || !(-180...180).contains(longitude) { problem("longitude", "must be between -180 and 180 (WGS 84 degrees)") }
        }
    }
}
