import Foundation
import Testing

@testable import StandInReceiver

/// The stand-in receiver's memory of deliveries: a repeated key kept once, the oldest dropped beyond
/// what is kept, and a dropped key accepted again as new.
@Suite struct DeliveryLogTests {
    private func keys(_ log: DeliveryLog, _ system: String) throws -> [String] {
        let list = try #require(try JSONSerialization.jsonObject(with: Data(log.json(system: system))) as? [[String: Any]])
        return list.compactMap { $0["idempotencyKey"] as? String }
    }

    @Test func repeatedKeyKeptOnce() throws {
        let log = DeliveryLog(keep: 10)
        #expect(log.record(system: "s", key: "a", body: Array(#"{"n":1}"#.utf8)))
        #expect(!log.record(system: "s", key: "a", body: Array(#"{"n":2}"#.utf8)))
        #expect(log.record(system: "other", key: "a", body: []))
        #expect(log.record(system: "s", key: "", body: []))
        #expect(log.record(system: "s", key: "", body: []))
        #expect(try keys(log, "s") == ["a", "", ""])
        let first = try #require(try JSONSerialization.jsonObject(with: Data(log.json(system: "s"))) as? [[String: Any]]).first
        #expect((first?["body"] as? [String: Any])?["n"] as? Int == 1)
    }

    @Test func oldestDroppedBeyondKeep() throws {
        let log = DeliveryLog(keep: 3)
        for n in 1...5000 { #expect(log.record(system: "s", key: "k\(n)", body: [])) }
        #expect(try keys(log, "s") == ["k4998", "k4999", "k5000"])
        #expect(!log.record(system: "s", key: "k4999", body: []))
        // A key dropped with its delivery is new again, as a receiver that forgot it would take it.
        #expect(log.record(system: "s", key: "k1", body: []))
        #expect(try keys(log, "s") == ["k4999", "k5000", "k1"])
    }
}
