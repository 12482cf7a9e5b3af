import FenliuModel
import Foundation
import SwiftProtobuf

// Between the generated messages and the domain. Category, Destination and Channel convert in
// FenliuModel; routing's own enums follow the same rule: proto order matches `allCases` from 1.

extension TicketState {
    /// The domain state of a proto value, or `nil`.
    init?(proto: Fenliu_Common_V1_TicketStatus) {
        let index = proto.rawValue - 1
        guard TicketState.allCases.indices.contains(index) else { return nil }
        self = TicketState.allCases[index]
    }

    /// The proto value.
    var proto: Fenliu_Common_V1_TicketStatus {
        Fenliu_Common_V1_TicketStatus(rawValue: TicketState.allCases.firstIndex(of: self)! + 1) ?? .unspecified
    }
}

extension TicketKind {
    /// The proto value.
    var proto: Fenliu_Routing_V1_TicketKind {
        switch self {
        case .workOrder: .workOrder
        case .policeTicket: .policeTicket
        case .alert: .alert
        }
    }
}

extension Department.Level {
    /// The domain level of a proto value, or `nil` for unspecified.
    init?(proto: Fenliu_Routing_V1_DepartmentLevel) {
        switch proto {
        case .municipal: self = .municipal
        case .district: self = .district
        case .street: self = .street
        default: return nil
        }
    }

    /// The proto value.
    var proto: Fenliu_Routing_V1_DepartmentLevel {
        switch self {
        case .municipal: .municipal
        case .district: .district
        case .street: .street
        }
    }
}

extension Department {
    /// The department as the API shows it (never its secret).
    var proto: Fenliu_Routing_V1_Department {
        .with {
            $0.id = id
            $0.name = name
            $0.level = level.proto
            $0.district = district
            $0.endpointURL = endpointURL
            $0.active = isActive
            $0.hasWebhookSecret_p = hasWebhookSecret
            $0.categories = categories.map(\.proto)
        }
    }
}

extension TicketRecord {
    /// The ticket as the API and the webhook show it.
    var proto: Fenliu_Routing_V1_Ticket {
        .with { ticket in
            ticket.id = id
            ticket.callID = callID
            ticket.kind = kind.proto
            ticket.destination = destination.proto
            ticket.category = category.proto
            ticket.district = district
            ticket.departmentID = departmentID
            ticket.departmentName = departmentName
            ticket.priority = Fenliu_Routing_V1_Priority(rawValue: priority.rawValue) ?? .unspecified
            ticket.status = state.proto
            ticket.deliveryState = switch deliveryStatus {
            case .pending: .deliveryPending
            case .delivered: .delivered
            case .retrying: .deliveryRetrying
            }
            ticket.createdAt = Google_Protobuf_Timestamp(date: createdAt)
            if let due = deadlines.signForDue { ticket.signForDueAt = Google_Protobuf_Timestamp(date: due) }
            if let due = deadlines.resolveDue { ticket.resolveDueAt = Google_Protobuf_Timestamp(date: due) }
            if let due = deadlines.feedbackDue { ticket.feedbackDueAt = Google_Protobuf_Timestamp(date: due) }
            ticket.history = history.map { entry in
                .with {
                    $0.departmentID = entry.departmentID
                    $0.assignedAt = Google_Protobuf_Timestamp(date: entry.assignedAt)
                    $0.reason = entry.reason
                    $0.actor = entry.actor
                }
            }
            ticket.returnCount = Int32(returnCount)
            ticket.summary = summary
        }
    }
}

extension DisputeRecord {
    /// The dispute as the API shows it.
    var proto: Fenliu_Routing_V1_Dispute {
        .with {
            $0.id = id
            $0.ticketID = ticketID
            $0.callID = callID
            $0.category = category.proto
            $0.district = district
            $0.departmentIds = departmentIDs
            $0.reasons = reasons
            $0.createdAt = Google_Protobuf_Timestamp(date: createdAt)
            $0.inArbitration = isInArbitration
        }
    }
}
