import FenliuModel
import Foundation
import Hummingbird
import Logging
import NIOCore
import Postgres

/// The pages people open: the dashboard at `/` and the downloads `/reports/monthly.csv` and
/// `/reports/tickets.csv`, each taking `month=YYYY-MM` (default: this month in Chengdu) and an
/// optional `district=<code>`. A bad parameter answers 400 naming it.
struct ReportingRoutes: Sendable {
    let database: PostgresPool
    let configuration: ReportingConfiguration
    let logger: Logger

    func register(on router: Router<BasicRequestContext>) {
        page("/", on: router) { request in await answer { try await dashboard(try Selection(request)) } }
        page("/reports/monthly.csv", on: router) { request in
            await answer {
                let selection = try Selection(request)
                let bulletin = try await database.withConnection { connection in
                    try BulletinStore.bulletin(selection.month, district: selection.district, on: connection)
                }
                return Self.csv(ReportCSV.monthly(bulletin), name: "fenliu-monthly-\(selection.fileSuffix).csv")
            }
        }
        page("/reports/tickets.csv", on: router) { request in
            await answer {
                let selection = try Selection(request)
                let facts = try await database.withConnection { connection in
                    try TicketFactRow.tickets(selection.month, district: selection.district, on: connection)
                }
                return Self.csv(ReportCSV.tickets(facts), name: "fenliu-tickets-\(selection.fileSuffix).csv")
            }
        }
    }

    /// A page answers `GET`, and `HEAD` with the same status and headers and no body (link checkers
    /// and uptime monitors ask with `HEAD`).
    private func page(_ path: String, on router: Router<BasicRequestContext>, _ respond: @escaping @Sendable (Request) async -> Response) {
        router.get(RouterPath(path)) { request, _ in await respond(request) }
        router.head(RouterPath(path)) { request, _ in
            let full = await respond(request)
            return Response(status: full.status, headers: full.headers)
        }
    }

    /// The month and district a page is about.
    struct Selection: Sendable {
        var month: ReportingMonth
        var district: String

        init(_ request: Request) throws {
            let parameters = request.uri.queryParameters
            if let text = parameters.get("month"), !text.isEmpty {
                guard let month = ReportingMonth(text) else { throw BadParameter("month: " + ReportingMonth.refusal(text)) }
                self.month = month
            } else {
                month = ReportingMonth(containing: Date())
            }
            let text = parameters.get("district") ?? ""
            if let violation = ReportingHandlers.districtViolation(text) { throw BadParameter("district: " + violation.description) }
            district = ReportingHandlers.districtCode(text)
        }

        var fileSuffix: String { district.isEmpty ? month.description : "\(month)-\(district)" }
    }

    /// A query parameter that cannot be used.
    struct BadParameter: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    private func dashboard(_ selection: Selection) async throws -> Response {
        let configuration = self.configuration
        let page = try await database.withConnection { connection in
            let month = selection.month
            let district = selection.district
            var filter = AnalyticsStore.MetricFilter(from: month.start, to: month.end)
            filter.district = district
            var months = [month]
            while months.count < configuration.trendMonths { months.insert(months[0].previous, at: 0) }
            let trend = try BulletinStore.trend(months, district: district, on: connection)
            return DashboardPage(
                bulletin: try BulletinStore.bulletin(month, district: district, on: connection),
                cityDistricts: try BulletinStore.figures(month, grouping: .district, district: "", on: connection),
                daily: try AnalyticsStore.metrics([.day, .channel], filter: filter, on: connection),
                categories: try AnalyticsStore.metrics([.category], filter: filter, on: connection), trend: trend,
                disputes: try AnalyticsStore.disputes(from: month.start, to: month.end, district: district, on: connection),
                hotspots: try AnalyticsStore.hotspots(
                    from: month.start, to: month.end, minimum: configuration.hotspotMinimumCalls, district: district, on: connection),
                hotspotMinimum: configuration.hotspotMinimumCalls,
                hops: try AnalyticsStore.hops(from: month.start, to: month.end, on: connection))
        }
        return Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: page.rendered)))
    }

    static func csv(_ table: CSVTable, name: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: table.rendered)))
    }

    /// Runs `body`, answering a bad parameter with 400 and anything else with 503 (logged).
    private func answer(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as BadParameter {
            return Self.text(.badRequest, error.message)
        } catch {
            logger.error("reporting page failed", metadata: ["error": "\(error)"])
            return Self.text(.serviceUnavailable, "the figures cannot be read right now; try again shortly")
        }
    }

    private static func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: message + "\n")))
    }
}
