import Foundation
import RPC
import Synchronization

/// Counters and histograms rendered as Prometheus text at `GET /metrics`.
///
/// Small on purpose: a service needs a handful of series, and owning the format keeps the
/// exposition exact. Gauges that need the database are read at scrape time through `collectors`.
public final class MetricsRegistry: Sendable, RPCObserver {
    /// Upper bounds of the latency histogram, in seconds.
    public static let latencyBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct Series: Hashable, Comparable {
        let name: String
        let labels: [String]  // already rendered `key="value"` pairs, sorted

        static func < (lhs: Series, rhs: Series) -> Bool {
            (lhs.name, lhs.labels.joined(separator: ",")) < (rhs.name, rhs.labels.joined(separator: ","))
        }
    }

    private struct Histogram {
        var bucketCounts = [UInt64](repeating: 0, count: MetricsRegistry.latencyBuckets.count)
        var count: UInt64 = 0
        var sum: Double = 0
    }

    private struct State {
        var help: [String: (type: String, text: String)] = [:]
        var counters: [Series: Double] = [:]
        var histograms: [Series: Histogram] = [:]
    }

    private let state = Mutex(State())
    private let collectors = Mutex<[@Sendable () async -> [(name: String, help: String, value: Double)]]>([])

    /// Creates an empty registry.
    public init() {}

    /// Adds `amount` to a counter.
    public func increment(_ name: String, help: String, labels: [String: String] = [:], by amount: Double = 1) {
        let series = Series(name: name, labels: Self.render(labels))
        state.withLock {
            $0.help[name] = ("counter", help)
            $0.counters[series, default: 0] += amount
        }
    }

    /// Records one observation in a latency histogram.
    public func observe(_ name: String, help: String, labels: [String: String] = [:], seconds: Double) {
        let series = Series(name: name, labels: Self.render(labels))
        state.withLock {
            $0.help[name] = ("histogram", help)
            var histogram = $0.histograms[series] ?? Histogram()
            for (index, bound) in Self.latencyBuckets.enumerated() where seconds <= bound {
                histogram.bucketCounts[index] += 1
            }
            histogram.count += 1
            histogram.sum += seconds
            $0.histograms[series] = histogram
        }
    }

    /// Adds gauges computed at scrape time (for example, outbox backlog from the database).
    public func addCollector(_ collector: @escaping @Sendable () async -> [(name: String, help: String, value: Double)]) {
        collectors.withLock { $0.append(collector) }
    }

    public func callEnded(path: String, code: ConnectCode?, duration: Duration) {
        let labels = ["method": path, "code": code?.rawValue ?? "ok"]
        increment("fenliu_rpc_requests_total", help: "RPC calls answered, by method and Connect code.", labels: labels)
        let (seconds, attoseconds) = duration.components
        observe(
            "fenliu_rpc_duration_seconds", help: "RPC latency, by method.", labels: ["method": path],
            seconds: Double(seconds) + Double(attoseconds) / 1e18
        )
    }

    /// The whole registry in Prometheus text format 0.0.4.
    public func render() async -> String {
        var gauges = [(name: String, help: String, value: Double)]()
        for collector in collectors.withLock({ $0 }) {
            gauges += await collector()
        }
        return state.withLock { state in
            var text = ""
            for name in Set(state.counters.keys.map(\.name)).sorted() {
                text += header(name, state.help[name])
                for (series, value) in state.counters.filter({ $0.key.name == name }).sorted(by: { $0.key < $1.key }) {
                    text += "\(name)\(Self.labelText(series.labels)) \(Self.number(value))\n"
                }
            }
            for name in Set(state.histograms.keys.map(\.name)).sorted() {
                text += header(name, state.help[name])
                for (series, histogram) in state.histograms.filter({ $0.key.name == name }).sorted(by: { $0.key < $1.key }) {
                    for (index, bound) in Self.latencyBuckets.enumerated() {
                        let labels = series.labels + ["le=\"\(Self.number(bound))\""]
                        text += "\(name)_bucket\(Self.labelText(labels)) \(histogram.bucketCounts[index])\n"
                    }
                    text += "\(name)_bucket\(Self.labelText(series.labels + ["le=\"+Inf\""])) \(histogram.count)\n"
                    text += "\(name)_sum\(Self.labelText(series.labels)) \(histogram.sum)\n"
                    text += "\(name)_count\(Self.labelText(series.labels)) \(histogram.count)\n"
                }
            }
            for gauge in gauges {
                text += "# HELP \(gauge.name) \(gauge.help)\n# TYPE \(gauge.name) gauge\n\(gauge.name) \(Self.number(gauge.value))\n"
            }
            return text
        }
    }

    private func header(_ name: String, _ help: (type: String, text: String)?) -> String {
        guard let help else { return "" }
        return "# HELP \(name) \(help.text)\n# TYPE \(name) \(help.type)\n"
    }

    private static func render(_ labels: [String: String]) -> [String] {
        labels.sorted { $0.key < $1.key }.map { key, value in
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
            return "\(key)=\"\(escaped)\""
        }
    }

    private static func labelText(_ labels: [String]) -> String {
        labels.isEmpty ? "" : "{" + labels.joined(separator: ",") + "}"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
