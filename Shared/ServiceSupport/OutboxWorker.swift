import FenliuModel
import Foundation
import HTTPClient
import Logging
import Postgres
import RPC
import ServiceLifecycle
import SwiftProtobuf

/// Delivers a service's outbox: claims due messages (`FOR UPDATE SKIP LOCKED`, so replicas share the
/// work), sends each with its id as `Idempotency-Key`, and records the outcome. Failures retry with
/// exponential backoff; a message the receiver refuses for good (a bad request) is parked, visible
/// through metrics and the admin API until someone retries it. Delivered messages and applied inbox
/// keys are purged after the retention period.
public final class OutboxWorker: Service, Sendable {
    /// Batch size and timing.
    public struct Configuration: Sendable {
        /// Messages claimed per round.
        public var batchSize: Int
        /// How long to sleep when nothing is due and nothing woke the worker.
        public var pollInterval: Duration
        /// Delay after the first failure; doubles each attempt.
        public var baseRetryDelay: Duration
        /// Longest delay between attempts; also how long a webhook waits for a subscriber without an
        /// endpoint before looking again (setting the endpoint wakes it at once).
        public var maximumRetryDelay: Duration
        /// How long a claim lasts before another replica may take the message (longer than any send).
        public var claimLease: Duration
        /// How long delivered messages and applied inbox keys are kept.
        public var retention: Duration
        /// How often the purge runs.
        public var purgeInterval: Duration
        /// Messages for reporting claimed per round; their events travel merged (≤ 500 per request).
        public var reportBatchSize: Int
        /// How long the reporting lane waits between rounds that found less than a batch.
        public var reportInterval: Duration
        /// Most hand-offs to one peer in one `AdminService/Deliver` (1: each alone; 100, the most
        /// `Deliver` takes, by default).
        public var deliverBatch: Int
        /// How long the hand-off lane waits before it claims when a commit woke it while its last
        /// round ran, so that messages written together under load travel in one round (0: at once;
        /// after a quiet spell it always claims at once).
        public var handOffLinger: Duration

        /// Creates a configuration.
        public init(
            batchSize: Int = 32, pollInterval: Duration = .milliseconds(500), baseRetryDelay: Duration = .seconds(1),
            maximumRetryDelay: Duration = .seconds(300), claimLease: Duration = .seconds(60), retention: Duration = .seconds(7 * 86_400),
            purgeInterval: Duration = .seconds(3600), reportBatchSize: Int = 200, reportInterval: Duration = .milliseconds(500),
            deliverBatch: Int = 100, handOffLinger: Duration = .zero
        ) {
            self.handOffLinger = handOffLinger
            self.deliverBatch = max(1, min(HandOffBatch.maximumDeliveries, deliverBatch))
            self.batchSize = batchSize
            self.pollInterval = pollInterval
            self.baseRetryDelay = baseRetryDelay
            self.maximumRetryDelay = maximumRetryDelay
            self.claimLease = claimLease
            self.retention = retention
            self.purgeInterval = purgeInterval
            self.reportBatchSize = reportBatchSize
            self.reportInterval = reportInterval
        }
    }

    /// Finds where a webhook subscriber's messages go now (see `ServiceModule.webhookEndpoint(for:)`).
    public typealias EndpointLookup = @Sendable (String) async throws -> WebhookEndpoint?
    /// Runs in the transaction that marks a message delivered (see `ServiceModule.outboxDelivered`).
    public typealias DeliveryHook = @Sendable (OutboxMessage, PostgresConnection) throws -> Void

    private let pool: PostgresPool
    private let httpClient: HTTPClient
    private let peers: [ServiceName: String]
    private let endpoints: EndpointLookup
    private let onDelivered: DeliveryHook?
    /// The targets whose deliveries run `onDelivered`; nil: every target.
    private let deliveryTargets: Set<String>?
    private let defaultSecret: String?
    /// This service's key, sent to its peers.
    private let serviceKey: String?
    private let metrics: MetricsRegistry?
    private let logger: Logger
    private let configuration: Configuration
    /// Which messages a delivery loop takes. Hand-offs and webhooks go in one lane and the events
    /// for reporting in another, each with its own loop, so a burst of reporting traffic (one
    /// message per transaction of every service) never delays a call on its way to a ticket.
    public enum Lane: String, Sendable, CaseIterable {
        /// Hand-offs to peers other than reporting, and webhooks.
        case handOffs
        /// Events for reporting.
        case reports

