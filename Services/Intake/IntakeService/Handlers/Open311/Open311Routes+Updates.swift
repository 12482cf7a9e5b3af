import FenliuModel
import Foundation
import Hummingbird
import Logging
import RPC
import SwiftProtobuf

extension Open311Routes {
    /// `GET /servicerequestupdates`: mySociety's widely used GeoReport v2 extension, so
    /// FixMyStreet-style clients fetch what changed (`start_date`, `end_date`; the last day unless
    /// narrowed, at most 1,000 updates). Each change feedback recorded on a ticket of an Open311
    /// report is one update; a matter counts as closed once resolved.
    func updates(_ request: Request, _ format: Open311Format) async throws -> Response {
        let query = request.uri.queryParameters
        let end = try Self.date(query.get("end_date"), name: "end_date") ?? intake.clock().addingTimeInterval(FieldRules.clockSkew)
        let start = try Self.date(query.get("start_date"), name: "start_date") ?? end.addingTimeInterval(-86_400)
        guard start < end else { throw Open311Failure(status: .badRequest, ["start_date must be before end_date"]) }
        var records = [Open311Document.Record]()
        if let feedback = status.feedback {
            let formatter = ISO8601DateFormatter()
            var cursor = ""
            do {
                while records.count < Self.maximumRequests {
                    let page = try await feedback.call(
                        FeedbackAPI.listEvents,
                        .with {
                            $0.origin = .open311
                            $0.from = Google_Protobuf_Timestamp(date: start)
                            $0.to = Google_Protobuf_Timestamp(date: end)
                            $0.pageSize = 500
                            $0.cursor = cursor
                        }, timeout: .seconds(5))
                    for event in page.events where [.stateChanged, .reassigned, .callbackRecorded].contains(event.kind) {
                        let isClosed = TicketState(proto: event.state)?.isFinished == true
                        records.append(
                            Open311Document.Record([
                                ("update_id", .text(event.id)), ("service_request_id", .text(event.callID)),
                                ("status", .text(isClosed ? "closed" : "open")),
                                ("updated_datetime", .text(formatter.string(from: event.occurredAt.date))),
                                ("description", .text(Self.updateText(event))),
                                ("media_url", .text(nil)),
                            ]))
                    }
                    guard !page.events.isEmpty, page.nextCursor != cursor else { break }
                    cursor = page.nextCursor
                }
            } catch {
                intake.logger.warning("feedback unavailable; servicerequestupdates answers what it has", metadata: ["error": "\(error)"])
            }
        }
        let document = Open311Document(
            root: "service_request_updates", item: "request_update", records: Array(records.prefix(Self.maximumRequests)))
        return Self.response(document, format)
    }

    /// What a citizen reads of one update: the state in Chinese, and the department's own words where
    /// they are meant for the citizen — a progress note, the result. Everything else (routing's
    /// reasons, a return's reason, the centre's notes on an extension, a callback's satisfaction
    /// code, the clocks' notes) is for staff.
    static func updateText(_ event: Fenliu_Feedback_V1_TicketEvent) -> String {
        let label = Open311StatusSource.label(event.state)
        guard event.kind == .stateChanged, !event.note.isEmpty, [.inProgress, .resolved].contains(event.state) else { return label }
        return "\(label)：\(event.note)"
    }
}
