import FenliuModel
import Foundation
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf

/// The Connect methods of `fenliu.reporting.v1.ReportingService`: events in here, the bulletin and
/// its explanation in `+Bulletin`, the analyses in `+Analytics`.
struct ReportingHandlers: ReportingServiceHandler {
    /// The reporting schema.
    let database: PostgresPool

    /// Most events one `IngestEvents` request may carry.
    static let maximumEvents = 500

    /// `IngestEvents`: stores each event whose id is new and merges it into the facts, in the
    /// transaction that records the Idempotency-Key. The whole batch is checked first, so a bad
    /// event refuses the batch with its index named and nothing is stored.
    func ingestEvents(
        _ request: Fenliu_Reporting_V1_IngestEventsRequest, context: RPCContext
    ) async throws -> Effect<Fenliu_Reporting_V1_IngestEventsResponse> {
        guard !request.events.isEmpty else { throw ReportingError.invalidField("events", "is required: at least one event") }
        guard request.events.count <= Self.maximumEvents else {
            throw ReportingError.invalidField("events", "holds at most \(Self.maximumEvents) events per request")
        }
        var violations = [FieldViolation]()
        var events = [StoredEvent]()
        for (index, proto) in request.events.enumerated() {
            if let event = StoredEvent(proto, field: "events[\(index)]", violations: &violations) { events.append(event) }
        }
        guard violations.isEmpty else { throw ReportingError.invalidFields(violations) }
        // One order for every batch, so two batches about the same tickets lock their rows in the
        // same order; the facts do not depend on the order events are applied in.
        events.sort { ($0.ticketID, $0.callID, $0.id) < ($1.ticketID, $1.callID, $1.id) }
        let ordered = events
        return Effect { connection in
            // The new ones, stored in one statement, then merged into the facts in the order above;
            // an id given twice in one batch is applied once, like one sent again later.
            var fresh = try EventStore.insert(ordered, on: connection)
            let accepted = ordered.filter { fresh.remove($0.id) != nil }
            try FactStore.apply(accepted, on: connection)
            return .with {
                $0.accepted = Int32(accepted.count)
                $0.duplicates = Int32(ordered.count - accepted.count)
            }
        }
    }

    /// `RebuildMonth`: the facts of every call and ticket with an event in the month, recomputed
    /// from all their events.
    func rebuildMonth(
        _ request: Fenliu_Reporting_V1_RebuildMonthRequest, context: RPCContext
    ) async throws -> Fenliu_Reporting_V1_RebuildMonthResponse {
        let month = try Self.month(request.month)
        let rebuilt = try await database.transaction { connection in try FactStore.rebuild(month, on: connection) }
        return .with {
            $0.events = Int64(rebuilt.events)
            $0.calls = Int64(rebuilt.calls)
            $0.tickets = Int64(rebuilt.tickets)
        }
    }

    /// A required `YYYY-MM` month.
    static func month(_ text: String, field: String = "month") throws -> ReportingMonth {
        guard !text.isEmpty else { throw ReportingError.invalidField(field, "is required, as YYYY-MM") }
        guard let month = ReportingMonth(text) else { throw ReportingError.invalidField(field, ReportingMonth.refusal(text)) }
        return month
    }

    /// An optional area, as its code: any spelling intake and classification read (510104, 锦江区,
    /// 錦江), so a reader need not look codes up; empty stays empty (the whole city).
    static func district(_ text: String, field: String = "district") throws -> String {
        if let violation = districtViolation(text, field: field) { throw ReportingError.invalidFields([violation]) }
        return districtCode(text)
    }

    /// The code of the area `text` names, or `text` itself when it names none (refused by
    /// `districtViolation`).
    static func districtCode(_ text: String) -> String { DistrictResolver.resolve(text)?.code ?? text }

    /// Why `text` is no area, or `nil` (empty is none).
    static func districtViolation(_ text: String, field: String = "district") -> FieldViolation? {
        guard !text.isEmpty, DistrictResolver.resolve(text) == nil else { return nil }
        return FieldViolation(field: field, description: "\"\(text)\" \(DistrictResolver.unknownDistrict)")
    }
}
