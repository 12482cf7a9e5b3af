import FenliuModel
import Foundation

/// A checked `RouteRequest`.
struct RouteCall: Sendable {
    /// The call being routed.
    var callID: String
    /// The matter.
    var category: Category
    /// Every destination, primary first.
    var destinations: [Destination]
    /// The district code, or empty.
    var district: String
    /// The line the call came in on.
    var channel: Channel?
    /// Marked urgent by the operator.
    var isUrgent: Bool
    /// What the caller said, in short.
    var summary: String
    /// The earlier call this one repeats, if any.
    var duplicateOf: String?
    /// Whether classification still reviews the call.
    var needsReview: Bool

    /// The first call of the incident: the call it repeats, or itself.
    var incidentID: String { duplicateOf ?? callID }

    /// Checks every field and names each bad one.
    init(_ request: Fenliu_Routing_V1_RouteRequest) throws {
        var violations = [FieldViolation]()
        let callID = request.callID.trimmingCharacters(in: .whitespaces)
        if callID.isEmpty { violations.append(.init(field: "callId", description: "is required")) }
        let category = Category(proto: request.category)
        if category == nil { violations.append(.init(field: "category", description: "must be a catalogue category")) }
        let destinations = request.destinations.compactMap(Destination.init(proto:))
        if request.destinations.isEmpty {
            violations.append(.init(field: "destinations", description: "at least one destination is required"))
        } else if destinations.count != request.destinations.count {
            violations.append(.init(field: "destinations", description: "must be POLICE_110, HOTLINE_12345, FIRE_119 or MEDICAL_120"))
        }
        if !request.district.isEmpty && District.withCode(request.district) == nil {
            violations.append(.init(field: "district", description: "must be one of Chengdu's 22 area codes, or empty"))
        }
        if request.duplicateOf == request.callID && !callID.isEmpty {
            violations.append(.init(field: "duplicateOf", description: "a call cannot repeat itself"))
        }
        guard violations.isEmpty, let category else { throw RoutingError.invalidFields(violations) }
        self.callID = callID
        self.category = category
        self.destinations = destinations
        self.district = request.district
        self.channel = Channel(proto: request.channel)
        self.isUrgent = request.urgent
        self.summary = request.summary
        self.duplicateOf = request.duplicateOf.isEmpty ? nil : request.duplicateOf
        self.needsReview = request.needsReview
    }
}
