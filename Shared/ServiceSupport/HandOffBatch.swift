import FenliuModel
import Foundation
import SwiftProtobuf

/// Hand-offs to one peer that travel as one `AdminService/Deliver`: the peer applies them in one
/// transaction instead of one request and one transaction each (a hop's begin, inbox lock, lookup,
/// insert and commit were about a fifth of a call's statements; BENCHMARKS.md). Each message keeps
/// its own `Idempotency-Key` inside the request, so a batch that is retried, or retried with other
/// messages, applies every message once.
struct HandOffBatch: Sendable {
    let messages: [OutboxMessage]
    let request: PeerRequest

    /// The claimed hand-offs grouped by peer, in claim order, at most `limit` messages and
    /// `maximumBytes` a request, and the rest: webhooks, events for reporting (which travel merged,
    /// `ReportBatch`), and a message that would travel alone anyway.
    static func split(_ claimed: [OutboxMessage], atMost limit: Int) -> (batches: [HandOffBatch], single: [OutboxMessage]) {
        var byPeer = [String: [OutboxMessage]]()
        var peers = [String]()
        var single = [OutboxMessage]()
        for message in claimed {
            guard let peer = ServiceName(rawValue: message.target), peer != .reporting else {
                single.append(message)
                continue
            }
            if byPeer[message.target] == nil { peers.append(message.target) }
            byPeer[message.target, default: []].append(message)
        }
        var batches = [HandOffBatch]()
        for peer in peers {
            guard let messages = byPeer[peer] else { continue }
            var group = [OutboxMessage]()
            var bytes = 0
            func flush() {
                if group.count == 1 { single += group } else if group.count > 1 { batches.append(HandOffBatch(messages: group)) }
                group = []
                bytes = 0
            }
            for message in messages {
                // The body travels as a JSON string: each quote and backslash in it gains one; the
                // method, the key and the field names are about 160 bytes more.
                let size = message.body.utf8.reduce(160) { $0 + ($1 == 0x22 || $1 == 0x5C ? 2 : 1) }
                if !group.isEmpty, group.count >= max(1, limit) || bytes + size > maximumBytes { flush() }
                group.append(message)
                bytes += size
            }
            flush()
        }
        return (batches, single)
    }

    /// Most messages in one request: the receiver's limit.
    static let maximumDeliveries = AdminHandlers.maximumDeliveries
    /// Most bytes of bodies in one request, under the peers' default body limit (64 KiB); a message
    /// larger than this goes alone.
    static let maximumBytes = ReportBatch.maximumBytes

    private init(messages: [OutboxMessage]) {
        self.messages = messages
        let deliver = Fenliu_Admin_V1_DeliverRequest.with {
            $0.deliveries = messages.map { message in
                .with {
                    $0.method = message.path
                    $0.idempotencyKey = message.id.uuidString.lowercased()
                    $0.body = message.body
                }
            }
        }
        request = PeerRequest(
            target: messages[0].target, path: AdminAPI.deliver.path, body: (try? deliver.jsonUTF8Bytes()) ?? [],
            idempotencyKey: PeerRequest.batchKey(for: messages))
    }
}