        var predicate: String {
            switch self {
            case .handOffs: "target <> 'reporting'"
            case .reports: "target = 'reporting'"
            }
        }
    }

    private let signals = Dictionary(uniqueKeysWithValues: Lane.allCases.map { ($0, WakeSignal()) })

    /// Creates a worker. `httpClient` should be the worker's own, so request-time calls of the
    /// service never hold up its hand-offs.
    public init(
        pool: PostgresPool, httpClient: HTTPClient, peers: [ServiceName: String], endpoints: @escaping EndpointLookup,
        onDelivered: DeliveryHook? = nil, deliveryTargets: Set<String>? = nil, defaultSecret: String?, serviceKey: String? = nil,
        metrics: MetricsRegistry?, logger: Logger, configuration: Configuration = Configuration()
    ) {
        self.deliveryTargets = deliveryTargets
        self.serviceKey = serviceKey
        self.pool = pool
        self.httpClient = httpClient
        self.peers = peers
        self.endpoints = endpoints
        self.onDelivered = onDelivered
        self.defaultSecret = defaultSecret
        self.metrics = metrics
        self.logger = logger
        self.configuration = configuration
        // Every target's counters start at zero, so `rate()` and alerts on them work before the first
        // failure (a series that appears only then reads as "no data", not as "no failures").
        for target in peers.keys.map(\.rawValue) + [Outbox.webhookTarget] {
            metrics?.increment("fenliu_outbox_delivered_total", help: "Outbox messages delivered.", labels: ["target": target], by: 0)
            metrics?.increment("fenliu_outbox_failures_total", help: "Failed outbox delivery attempts.", labels: ["target": target], by: 0)
        }
        metrics?.addCollector { [pool] in
            let databaseUp = ("fenliu_database_up", "1 when this scrape could read the service's database, 0 when not.")
            guard let backlog = try? await Outbox.backlog(on: pool) else { return [(databaseUp.0, databaseUp.1, 0)] }
            return [
                (databaseUp.0, databaseUp.1, 1),
                ("fenliu_outbox_pending", "Outbox messages waiting for delivery.", Double(backlog.pending)),
                ("fenliu_outbox_parked", "Outbox messages refused by their receiver, waiting for an operator.", Double(backlog.parked)),
            ]
        }
    }

    /// An outbox whose `committed()` wakes this worker.
    public var outbox: Outbox {
        Outbox { [signals] in
            for signal in signals.values { signal.signal() }
        }
    }

