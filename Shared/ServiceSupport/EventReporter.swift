import FenliuModel
import Foundation
import Postgres
import SwiftProtobuf

/// Hands a service's domain events to reporting, in the caller's transaction, through the outbox:
/// one `IngestEvents` message per transaction, so a change and the events about it commit together
/// and reach reporting even if it is down for a while. Event ids are stable across retries
/// ("routing:ticket.created:<ticket>"), so reporting counts each once.
///
/// Reporting is a required peer of the four other services; when its URL is not configured (a test
/// that runs one service alone) nothing is written.
public struct EventReporter: Sendable {
    /// The service the events come from.
    public let source: ServiceName
    let outbox: Outbox
    let isEnabled: Bool

    /// Creates a reporter (the runtime does).
    public init(source: ServiceName, outbox: Outbox, isEnabled: Bool) {
        self.source = source
        self.outbox = outbox
        self.isEnabled = isEnabled
    }

    /// Writes `events` for reporting.
    public func report(_ events: [Fenliu_Reporting_V1_Event], on connection: PostgresConnection) throws {
        var batch = Outbox.Batch()
        try add(events, to: &batch)
        try batch.write(on: connection)
    }

    /// Adds `events` for reporting to a transaction's other messages (one message for all of them).
    public func add(_ events: [Fenliu_Reporting_V1_Event], to batch: inout Outbox.Batch) throws {
        guard isEnabled, !events.isEmpty else { return }
        let stamped = events.map { event -> Fenliu_Reporting_V1_Event in
            var event = event
            event.source = source.rawValue
            return event
        }
        try batch.add(ReportingAPI.ingestEvents, .with { $0.events = stamped })
    }

    /// An event of `type` with a stable id made of the source, the type and `key` parts.
    public func event(_ type: String, key: [String], at occurredAt: Date) -> Fenliu_Reporting_V1_Event {
        Fenliu_Reporting_V1_Event.with {
            $0.id = ([source.rawValue, type] + key).joined(separator: ":")
            $0.type = type
            $0.occurredAt = Google_Protobuf_Timestamp(date: occurredAt)
        }
    }
}
