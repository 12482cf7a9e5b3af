import FenliuModel
import HTTPTypes

/// An Open311 request that cannot be served, with the descriptions its error list carries.
struct Open311Failure: Error, Sendable {
    /// The HTTP status, repeated as each error's `code`.
    var status: HTTPResponse.Status
    /// One description per problem.
    var descriptions: [String]

    /// Creates a failure.
    init(status: HTTPResponse.Status, _ descriptions: [String]) {
        self.status = status
        self.descriptions = descriptions
    }

    /// Intake's errors in Open311's words: field problems name the Open311 parameter
    /// (`phone`, `lat`, `attribute[code]`), not the Connect field.
    init(_ error: IntakeError) {
        switch error {
        case .invalidFields(let problems):
            self.init(status: .badRequest, problems.map { "\(Self.parameter(for: $0.field)): \($0.description)" })
        case .callNotFound(let id):
            self.init(status: .notFound, ["service_request_id \(id) not found"])
        case .externalIDConflict:
            self.init(status: .conflict, ["this request was already submitted with different content"])
        }
    }

    /// The Open311 parameter a call field comes from.
    static func parameter(for field: String) -> String {
        if field.hasPrefix("elements.") { return "attribute[\(field.dropFirst("elements.".count))]" }
        switch field {
        case "callerPhone": return "phone"
        case "callerEmail": return "email"
        case "callerName": return "first_name/last_name"
        case "address", "district": return "address_string"
        case "latitude": return "lat"
        case "longitude": return "long"
        case "elements": return "attribute"
        default: return field
        }
    }
}
