import Foundation
import Synchronization

/// The last deliveries per system, in memory. A repeated `Idempotency-Key` is acknowledged again but
/// kept once, as a real receiver applies a message once.
final class DeliveryLog: Sendable {
    private struct Delivery {
        var key: String
        var receivedAt: Date
        var body: [UInt8]
    }

    private let keep: Int
    private let deliveries = Mutex<[String: [Delivery]]>([:])

    /// Creates a log keeping `keep` deliveries per system.
    init(keep: Int) {
        self.keep = max(1, keep)
    }

    /// Records a delivery; returns `false` when its key was seen before.
    func record(system: String, key: String, body: [UInt8]) -> Bool {
        deliveries.withLock { all in
            var list = all[system] ?? []
            guard key.isEmpty || !list.contains(where: { $0.key == key }) else { return false }
            list.append(Delivery(key: key, receivedAt: Date(), body: body))
            all[system] = Array(list.suffix(keep))
            return true
        }
    }

    /// The deliveries of `system`, oldest first, as a JSON array of `{idempotencyKey, receivedAt, body}`.
    func json(system: String) -> [UInt8] {
        let list = deliveries.withLock { $0[system] ?? [] }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let objects: [[String: Any]] = list.map { delivery in
            [
                "idempotencyKey": delivery.key,
                "receivedAt": formatter.string(from: delivery.receivedAt),
                "body": (try? JSONSerialization.jsonObject(with: Data(delivery.body))) ?? String(decoding: delivery.body, as: UTF8.self),
            ]
        }
        return Array((try? JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys])) ?? Data("[]".utf8))
    }
}
