import FenliuModel
import Foundation
import SwiftProtobuf

extension TicketRecord {
    /// The ticket as the API and the webhook show it.
    var proto: Fenliu_Routing_V1_Ticket {
        .with { ticket in
            ticket.id = id
            ticket.callID = callID
            ticket.incidentID = incidentID
            ticket.kind = kind.proto
            ticket.destination = destination.proto
            ticket.category = category.proto
            ticket.district = district
            ticket.departmentID = departmentID
            ticket.departmentName = departmentName
            ticket.priority = priority.proto
            ticket.status = state.proto
            ticket.deliveryState =
                switch deliveryStatus {
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

    /// The ticket as its holder's system receives it: the `TicketDelivery` webhook body, an external
    /// contract of its own (see routing.proto).
    func delivery(event: String) -> Fenliu_Routing_V1_TicketDelivery {
        .with {
            $0.event = event
            $0.ticketID = id
            $0.callID = callID
            $0.kind = kind.proto
            $0.destination = destination.proto
            $0.category = category.proto
            $0.categoryName = category.chineseName
            $0.district = district
            $0.districtName = District.withCode(district)?.name ?? ""
            $0.departmentID = departmentID
            $0.departmentName = departmentName
            $0.priority = priority.proto
            $0.status = state.proto
            $0.createdAt = Google_Protobuf_Timestamp(date: createdAt)
            if let due = deadlines.signForDue { $0.signForDueAt = Google_Protobuf_Timestamp(date: due) }
            if let due = deadlines.resolveDue { $0.resolveDueAt = Google_Protobuf_Timestamp(date: due) }
            if let due = deadlines.feedbackDue { $0.feedbackDueAt = Google_Protobuf_Timestamp(date: due) }
            $0.summary = summary
            $0.returnCount = Int32(clamping: returnCount)
            $0.assignmentReason = history.last?.reason ?? ""
        }
    }

    /// What feedback receives when routing hands the ticket over: who holds it, in which of
    /// routing's states, with which deadlines; `assignment` orders hand-overs of one ticket.
    var trackRequest: Fenliu_Feedback_V1_TrackTicketRequest {
        .with {
            $0.ticketID = id
            $0.callID = callID
            $0.incidentID = incidentID
            $0.origin = channel?.proto ?? .unspecified
            $0.kind = kind.proto
            $0.destination = destination.proto
            $0.category = category.proto
            $0.district = district
            $0.departmentID = departmentID
            $0.departmentName = departmentName
            $0.priority = priority.proto
            $0.state = state.proto
            if let due = deadlines.signForDue { $0.signForDueAt = Google_Protobuf_Timestamp(date: due) }
            if let due = deadlines.resolveDue { $0.resolveDueAt = Google_Protobuf_Timestamp(date: due) }
            if let due = deadlines.feedbackDue { $0.feedbackDueAt = Google_Protobuf_Timestamp(date: due) }
            $0.createdAt = Google_Protobuf_Timestamp(date: createdAt)
            $0.reason = history.last?.reason ?? ""
            $0.actor = history.last?.actor ?? "routing"
            $0.assignment = Int64(history.count)
        }
    }
}