    /// Delivers until graceful shutdown, one loop per lane, purging old rows now and then.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                for lane in Lane.allCases {
                    group.addTask { await self.deliver(lane: lane) }
                }
                group.addTask { await self.purgeNowAndThen() }
            }
        }
    }

    private func deliver(lane: Lane) async {
        guard let signal = signals[lane] else { return }
        while !Task.isCancelled {
            // The wake-ups so far are for commits this round's claim sees (each signals after its
            // commit); one still pending when the round ends came while it ran.
            _ = signal.takePending()
            let claimed: Int
            do {
                claimed = try await deliverDue(lane: lane)
            } catch {
                logger.warning("outbox round failed", metadata: ["error": "\(error)", "outbox.lane": "\(lane.rawValue)"])
                claimed = 0
            }
            switch lane {
            case .handOffs:
                guard claimed < configuration.batchSize else { continue }
                if signal.takePending() {
                    // Busy: a commit woke the lane while the round ran. Linger, so that what is written
                    // in the next few milliseconds travels in the same round; a wake-up after a quiet
                    // spell claims at once (a fixed linger on every wake-up cost 35-40 ms end to end
                    // at 50-150 calls/s, BENCHMARKS.md).
                    if configuration.handOffLinger > .zero { try? await Task.sleep(for: configuration.handOffLinger) }
                } else {
                    await signal.wait(timeout: configuration.pollInterval)
                }
            case .reports:
                // Events wait a moment to travel together: one IngestEvents for many transactions.
                if claimed < configuration.reportBatchSize { try? await Task.sleep(for: configuration.reportInterval) }
            }
        }
    }

    private func purgeNowAndThen() async {
        while !Task.isCancelled {
            do {
                let removed = try await Outbox.purge(olderThan: configuration.retention, on: pool)
                if removed > 0 { logger.info("purged old outbox and inbox rows", metadata: ["rows": "\(removed)"]) }
            } catch {
                logger.warning("outbox purge failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: configuration.purgeInterval)
        }
    }

    /// Claims and delivers one batch of due messages (of one lane, or of any); returns how many it
    /// claimed.
    @discardableResult
    public func deliverDue(lane: Lane? = nil) async throws -> Int {
        let lease = configuration.claimLease.components.seconds
        let batch = lane == .reports ? configuration.reportBatchSize : configuration.batchSize
        let claimed = try await pool.withConnection { connection in
            // RETURNING keeps no order: the outer SELECT gives the claimed messages in the order
            // they were written, which a batch keeps. The lease and the batch are the service's own
            // settings, written into the text: with no parameters PostgreSQL plans the claim once per
            // connection and keeps the plan until an ANALYZE or a schema change invalidates it
            // (planning it on every round was the largest planning cost left on the diversion path,
            // ~1.2 ms a call across the five services at 100 calls/s).
            try connection.query(
                """
                WITH claimed AS (
                UPDATE outbox SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => \(unescaped: String(lease)))
                WHERE id IN (
                    SELECT id FROM outbox o
                    WHERE delivered_at IS NULL AND parked_at IS NULL AND canceled_at IS NULL AND next_attempt_at <= now()
                      AND \(unescaped: lane?.predicate ?? "true")
                      AND (ordering_key IS NULL OR NOT EXISTS (
                          SELECT 1 FROM outbox earlier
                          WHERE earlier.ordering_key = o.ordering_key AND earlier.sequence < o.sequence
                            AND earlier.delivered_at IS NULL AND earlier.canceled_at IS NULL))
                    ORDER BY next_attempt_at, created_at
                    LIMIT \(unescaped: String(batch))
                    FOR UPDATE SKIP LOCKED
                )
                RETURNING \(unescaped: OutboxMessage.columns), sequence
                )
                SELECT \(unescaped: OutboxMessage.columns) FROM claimed ORDER BY sequence
                """
            ).map(OutboxMessage.init(row:))
        }
        guard !claimed.isEmpty else { return 0 }
        let (merged, rest) = ReportBatch.split(claimed)
        let (handOffs, single) = HandOffBatch.split(rest, atMost: configuration.deliverBatch)
        // A round's outcomes are recorded together (one commit), unless the round outlasts half the
        // lease: from then on each is recorded as it comes, so a slow send (a parked reporting
        // batch re-sent message by message) does not hold the marks of the fast ones until their
        // claims run out and another replica sends them again. One tick (nil) at half the lease
        // records what came in so far; after it, each outcome is recorded as it comes.
        let started = ContinuousClock.now
        let patience = configuration.claimLease / 2
        await withTaskGroup(of: [(OutboxMessage, Outcome)]?.self) { group in
            var sending = 0
            for batch in merged {
                group.addTask { await self.send(batch) }
                sending += 1
            }
            for batch in handOffs {
                group.addTask { await self.send(batch) }
                sending += 1
            }
            for message in single {
                group.addTask { [(message, await self.send(message))] }
                sending += 1
            }
            group.addTask {
                try? await Task.sleep(for: patience); return nil
            }
            var pending = [(OutboxMessage, Outcome)]()
            while let next = await group.next() {
                if let outcomes = next {
                    pending += outcomes
                    sending -= 1
                    if sending == 0 { group.cancelAll() }  // the tick ends at once
                }
                if ContinuousClock.now - started >= patience, !pending.isEmpty {
                    await record(pending)
                    pending.removeAll()
                }
            }
            if !pending.isEmpty { await record(pending) }
        }
        return claimed.count
    }

    /// Sends the events of several messages for reporting in one request. If reporting refuses the
    /// request for good, each message is sent alone, so one bad event parks only its message.
    private func send(_ batch: ReportBatch) async -> [(OutboxMessage, Outcome)] {
        if batch.messages.count == 1, let message = batch.messages.first { return [(message, await send(message))] }
        let outcome = await send(batch.request)
        if case .park = outcome { return await sendAlone(batch.messages) }
        return batch.messages.map { ($0, outcome) }
    }

    /// Sends each of `messages` in a request of its own, side by side: a batch's fallback, where
    /// each message's own answer decides.
    private func sendAlone(_ messages: [OutboxMessage]) async -> [(OutboxMessage, Outcome)] {
        await withTaskGroup(of: (OutboxMessage, Outcome).self) { group in
            for message in messages { group.addTask { (message, await self.send(message)) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
    }

    /// Sends hand-offs to one peer in one `Deliver` request; each message's outcome is its own
    /// result's. A peer that does not serve `Deliver` yet (one deployed before it), or that refuses
    /// the request as a whole for good, gets each message alone, so each message's own answer decides.
    private func send(_ batch: HandOffBatch) async -> [(OutboxMessage, Outcome)] {
        let results: [Fenliu_Admin_V1_DeliveryResult]
        do {
            // The peer checks and applies them one after another: a second more per ten.
            let body = try await post(batch.request, timeout: .seconds(10 + batch.messages.count / 10))
            results = try Fenliu_Admin_V1_DeliverResponse(jsonUTF8Bytes: body, options: PeerRequest.lenient).results
        } catch {
            // A peer deployed before `Deliver` answers 404 (read as unimplemented) or refuses it for
            // good (its key table lacks the method: permission_denied); one with a smaller body
            // limit answers resource_exhausted. Each message then goes alone, all at once as
            // before batching, and its own answer decides.
            let outcome = Self.outcome(for: error)
            let code = (error as? ConnectError)?.code
            if case .retry = outcome, code != .unimplemented, code != .resourceExhausted {
                return batch.messages.map { ($0, outcome) }
            }
            return await sendAlone(batch.messages)
        }
        let keys = batch.messages.map { $0.id.uuidString.lowercased() }
        guard results.map(\.idempotencyKey) == keys else {
            let reason = "\(batch.request.target) answered results that do not match the deliveries"
            return batch.messages.map { ($0, .retry(reason)) }
        }
        return zip(batch.messages, results).map { message, result in
            guard !result.code.isEmpty else { return (message, .delivered) }
            return (message, Self.outcome(for: ConnectError(ConnectCode(rawValue: result.code) ?? .unknown, result.message)))
        }
    }

    private enum Outcome {
        case delivered
        case retry(String)
        case park(String)
        /// Not an attempt: the subscriber has no endpoint yet. Looked at again after the longest
        /// retry delay, or at once when the endpoint is set (`Outbox.wake`).
        case postpone(String)
    }

    /// Records the outcomes of one round. The delivered messages are marked in one transaction (one
    /// commit per round, not one per message: at load the commits were a large share of the
    /// database's work); if that fails, each is recorded alone.
    private func record(_ outcomes: [(OutboxMessage, Outcome)]) async {
        let delivered = outcomes.compactMap { message, outcome -> OutboxMessage? in
            if case .delivered = outcome { return message }
            return nil
        }
        var recorded = false
        if delivered.count > 1 {
            do {
                try await markDelivered(delivered)
                recorded = true
            } catch {
                logger.warning("could not record a round of deliveries at once", metadata: ["error": "\(error)"])
            }
        }
        for (message, outcome) in outcomes {
            if case .delivered = outcome, recorded { continue }
            await record(outcome, of: message)
        }
    }

    /// Marks `messages` delivered in one transaction, those whose claim still stands (`attempts`
    /// unchanged) and not yet marked, running the delivery hook for each one marked that has it —
    /// one statement alone when none has. (Not yet marked: if this COMMIT's reply is lost, the
    /// message-by-message fallback must not mark and run the hook a second time.)
    private func markDelivered(_ messages: [OutboxMessage]) async throws {
        let ids = "{" + messages.map { $0.id.uuidString.lowercased() }.joined(separator: ",") + "}"
        let attempts = "{" + messages.map { String($0.attempts) }.joined(separator: ",") + "}"
        let mark: PostgresQuery = """
            UPDATE outbox SET delivered_at = now(), last_error = NULL
            FROM unnest(\(ids)::uuid[], \(attempts)::int[]) AS claim(id, attempts)
            WHERE outbox.id = claim.id AND outbox.attempts = claim.attempts AND outbox.delivered_at IS NULL
            RETURNING outbox.id
            """
        try await applyMark(mark, for: messages) { rows in Set(try rows.map { try $0.decode("id", as: UUID.self) }) }
        for message in messages {
            metrics?.increment("fenliu_outbox_delivered_total", help: "Outbox messages delivered.", labels: ["target": message.target])
        }
    }

    /// Runs a delivery mark for `messages`: in a transaction with the delivery hook run for each one
    /// marked (`marked` reads them from the mark's rows) when any of them is to a target the hook acts
    /// on, otherwise alone — one statement is its own transaction, a COMMIT's round trip fewer.
    private func applyMark(
        _ mark: PostgresQuery, for messages: [OutboxMessage], marked: @escaping @Sendable (PostgresRows) throws -> Set<UUID>
    ) async throws {
        let hooked = onDelivered == nil ? [] : messages.filter { deliveryTargets?.contains($0.target) ?? true }
        guard let hook = onDelivered, !hooked.isEmpty else {
            try await pool.query(mark, plan: .cached)
            return
        }
        try await pool.transaction { connection in
            let ids = try marked(try connection.query(mark, plan: .cached))
            for message in hooked where ids.contains(message.id) { try hook(message, connection) }
        }
    }

    /// Records what became of `message`, while our claim on it stands.
    private func record(_ outcome: Outcome, of message: OutboxMessage) async {
        let id = message.id
        // Every outcome is recorded only while our claim stands (`attempts` unchanged): if the lease
        // ran out and another replica claimed the message, its outcome is the one that counts.
        let claim = message.attempts
        do {
            switch outcome {
            case .delivered:
                let mark: PostgresQuery = """
                    UPDATE outbox SET delivered_at = now(), last_error = NULL
                    WHERE id = \(id) AND attempts = \(claim) AND delivered_at IS NULL
                    """
                try await applyMark(mark, for: [message]) { rows in rows.affectedRows == 1 ? [message.id] : [] }
                metrics?.increment("fenliu_outbox_delivered_total", help: "Outbox messages delivered.", labels: ["target": message.target])
            case .retry(let reason):
                let delay = retryDelay(afterAttempts: message.attempts)
                try await pool.query(
                    """
                    UPDATE outbox SET last_error = \(reason), next_attempt_at = now() + make_interval(secs => \(delay))
                    WHERE id = \(id) AND attempts = \(claim)
                    """)
                metrics?.increment("fenliu_outbox_failures_total", help: "Failed outbox delivery attempts.", labels: ["target": message.target])
                logger.notice("outbox delivery will be retried", metadata: ["outbox.id": "\(id)", "outbox.target": "\(message.target)", "error": "\(reason)"])
            case .park(let reason):
                try await pool.query("UPDATE outbox SET last_error = \(reason), parked_at = now() WHERE id = \(id) AND attempts = \(claim)")
                metrics?.increment("fenliu_outbox_failures_total", help: "Failed outbox delivery attempts.", labels: ["target": message.target])
                logger.error(
                    "outbox message parked: the receiver refused it",
                    metadata: ["outbox.id": "\(id)", "outbox.target": "\(message.target)", "error": "\(reason)"])
            case .postpone(let reason):
                let delay = Self.seconds(configuration.maximumRetryDelay)
                try await pool.query(
                    """
                    UPDATE outbox SET attempts = attempts - 1, last_error = \(reason), next_attempt_at = now() + make_interval(secs => \(delay))
                    WHERE id = \(id) AND attempts = \(claim)
                    """)
            }
        } catch {
            // The claim lease expires and the message is tried again; at worst it is delivered twice,
            // which the receiver's inbox absorbs.
            logger.warning("could not record an outbox outcome", metadata: ["outbox.id": "\(id)", "error": "\(error)"])
        }
    }

    private func send(_ message: OutboxMessage) async -> Outcome {
        let body = Array(message.body.utf8)
        if message.target == Outbox.webhookTarget {
            return await sendWebhook(message, body: body)
        }
        return await send(PeerRequest(target: message.target, path: message.path, body: body, idempotencyKey: message.id.uuidString.lowercased()))
    }

    private func send(_ request: PeerRequest) async -> Outcome {
        do {
            _ = try await post(request)
            return .delivered
        } catch {
            return Self.outcome(for: error)
        }
    }

    /// Posts `request` to its peer and answers the response body.
    private func post(_ request: PeerRequest, timeout: Duration? = nil) async throws -> [UInt8] {
        guard let service = ServiceName(rawValue: request.target), let baseURL = peers[service] else {
            throw ConnectError(.unavailable, "no URL configured for peer \(request.target)")
        }
        return try await RPCClient(baseURL: baseURL, httpClient: httpClient, key: serviceKey)
            .send(path: request.path, jsonBody: request.body, headers: [("Idempotency-Key", request.idempotencyKey)], timeout: timeout)
    }

    /// What a peer's error means for a message: refused for good (a bad request, a key not allowed)
    /// parks it for an operator; anything else is tried again later.
    private static func outcome(for error: any Error) -> Outcome {
        guard let error = error as? ConnectError else { return .retry("\(error)") }
        let reason = "\(error.code.rawValue): \(error.message)"
        switch error.code {
        case .invalidArgument, .failedPrecondition, .outOfRange, .alreadyExists, .permissionDenied, .unauthenticated, .notFound:
            return .park(reason)
        default:
            return .retry(reason)
        }
    }

    private func sendWebhook(_ message: OutboxMessage, body: [UInt8]) async -> Outcome {
        guard let subscriber = message.subscriber else { return .park("a webhook without a subscriber") }
        let endpoint: WebhookEndpoint?
        do {
            endpoint = try await endpoints(subscriber)
        } catch {
            return .retry("could not look up the endpoint of \(subscriber): \(error)")
        }
        guard let endpoint else { return .postpone(Outbox.waitingPrefix + "\(subscriber) has no endpoint") }
        guard let secret = endpoint.secret ?? defaultSecret else { return .park("no signing secret for \(subscriber)") }
        let request = HTTPClientRequest(
            method: "POST", url: endpoint.url,
            headers: [
                ("Content-Type", "application/json"),
                ("Idempotency-Key", message.id.uuidString.lowercased()),
                (WebhookSignature.headerName, WebhookSignature.header(for: body, secret: secret)),
                ("User-Agent", "fenliu-outbox"),
            ], body: body, responseBody: .discard)
        do {
            let response = try await httpClient.execute(request)
            return Self.webhookOutcome(status: response.status)
        } catch {
            return .retry("\(error)")
        }
    }

    /// What a webhook receiver's status means. 2xx: applied. 409: the receiver already has the
    /// message (it applies by key), so it counts as delivered. 401 (a secret being rotated), 404 (a
    /// receiver being deployed), 408, 429 and 5xx: try again later. Any other 4xx: the receiver
    /// refuses this message for good; park it for an operator.
    private static func webhookOutcome(status: Int) -> Outcome {
        switch status {
        case 200..<300, 409: .delivered
        case 401, 404, 408, 429, 500...: .retry("HTTP \(status)")
        default: .park("HTTP \(status)")
        }
    }

    /// Seconds to wait after `attempts` failed attempts: base × 2^(attempts−1), capped, ±20% jitter so
    /// many messages to one recovering receiver do not return at the same instant.
    func retryDelay(afterAttempts attempts: Int) -> Double {
        let base = Self.seconds(configuration.baseRetryDelay)
        let cap = Self.seconds(configuration.maximumRetryDelay)
        let exponential = min(cap, base * pow(2, Double(min(max(0, attempts - 1), 62))))
        return exponential * Double.random(in: 0.8...1.2)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
