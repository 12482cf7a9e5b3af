import Foundation
import NIOCore
import Synchronization

/// The last deliveries per system, in memory. A repeated `Idempotency-Key` is acknowledged again but
/// kept once, as a real receiver applies a message once.
///
/// A delivery costs the same however many are kept: each system's deliveries are a queue with the
/// set of their keys beside it. (The list it replaced was copied and scanned whole for every
/// delivery: with the bench's 100,000 kept, the receiver — a stand-in for systems that run elsewhere —
/// took as much of the machine as feedback did, from the stack it measures.)
final class DeliveryLog: Sendable {
    private struct Delivery {
        var key: String
        var receivedAt: Date
        var body: [UInt8]
    }

    /// One system's kept deliveries, oldest first, and the keys among them (a delivery without a key
    /// is kept every time, as before).
    private struct Kept {
        var deliveries = CircularBuffer<Delivery>()
        var keys: Set<String> = []

        /// Keeps `delivery` unless its key is kept already, then drops the oldest beyond `keep`.
        mutating func record(_ delivery: Delivery, keep: Int) -> Bool {
            if !delivery.key.isEmpty {
                guard keys.insert(delivery.key).inserted else { return false }
            }
            deliveries.append(delivery)
            while deliveries.count > keep { keys.remove(deliveries.removeFirst().key) }
            return true
        }
    }

    private let keep: Int
    private let deliveries = Mutex<[String: Kept]>([:])

    /// Creates a log keeping `keep` deliveries per system.
    init(keep: Int) {
        self.keep = max(1, keep)
    }

    /// Records a delivery; returns `false` when its key was seen before (among those still kept).
    func record(system: String, key: String, body: [UInt8]) -> Bool {
        deliveries.withLock { all in
            all[system, default: Kept()].record(Delivery(key: key, receivedAt: Date(), body: body), keep: keep)
        }
    }

    /// The deliveries of `system`, oldest first, as a JSON array of `{idempotencyKey, receivedAt, body}`.
    func json(system: String) -> [UInt8] {
        // A copy of the buffer shares its storage; its entries are read after the lock is let go.
        let list = deliveries.withLock { $0[system]?.deliveries ?? [] }
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

/// Every accepted delivery appended to a file as one JSON line `{"system", "key", "at", "body"}` (`at`:
/// seconds since 1970 when it arrived; `body`: the delivery's bytes as text, which readers parse as
/// JSON), in arrival order, repeats included: what a fault test reads to see that nothing was lost,
/// nothing applied twice and every ticket's notices came in order, across restarts of the receiver.
///
/// The body is kept as text rather than parsed and written again: at 100 calls/s Foundation's
/// `JSONSerialization` did that in half of the receiver's CPU (3.6% of the machine in the bench,
/// taken from the stack it measures), and the readers are Python's C parser.
final class DeliveryJournal: Sendable {
    private struct Line: Encodable {
        let system: String
        let key: String
        let at: Double
        let body: String
    }

    private let handle: Mutex<FileHandle>
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        self.handle = Mutex(handle)
    }

    func append(system: String, key: String, body: [UInt8]) {
        let entry = Line(system: system, key: key, at: Date().timeIntervalSince1970, body: String(decoding: body, as: UTF8.self))
        guard var line = try? encoder.encode(entry) else { return }
        line.append(0x0A)
        handle.withLock { $0.write(line) }
    }
}
