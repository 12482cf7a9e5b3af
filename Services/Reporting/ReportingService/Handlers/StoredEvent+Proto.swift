import FenliuModel
import Foundation
import SwiftProtobuf

extension StoredEvent {
    /// The attribute keys reporting stores (`reporting.proto`, `Event.attributes`). Anything else is
    /// refused with the key named: a sender cannot slip a caller's name, phone or address in under a
    /// new key, and a key this version does not know is a sender newer than its reporting.
    static let attributeKeys: Set<String> = [
        "destinations", "needs_review", "confidence", "changed", "previous_category", "kind", "destination", "priority",
        "incident_id", "state", "previous_state", "sign_for_due", "resolve_due", "from_department", "reason", "returned",
        "clock", "satisfaction", "objects_to_diversion", "attempt", "place", "open311_service", "department_name",
    ]

    /// Longest id, type or source.
    static let maximumNameLength = 200
    /// Longest attribute value (a reason is the longest).
    static let maximumAttributeLength = 2000

    /// A checked event; every problem of `proto` is appended to `violations` under `field`.
    init?(_ proto: Fenliu_Reporting_V1_Event, field: String, violations: inout [FieldViolation]) {
        let before = violations.count
        func refuse(_ name: String, _ description: String) {
            violations.append(FieldViolation(field: "\(field).\(name)", description: description))
        }
        func checkName(_ value: String, _ name: String) {
            if value.isEmpty {
                refuse(name, "is required")
            } else if value.count > Self.maximumNameLength {
                refuse(name, "must be at most \(Self.maximumNameLength) characters")
            }
        }
        checkName(proto.id, "id")
        checkName(proto.source, "source")
        checkName(proto.type, "type")
        if !proto.type.isEmpty, proto.type.contains(where: { !($0.isLetter && $0.isASCII) && $0 != "." && $0 != "_" }) {
            refuse("type", "must be letters, dots and underscores, like ticket.created")
        }
        if !proto.hasOccurredAt {
            refuse("occurredAt", "is required")
        } else if !(ReportingMonth.earliest.start..<ReportingMonth.latest.end).contains(proto.occurredAt.date) {
            refuse("occurredAt", "must be between 2000 and 2999")
        }
        if !proto.district.isEmpty, District.withCode(proto.district) == nil {
            refuse("district", "\"\(proto.district)\" is not one of the 22 area codes")
        }
        for name in [("callId", proto.callID), ("ticketId", proto.ticketID), ("departmentId", proto.departmentID)]
        where name.1.count > Self.maximumNameLength {
            refuse(name.0, "must be at most \(Self.maximumNameLength) characters")
        }
        // PostgreSQL text holds no NUL: refused by name here rather than failing the whole batch's
        // one insert (the events travel as one JSON set) or being cut short on the way.
        for name in [("id", proto.id), ("source", proto.source), ("callId", proto.callID), ("ticketId", proto.ticketID), ("departmentId", proto.departmentID)]
        where name.1.unicodeScalars.contains("\0") {
            refuse(name.0, "must not contain NUL (U+0000)")
        }
        for (key, value) in proto.attributes.sorted(by: { $0.key < $1.key }) {
            if !Self.attributeKeys.contains(key) {
                refuse("attributes[\(key)]", "is not an attribute reporting stores (see Event.attributes)")
            } else if value.count > Self.maximumAttributeLength {
                refuse("attributes[\(key)]", "must be at most \(Self.maximumAttributeLength) characters")
            } else if value.unicodeScalars.contains("\0") {
                refuse("attributes[\(key)]", "must not contain NUL (U+0000)")
            }
        }
        guard violations.count == before else { return nil }
        self.init(
            id: proto.id, source: proto.source, type: proto.type, occurredAt: proto.occurredAt.date, callID: proto.callID,
            ticketID: proto.ticketID, category: Category(proto: proto.category)?.code ?? "", district: proto.district,
            departmentID: proto.departmentID, channel: Channel(proto: proto.channel)?.code ?? "", attributes: proto.attributes
        )
    }

    /// The event as an API client reads it.
    var proto: Fenliu_Reporting_V1_Event {
        .with {
            $0.id = id
            $0.source = source
            $0.type = type
            $0.occurredAt = Google_Protobuf_Timestamp(date: occurredAt)
            $0.callID = callID
            $0.ticketID = ticketID
            $0.category = Category(code: category)?.proto ?? .unspecified
            $0.district = district
            $0.departmentID = departmentID
            $0.channel = Channel(code: channel)?.proto ?? .unspecified
            $0.attributes = attributes
        }
    }
}
