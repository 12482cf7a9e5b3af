import FenliuModel
import Foundation

/// The JSON body of a Connect error: `{"code":…, "message":…, "details":[…]}`.
///
/// Field violations travel as a `google.rpc.BadRequest` detail: `value` is its protobuf encoding
/// (base64, unpadded, as Connect requires) so generated clients in any language can unpack it, and
/// `debug` repeats it as JSON for people reading with curl.
struct ConnectErrorBody: Codable {
    var code: String
    var message: String?
    var details: [Detail]?

    struct Detail: Codable {
        var type: String
        var value: String
        var debug: Debug?
    }

    struct Debug: Codable {
        var fieldViolations: [FieldViolation]
    }

    static let badRequestType = "google.rpc.BadRequest"

    init(_ error: ConnectError) {
        code = error.code.rawValue
        message = error.message.isEmpty ? nil : error.message
        if error.fieldViolations.isEmpty {
            details = nil
        } else {
            let value = Self.encodeBadRequest(error.fieldViolations).base64EncodedString()
                .replacingOccurrences(of: "=", with: "")
            details = [Detail(type: Self.badRequestType, value: value, debug: Debug(fieldViolations: error.fieldViolations))]
        }
    }

    /// The error this body describes, or `nil` when the code is not a Connect code.
    var connectError: ConnectError? {
        guard let code = ConnectCode(rawValue: code) else { return nil }
        let violations = details?.first { $0.type == Self.badRequestType }?.debug?.fieldViolations ?? []
        return ConnectError(code, message ?? "", fieldViolations: violations)
    }

    /// `google.rpc.BadRequest { repeated FieldViolation field_violations = 1; }` with
    /// `FieldViolation { string field = 1; string description = 2; }`, encoded by hand: two string
    /// fields do not justify vendoring googleapis.
    static func encodeBadRequest(_ violations: [FieldViolation]) -> Data {
        var message = Data()
        for violation in violations {
            var inner = Data()
            appendField(1, Data(violation.field.utf8), to: &inner)
            appendField(2, Data(violation.description.utf8), to: &inner)
            appendField(1, inner, to: &message)
        }
        return message
    }

    private static func appendField(_ number: UInt64, _ bytes: Data, to data: inout Data) {
        appendVarint(number << 3 | 2, to: &data)
        appendVarint(UInt64(bytes.count), to: &data)
        data.append(bytes)
    }

    private static func appendVarint(_ value: UInt64, to data: inout Data) {
        var value = value
        while value >= 0x80 {
            data.append(UInt8(value & 0x7f) | 0x80)
            value >>= 7
        }
        data.append(UInt8(value))
    }
}
