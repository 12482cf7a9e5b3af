import FenliuModel
import Foundation
import Hummingbird
import Postgres
import RPC
import SwiftProtobuf

/// `fenliu.admin.v1.AdminService`, served by every service: the state of its outbox.
enum AdminMethods {
    static func register(on server: RPCServer<BasicRequestContext>, database: PostgresPool) {
        server.register(AdminAPI.listOutbox) { request, _ in
            let limit = request.pageSize <= 0 ? 100 : min(Int(request.pageSize), 1000)
            let messages = try await Outbox.list(includeDelivered: request.includeDelivered, limit: limit, on: database)
            let backlog = try await Outbox.backlog(on: database)
            return Fenliu_Admin_V1_ListOutboxResponse.with {
                $0.messages = messages.map(proto)
                $0.pending = Int64(backlog.pending)
                $0.parked = Int64(backlog.parked)
            }
        }
        server.register(AdminAPI.retryOutboxMessage) { request, _ in
            guard let id = UUID(uuidString: request.id) else {
                throw ConnectError.invalidArgument(field: "id", "must be a UUID")
            }
            guard let message = try await Outbox.retry(id: id, on: database) else {
                throw ConnectError(.notFound, "no undelivered outbox message \(request.id)")
            }
            return Fenliu_Admin_V1_RetryOutboxMessageResponse.with { $0.message = proto(message) }
        }
    }

    private static func proto(_ message: OutboxMessage) -> Fenliu_Admin_V1_OutboxMessage {
        Fenliu_Admin_V1_OutboxMessage.with {
            $0.id = message.id.uuidString.lowercased()
            $0.target = message.target
            $0.path = message.path
            $0.state = message.state
            $0.attempts = Int32(message.attempts)
            $0.lastError = message.lastError ?? ""
            $0.createdAt = Google_Protobuf_Timestamp(date: message.createdAt)
            $0.nextAttemptAt = Google_Protobuf_Timestamp(date: message.nextAttemptAt)
            if let delivered = message.deliveredAt { $0.deliveredAt = Google_Protobuf_Timestamp(date: delivered) }
        }
    }
}
