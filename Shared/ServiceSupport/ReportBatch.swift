import Crypto
import FenliuModel
import Foundation
import Postgres
import SwiftProtobuf

/// A Connect call the outbox makes to a peer: one message, or the merged events of several.
struct PeerRequest: Sendable {
    var target: String
    var path: String
    var body: [UInt8]
    var idempotencyKey: String

    /// The key of a request carrying `messages`: it names them, so a retry of the same batch is
    /// recognised as one.
    static func batchKey(for messages: [OutboxMessage]) -> String {
        let digest = SHA256.hash(data: Data(messages.map(\.id.uuidString).sorted().joined(separator: ",").utf8))
        return "batch-" + Hex.encode(digest)
    }

    /// The outbox wrote the bodies it decodes again itself; a field a newer version added is ignored.
    static let lenient: JSONDecodingOptions = {
        var options = JSONDecodingOptions()
        options.ignoreUnknownFields = true
        return options
    }()
}

/// Messages for reporting that travel as one `IngestEvents`: every service writes one message per
/// transaction, so sent one by one they would cost reporting a request and a transaction each.
/// Reporting applies each event once by its id, so a merged request that is retried, or retried with
/// other messages, counts every event once.
struct ReportBatch: Sendable {
    /// Most events in one request (reporting's limit).
    static let maximumEvents = 500
    /// Most bytes of events in one request, under the peers' default body limit.
    static let maximumBytes = 56 * 1024

    let messages: [OutboxMessage]
    let request: PeerRequest

    /// The claimed messages for reporting in batches, and the rest (and any message whose body does
    /// not decode, left to be sent, and refused, on its own).
    static func split(_ claimed: [OutboxMessage]) -> (batches: [ReportBatch], single: [OutboxMessage]) {
        let path = ReportingAPI.ingestEvents.path
        var single = [OutboxMessage]()
        var batches = [ReportBatch]()
        var messages = [OutboxMessage]()
        var events = [Fenliu_Reporting_V1_Event]()
        var bytes = 0
        func flush() {
            guard !messages.isEmpty else { return }
            batches.append(ReportBatch(messages: messages, events: events))
            messages = []
            events = []
            bytes = 0
        }
        for message in claimed {
            guard message.target == ServiceName.reporting.rawValue, message.path == path,
                let decoded = try? Fenliu_Reporting_V1_IngestEventsRequest(jsonString: message.body, options: PeerRequest.lenient)
            else {
                single.append(message)
                continue
            }
            let size = message.body.utf8.count
            if !messages.isEmpty, events.count + decoded.events.count > maximumEvents || bytes + size > maximumBytes { flush() }
            messages.append(message)
            events += decoded.events
            bytes += size
        }
        flush()
        return (batches, single)
    }

    private init(messages: [OutboxMessage], events: [Fenliu_Reporting_V1_Event]) {
        self.messages = messages
        let body = (try? Fenliu_Reporting_V1_IngestEventsRequest.with { $0.events = events }.jsonUTF8Bytes()) ?? []
        request = PeerRequest(
            target: ServiceName.reporting.rawValue, path: ReportingAPI.ingestEvents.path, body: body,
            idempotencyKey: PeerRequest.batchKey(for: messages))
    }
}
