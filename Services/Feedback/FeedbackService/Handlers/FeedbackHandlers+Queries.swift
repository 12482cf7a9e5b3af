import FenliuModel
import Foundation
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf

extension FeedbackHandlers {
    /// Most incident ids one `ListTickets` request may name.
    static let maximumIncidentIDs = 1000

    /// `GetTicket`: state, deadlines and the whole history.
    func getTicket(_ request: Fenliu_Feedback_V1_GetTicketRequest, context: RPCContext) async throws -> Fenliu_Feedback_V1_GetTicketResponse {
        guard !request.ticketID.isEmpty else { throw FeedbackError.invalidField("ticketId", "is required") }
        let now = configuration.clock.now()
        let (ticket, history, overdue) = try await database.withConnection { connection in
            guard let ticket = try TicketStore.find(request.ticketID, on: connection),
                Visibility.current.sees(department: ticket.departmentID, channel: ticket.origin)
            else { throw FeedbackError.ticketNotFound(request.ticketID) }
            return (ticket, try EventStore.history(of: ticket.id, on: connection), try TicketStore.isOverdue(ticket.id, now: now, on: connection))
        }
        return .with { $0.ticket = ticket.proto(overdue: overdue, history: history) }
    }

    /// `ListTickets`: a department's queue, the overdue ones, those due soon, or the tickets of a
    /// list of incidents (the Open311 door asks for a whole page of requests at once).
    func listTickets(
        _ request: Fenliu_Feedback_V1_ListTicketsRequest, context: RPCContext
    ) async throws -> Fenliu_Feedback_V1_ListTicketsResponse {
        var query = TicketQuery()
        query.departmentID = request.departmentID
        if request.state != .unspecified {
            guard let state = TicketState(proto: request.state) else { throw FeedbackError.invalidField("state", "is not a ticket state") }
            query.state = state
        }
        let now = configuration.clock.now()
        if request.overdue { query.overdueAt = now }
        if request.hasDueBefore { query.dueBefore = request.dueBefore.date }
        guard request.incidentIds.count <= Self.maximumIncidentIDs else {
            throw FeedbackError.invalidField("incidentIds", "lists at most \(Self.maximumIncidentIDs) ids")
        }
        query.incidentIDs = request.incidentIds
        if request.origin != .unspecified {
            guard let origin = Channel(proto: request.origin) else { throw FeedbackError.invalidField("origin", "is not a channel") }
            query.origin = origin
        }
        query.limit = try PageSize.resolve(request.pageSize, default: 50, maximum: 500)
        let after = try PageToken.decode(request.pageToken, filters: query.fingerprint, kinds: [.time, .text])
        let finalQuery = query
        let (page, overdue) = try await database.withConnection { connection in
            let page = try finalQuery.page(after: after, on: connection)
            let overdue = try page.tickets.map { try TicketStore.isOverdue($0.id, now: now, on: connection) }
            return (page, overdue)
        }
        return .with {
            $0.tickets = zip(page.tickets, overdue).map { ticket, isOverdue in ticket.proto(overdue: isOverdue, history: []) }
            if page.more, let last = page.tickets.last {
                $0.nextPageToken = PageToken(position: [.time(last.createdAt), .text(last.id)], filters: finalQuery.fingerprint).encoded
            }
        }
    }

    /// `ListEvents`: everything after a cursor, in commit order, for systems that cannot take webhooks.
    func listEvents(_ request: Fenliu_Feedback_V1_ListEventsRequest, context: RPCContext) async throws -> Fenliu_Feedback_V1_ListEventsResponse {
        var feed = EventStore.Feed()
        if request.origin != .unspecified {
            guard let origin = Channel(proto: request.origin) else { throw FeedbackError.invalidField("origin", "is not a channel") }
            feed.origin = origin
        }
        feed.departmentID = request.departmentID
        feed.callID = request.callID
        feed.ticketID = request.ticketID
        feed.from = request.hasFrom ? request.from.date : nil
        feed.to = request.hasTo ? request.to.date : nil
        feed.limit = try PageSize.resolve(request.pageSize, default: 100, maximum: 1000)
        let position = try PageToken.decode(request.cursor, filters: feed.fingerprint, kinds: [.integer, .integer], field: "cursor")
        let cursor = position.map { (tx: $0.integer(0), position: $0.integer(1)) }
        let finalFeed = feed
        let (page, tickets) = try await database.withConnection { connection in
            let page = try EventStore.feed(finalFeed, after: cursor, on: connection)
            var tickets = [String: FeedbackTicket]()
            for (event, _, _) in page.events where tickets[event.ticketID] == nil {
                tickets[event.ticketID] = try TicketStore.find(event.ticketID, on: connection)
            }
            return (page, tickets)
        }
        return .with { response in
            let visibility = Visibility.current
            response.events = page.events.compactMap { event, _, _ in
                tickets[event.ticketID].flatMap { ticket in
                    visibility.sees(department: ticket.departmentID, channel: ticket.origin) ? event.proto(ticket: ticket) : nil
                }
            }
            // The cursor moves past what was returned; with nothing new it stays where it was.
            if let last = page.events.last {
                response.nextCursor = PageToken(position: [.integer(last.tx), .integer(last.position)], filters: finalFeed.fingerprint).encoded
            } else {
                response.nextCursor = request.cursor
            }
        }
    }
}
