import FenliuModel
import Foundation
import SwiftProtobuf

extension FeedbackTicket {
    /// The ticket as the API and subscribers see it.
    func proto(overdue: Bool, history: [FeedbackEvent]) -> Fenliu_Feedback_V1_Ticket {
        .with { message in
            message.id = id
            message.callID = callID
            message.incidentID = incidentID
            message.origin = origin?.proto ?? .unspecified
            message.kind = kind.proto
            message.destination = destination.proto
            message.category = category.proto
            message.district = district
            message.departmentID = departmentID
            message.departmentName = departmentName
            message.priority = priority.proto
            message.state = state.proto
            message.overdue = overdue
            if let due = deadlines.signForDue { message.signForDueAt = Google_Protobuf_Timestamp(date: due) }
            if let due = deadlines.resolveDue { message.resolveDueAt = Google_Protobuf_Timestamp(date: due) }
            if let due = deadlines.feedbackDue { message.feedbackDueAt = Google_Protobuf_Timestamp(date: due) }
            message.createdAt = Google_Protobuf_Timestamp(date: createdAt)
            message.updatedAt = Google_Protobuf_Timestamp(date: updatedAt)
            message.result = result
            if let pending = self.pendingExtension {
                message.extension = .with {
                    $0.requestedUntil = Google_Protobuf_Timestamp(date: pending.until)
                    $0.reason = pending.reason
                    $0.requestedBy = pending.requestedBy
                    $0.requestedAt = Google_Protobuf_Timestamp(date: pending.requestedAt)
                    $0.stateBefore = pending.stateBefore.proto
                }
            }
            if let callback {
                message.callback = .with {
                    $0.satisfaction = callback.satisfaction.proto
                    $0.comment = callback.comment
                    $0.objectsToDiversion = callback.objectsToDiversion
                    $0.attempts = Int32(clamping: callback.attempts)
                    $0.recordedAt = Google_Protobuf_Timestamp(date: callback.recordedAt)
                    if let next = callback.nextAttemptDue { $0.nextAttemptDueAt = Google_Protobuf_Timestamp(date: next) }
                }
            }
            message.sequence = sequence
            message.history = history.map { $0.proto(ticket: self) }
        }
    }
}

extension FeedbackEvent {
    /// The event as the API and subscribers see it.
    func proto(ticket: FeedbackTicket) -> Fenliu_Feedback_V1_TicketEvent {
        .with {
            $0.id = id.uuidString.lowercased()
            $0.ticketID = ticketID
            $0.sequence = sequence
            $0.kind = kind.proto
            $0.state = state.proto
            $0.previousState = previousState.proto
            $0.actor = actor
            $0.note = note
            $0.occurredAt = Google_Protobuf_Timestamp(date: occurredAt)
            $0.departmentID = departmentID
            $0.eventID = eventID
            $0.clock = clock?.proto ?? .unspecified
            if let dueAt { $0.dueAt = Google_Protobuf_Timestamp(date: dueAt) }
            $0.callID = ticket.callID
            $0.incidentID = ticket.incidentID
            $0.escalations = Int32(clamping: escalations)
            $0.supervisorID = supervisorID
        }
    }
}

extension EventKind {
    /// The proto value; the proto enum lists the kinds in `allCases` order from 1.
    var proto: Fenliu_Feedback_V1_EventKind {
        Fenliu_Feedback_V1_EventKind(rawValue: (Self.allCases.firstIndex(of: self) ?? -1) + 1) ?? .unspecified
    }
}

extension DeadlineClock {
    /// The proto value; the proto enum lists the clocks in `allCases` order from 1.
    var proto: Fenliu_Feedback_V1_Clock {
        Fenliu_Feedback_V1_Clock(rawValue: (Self.allCases.firstIndex(of: self) ?? -1) + 1) ?? .unspecified
    }
}

extension Satisfaction {
    /// The proto value; the proto enum lists the answers in `allCases` order from 1.
    var proto: Fenliu_Feedback_V1_Satisfaction {
        Fenliu_Feedback_V1_Satisfaction(rawValue: (Self.allCases.firstIndex(of: self) ?? -1) + 1) ?? .unspecified
    }

    /// The answer of a proto value, or `nil` for unspecified or unknown values.
    init?(proto: Fenliu_Feedback_V1_Satisfaction) {
        let index = proto.rawValue - 1
        guard Self.allCases.indices.contains(index) else { return nil }
        self = Self.allCases[index]
    }
}
