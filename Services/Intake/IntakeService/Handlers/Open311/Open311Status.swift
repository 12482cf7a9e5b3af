import FenliuModel
import Foundation
import Logging
import RPC
import SwiftProtobuf

/// Where a call's matter stands, in Open311's terms.
struct Open311RequestStatus: Sendable, Equatable {
    /// Whether every ticket of the matter is closed.
    var isClosed: Bool
    /// The `status_notes` citizens read.
    var notes: String
    /// The responsible department, once assigned.
    var agency: String?
    /// When the matter is due to be resolved.
    var expected: Date?
    /// The latest change known.
    var updated: Date?

    /// What a call's status is when no ticket is known (routing not configured, unreachable, or not
    /// yet routed): open and received.
    static let received = Open311RequestStatus(isClosed: false, notes: "已受理，等待分派", agency: nil, expected: nil, updated: nil)
}

/// Reads ticket states from routing's `ListTickets` when `FENLIU_ROUTING_URL` is configured.
///
/// Routing is optional for intake: without it, or while it is down, every request shows as received
/// and open, and the front door keeps answering.
struct Open311StatusSource: Sendable {
    /// Routing, or `nil` when `FENLIU_ROUTING_URL` is not set.
    let routing: RPCClient?
    /// Where an unreachable routing service is reported.
    let logger: Logger

    /// Most call ids one `ListTickets` request carries (routing's own limit).
    static let idsPerRequest = 1000

    /// Statuses of `calls` by call id. The tickets of a repeat call are those of its incident (its
    /// first call). One `ListTickets` request per 1,000 incidents, paged, however many calls are
    /// listed; the first failure stops asking, so a down routing service costs one timeout.
    func statuses(for calls: [CallRecord]) async -> [UUID: Open311RequestStatus] {
        var result = [UUID: Open311RequestStatus]()
        for call in calls { result[call.id] = .received }
        guard let routing, !calls.isEmpty else { return result }
        let incidents = Array(Set(calls.map(Self.incident))).sorted()
        var tickets = [String: [Fenliu_Routing_V1_Ticket]]()
        do {
            for start in stride(from: 0, to: incidents.count, by: Self.idsPerRequest) {
                let chunk = Array(incidents[start..<min(start + Self.idsPerRequest, incidents.count)])
                var token = ""
                repeat {
                    let response = try await routing.call(
                        RoutingAPI.listTickets,
                        .with {
                            $0.callIds = chunk
                            $0.pageSize = 500
                            $0.pageToken = token
                        }, timeout: .seconds(3))
                    for ticket in response.tickets { tickets[ticket.incidentID, default: []].append(ticket) }
                    token = response.nextPageToken
                } while !token.isEmpty
            }
        } catch {
            logger.warning("routing unavailable; Open311 shows requests as received", metadata: ["error": "\(error)"])
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

    /// The status of a matter from its tickets: closed when every ticket is closed; the first
    /// ticket (routing lists the primary one first) names the agency and the expected time.
    static func status(of tickets: [Fenliu_Routing_V1_Ticket]) -> Open311RequestStatus {
        guard let primary = tickets.first else { return .received }
        let isClosed = tickets.allSatisfy { $0.status == .closed }
        let agency = primary.departmentName.isEmpty ? nil : primary.departmentName
        let updated = tickets.flatMap { ticket in [ticket.createdAt.date] + ticket.history.map(\.assignedAt.date) }.max()
        return Open311RequestStatus(
            isClosed: isClosed, notes: label(primary.status), agency: agency,
            expected: primary.hasResolveDueAt ? primary.resolveDueAt.date : nil, updated: updated
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
