import FenliuModel
import Foundation
import Logging
import RPC
import SwiftProtobuf

/// Where a call's matter stands, in Open311's terms.
struct Open311RequestStatus: Sendable, Equatable {
    /// Whether the matter is dealt with: every ticket of it resolved (or past that).
    var isClosed: Bool
    /// The `status_notes` citizens read: the department's result once resolved, else the state.
    var notes: String
    /// The responsible department, once assigned.
    var agency: String?
    /// When the matter is due to be resolved.
    var expected: Date?
    /// The latest change known.
    var updated: Date?

    /// What a call's status is when no ticket is known (feedback not configured, unreachable, or
    /// the call not routed yet): open and received.
    static let received = Open311RequestStatus(isClosed: false, notes: "已受理，等待分派", agency: nil, expected: nil, updated: nil)
}

/// Reads ticket states from feedback's `ListTickets` when `FENLIU_FEEDBACK_URL` is configured:
/// feedback follows every ticket after routing gave it out, so it knows when a matter is resolved
/// and what the department answered.
///
/// Feedback is optional for intake: without it, or while it is down, every request shows as
/// received and open, and the front door keeps answering.
struct Open311StatusSource: Sendable {
    /// Feedback, or `nil` when `FENLIU_FEEDBACK_URL` is not set.
    let feedback: RPCClient?
    /// Where an unreachable feedback service is reported.
    let logger: Logger

    /// Most incident ids one `ListTickets` request carries (feedback's own limit).
    static let idsPerRequest = 1000

    /// Statuses of `calls` by call id. The tickets of a repeat call are those of its incident (its
    /// first call). One `ListTickets` request per 1,000 incidents, paged, however many calls are
    /// listed; the first failure stops asking, so a down feedback service costs one timeout.
    func statuses(for calls: [CallRecord]) async -> [UUID: Open311RequestStatus] {
        var result = [UUID: Open311RequestStatus]()
        for call in calls { result[call.id] = .received }
        guard let feedback, !calls.isEmpty else { return result }
        let incidents = Array(Set(calls.map(Self.incident))).sorted()
        var tickets = [String: [Fenliu_Feedback_V1_Ticket]]()
        do {
            for start in stride(from: 0, to: incidents.count, by: Self.idsPerRequest) {
                let chunk = Array(incidents[start..<min(start + Self.idsPerRequest, incidents.count)])
                var token = ""
                repeat {
                    let response = try await feedback.call(
                        FeedbackAPI.listTickets,
                        .with {
                            $0.incidentIds = chunk
                            $0.pageSize = 500
                            $0.pageToken = token
                        }, timeout: .seconds(3))
                    for ticket in response.tickets { tickets[ticket.incidentID, default: []].append(ticket) }
                    token = response.nextPageToken
                } while !token.isEmpty
            }
        } catch {
            logger.warning("feedback unavailable; Open311 shows requests as received", metadata: ["error": "\(error)"])
            return result
        }
        for call in calls {
            result[call.id] = Self.status(of: tickets[Self.incident(call)] ?? [])
        }
        return result
    }

    private static func incident(_ call: CallRecord) -> String {
        (call.duplicateOf ?? call.id).uuidString.lowercased()
    }

    /// The status of a matter from its tickets (oldest first): closed when every ticket is resolved
    /// or past that; the first work order (else the first ticket) names the agency, the expected
    /// time and, once resolved, the result.
    static func status(of tickets: [Fenliu_Feedback_V1_Ticket]) -> Open311RequestStatus {
        guard let primary = tickets.first(where: { $0.kind == .workOrder }) ?? tickets.first else { return .received }
        let isClosed = tickets.allSatisfy { TicketState(proto: $0.state)?.isFinished == true }
        let agency = primary.departmentName.isEmpty ? nil : primary.departmentName
        let updated = tickets.map(\.updatedAt.date).max()
        let notes = isClosed && !primary.result.isEmpty ? primary.result : label(primary.state)
        return Open311RequestStatus(
            isClosed: isClosed, notes: notes, agency: agency, expected: primary.hasResolveDueAt ? primary.resolveDueAt.date : nil,
            updated: updated
        )
    }

    /// The ticket state as the citizen reads it.
    static func label(_ status: Fenliu_Common_V1_TicketStatus) -> String {
        switch status {
        case .pendingAssignment: "待分派"
        case .dispatched: "已派发至责任部门"
        case .accepted: "责任部门已签收"
        case .inProgress: "办理中"
        case .extended: "办理中（已延期）"
        case .resolved: "已办结，待回访"
        case .returned: "重新分派中"
        case .inArbitration: "协调处理中"
        case .closed: "已办结"
        case .reopened: "重新办理中"
        case .callbackDone: "已办结，已回访"
        case .extensionRequested: "办理中（申请延期）"
        case .unspecified, .UNRECOGNIZED: "已受理"
        }
    }
}
