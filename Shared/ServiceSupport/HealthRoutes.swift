import Hummingbird
import NIOCore
import Postgres

/// `GET /healthz`, `GET /readyz` and `GET /metrics`, the same on every service; the two probes answer
/// `HEAD` as well, with the same status and no body (some load balancers probe with it).
enum HealthRoutes {
    static func register(
        on router: Router<BasicRequestContext>, database: PostgresPool, migrations: [MigrationSet], metrics: MetricsRegistry
    ) {
        let health: @Sendable () async -> Response = { json(.ok, #"{"status":"ok"}"#) }
        let readiness: @Sendable () async -> Response = {
            do {
                let pending = try await Migrator.pending(migrations, on: database)
                guard pending.isEmpty else {
                    return json(.serviceUnavailable, #"{"status":"migrations pending"}"#)
                }
                return json(.ok, #"{"status":"ready"}"#)
            } catch {
                return json(.serviceUnavailable, #"{"status":"database unreachable"}"#)
            }
        }
        for (path, probe) in [("/healthz", health), ("/readyz", readiness)] {
            router.get(RouterPath(path)) { _, _ in await probe() }
            router.head(RouterPath(path)) { _, _ in Response(status: await probe().status) }
        }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: await metrics.render()))
            )
        }
    }

    private static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
