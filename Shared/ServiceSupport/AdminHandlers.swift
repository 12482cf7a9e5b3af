import FenliuModel
import Foundation
import Postgres
import RPC
import SwiftProtobuf

/// `fenliu.admin.v1.AdminService`, served by every service: the state of its outbox.
struct AdminHandlers: AdminServiceHandler {
    /// The service's database, which holds its outbox.
    let database: PostgresPool

    func listOutbox(_ request: Fenliu_Admin_V1_ListOutboxRequest, context: RPCContext) async throws -> Fenliu_Admin_V1_ListOutboxResponse {
        let limit = try PageSize.resolve(request.pageSize, default: 100, maximum: 1000)
        let filters = PageToken.fingerprint([request.includeDelivered ? "all" : "undelivered"])
        let after = try PageToken.decode(request.pageToken, filters: filters, kinds: [.time, .text])
        let page = try await Outbox.list(includeDelivered: request.includeDelivered, after: after, limit: limit, on: database)
        let backlog = try await Outbox.backlog(on: database)
        return .with {
            $0.messages = page.messages.map(\.proto)
            $0.pending = Int64(backlog.pending)
            $0.parked = Int64(backlog.parked)
            if page.hasMore, let last = page.messages.last {
                $0.nextPageToken = PageToken(position: [.time(last.createdAt), .text(last.id.uuidString)], filters: filters).encoded
            }
        }
    }

    func retryOutboxMessage(
        _ request: Fenliu_Admin_V1_RetryOutboxMessageRequest, context: RPCContext
    ) async throws -> Fenliu_Admin_V1_RetryOutboxMessageResponse {
        guard let id = UUID(uuidString: request.id) else {
            throw ConnectError.invalidArgument(field: "id", "must be a UUID")
        }
        guard let message = try await Outbox.retry(id: id, on: database) else {
            throw ConnectError(.notFound, "no undelivered outbox message \(request.id)")
        }
        return .with { $0.message = message.proto }
    }
}

extension OutboxMessage {
    /// The message as the admin API shows it.
    var proto: Fenliu_Admin_V1_OutboxMessage {
        .with {
            $0.id = id.uuidString.lowercased()
            $0.target = target
            $0.path = path.isEmpty ? (subscriber ?? "") : path
            $0.state = state
            $0.attempts = Int32(clamping: attempts)
            $0.lastError = lastError ?? ""
            $0.createdAt = Google_Protobuf_Timestamp(date: createdAt)
            $0.nextAttemptAt = Google_Protobuf_Timestamp(date: nextAttemptAt)
            if let delivered = deliveredAt { $0.deliveredAt = Google_Protobuf_Timestamp(date: delivered) }
        }
    }
}
