import FenliuModel
import Foundation
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf

extension ReportingHandlers {
    /// Longest window `QueryMetrics` and `ListHotspots` look over.
    static let maximumWindow: TimeInterval = 400 * 86_400
    /// Most dimensions `QueryMetrics` groups by at once.
    static let maximumDimensions = 3

    /// `QueryMetrics`: counts and rates grouped by up to three dimensions over a time range.
    func queryMetrics(
        _ request: Fenliu_Reporting_V1_QueryMetricsRequest, context: RPCContext
    ) async throws -> Fenliu_Reporting_V1_QueryMetricsResponse {
        var violations = Self.windowViolations(request.hasFrom ? request.from.date : nil, request.hasTo ? request.to.date : nil)
        var dimensions = [AnalyticsStore.Dimension]()
        for (index, value) in request.groupBy.enumerated() {
            guard let dimension = AnalyticsStore.Dimension(proto: value) else {
                violations.append(FieldViolation(field: "groupBy[\(index)]", description: "is not a dimension (CHANNEL … HOUR)"))
                continue
            }
            if dimensions.contains(dimension) {
                violations.append(FieldViolation(field: "groupBy[\(index)]", description: "\(value) is named twice"))
            }
            dimensions.append(dimension)
        }
        if request.groupBy.count > Self.maximumDimensions {
            violations.append(FieldViolation(field: "groupBy", description: "names at most \(Self.maximumDimensions) dimensions"))
        }
        if let violation = Self.districtViolation(request.district) { violations.append(violation) }
        if request.category != .unspecified, Category(proto: request.category) == nil {
            violations.append(FieldViolation(field: "category", description: "is not a category of the catalogue"))
        }
        if request.channel != .unspecified, Channel(proto: request.channel) == nil {
            violations.append(FieldViolation(field: "channel", description: "is not a channel"))
        }
        guard violations.isEmpty else { throw ReportingError.invalidFields(violations) }
        var filter = AnalyticsStore.MetricFilter(from: request.from.date, to: request.to.date)
        filter.district = Self.districtCode(request.district)
        filter.category = Category(proto: request.category)?.code ?? ""
        filter.channel = Channel(proto: request.channel)?.code ?? ""
        let chosen = dimensions
        let chosenFilter = filter
        let rows = try await database.withConnection { connection in try AnalyticsStore.metrics(chosen, filter: chosenFilter, on: connection) }
        return .with {
            $0.rows = rows.map { row in
                .with {
                    $0.keys = Dictionary(uniqueKeysWithValues: zip(chosen.map(\.rawValue), row.keys))
                    $0.calls = row.calls
                    $0.diverted = row.diverted
                    $0.tickets = row.tickets
                    $0.resolved = row.resolved
                    $0.resolvedOnTime = row.resolvedOnTime
                    $0.returned = row.returned
                    $0.overdue = row.overdue
                    $0.diversionRate = Ratio(numerator: row.diverted, denominator: row.diversionBase).proto
                    $0.onTimeResolutionRate = Ratio(numerator: row.resolvedOnTime, denominator: row.resolved).proto
                }
            }
        }
    }

    /// `ListDisputedMatters`: what the monthly consultation (会商) works through.
    func listDisputedMatters(
        _ request: Fenliu_Reporting_V1_ListDisputedMattersRequest, context: RPCContext
    ) async throws -> Fenliu_Reporting_V1_ListDisputedMattersResponse {
        let month = try Self.month(request.month)
        let district = try Self.district(request.district)
        let disputes = try await database.withConnection { connection in
            try AnalyticsStore.disputes(from: month.start, to: month.end, district: district, on: connection)
        }
        return .with { $0.matters = disputes.map(\.proto) }
    }

    /// `ListHotspots`: places and incidents with repeated calls in a window (研判).
    func listHotspots(
        _ request: Fenliu_Reporting_V1_ListHotspotsRequest, context: RPCContext
    ) async throws -> Fenliu_Reporting_V1_ListHotspotsResponse {
        var violations = Self.windowViolations(request.hasFrom ? request.from.date : nil, request.hasTo ? request.to.date : nil)
        if request.minimumCalls != 0, request.minimumCalls < 2 {
            violations.append(FieldViolation(field: "minimumCalls", description: "must be at least 2 (a hot spot is a repeat)"))
        }
        if let violation = Self.districtViolation(request.district) { violations.append(violation) }
        guard violations.isEmpty else { throw ReportingError.invalidFields(violations) }
        let minimum = request.minimumCalls == 0 ? 3 : Int(request.minimumCalls)
        let hotspots = try await database.withConnection { connection in
            try AnalyticsStore.hotspots(
                from: request.from.date, to: request.to.date, minimum: minimum, district: Self.districtCode(request.district), on: connection)
        }
        return .with { $0.hotspots = hotspots.map(\.proto) }
    }

    /// `GetHopLatency`: p50/p90/p99 of each hand-off for the month's calls and tickets.
    func getHopLatency(
        _ request: Fenliu_Reporting_V1_GetHopLatencyRequest, context: RPCContext
    ) async throws -> Fenliu_Reporting_V1_GetHopLatencyResponse {
        let month = try Self.month(request.month)
        let hops = try await database.withConnection { connection in try AnalyticsStore.hops(from: month.start, to: month.end, on: connection) }
        return .with { $0.hops = hops.map(\.proto) }
    }

    /// `GetClassificationQuality`: review and change rates by category.
    func getClassificationQuality(
        _ request: Fenliu_Reporting_V1_GetClassificationQualityRequest, context: RPCContext
    ) async throws -> Fenliu_Reporting_V1_GetClassificationQualityResponse {
        let month = try Self.month(request.month)
        let quality = try await database.withConnection { connection in try AnalyticsStore.quality(from: month.start, to: month.end, on: connection) }
        let total = quality.reduce(AnalyticsStore.Quality(category: "", classified: 0, sentToReview: 0, reviewed: 0, changed: 0)) {
            AnalyticsStore.Quality(
                category: "", classified: $0.classified + $1.classified, sentToReview: $0.sentToReview + $1.sentToReview,
                reviewed: $0.reviewed + $1.reviewed, changed: $0.changed + $1.changed)
        }
        return .with {
            $0.categories = quality.map(\.proto)
            $0.total = total.proto
        }
    }

    /// What is wrong with a `[from, to)` window.
    static func windowViolations(_ from: Date?, _ to: Date?) -> [FieldViolation] {
        var violations = [FieldViolation]()
        if from == nil { violations.append(FieldViolation(field: "from", description: "is required")) }
        if to == nil { violations.append(FieldViolation(field: "to", description: "is required")) }
        if let from, let to {
            if to <= from {
                violations.append(FieldViolation(field: "to", description: "must be after from"))
            } else if to.timeIntervalSince(from) > maximumWindow {
                violations.append(FieldViolation(field: "to", description: "must be at most 400 days after from"))
            }
        }
        return violations
    }
}

extension AnalyticsStore.Dimension {
    /// The dimension of a proto value, or `nil` for unspecified or unknown values.
    init?(proto: Fenliu_Reporting_V1_Dimension) {
        switch proto {
        case .channel: self = .channel
        case .category: self = .category
        case .district: self = .district
        case .department: self = .department
        case .priority: self = .priority
        case .day: self = .day
        case .hour: self = .hour
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }
}

extension AnalyticsStore.Dispute {
    var proto: Fenliu_Reporting_V1_DisputedMatter {
        .with {
            $0.category = Category(code: category)?.proto ?? .unspecified
            $0.district = district
            $0.disputes = Int64(tickets.count)
            $0.departmentIds = departments
            $0.reasons = reasons
            $0.ticketIds = tickets
        }
    }
}

extension AnalyticsStore.Hotspot {
    var proto: Fenliu_Reporting_V1_Hotspot {
        .with {
            $0.district = district
            $0.category = Category(code: category)?.proto ?? .unspecified
            $0.place = place
            $0.calls = Int64(calls.count)
            $0.callIds = calls
            $0.firstCallAt = Google_Protobuf_Timestamp(date: first)
            $0.lastCallAt = Google_Protobuf_Timestamp(date: last)
        }
    }
}

extension AnalyticsStore.Hop {
    var proto: Fenliu_Reporting_V1_Hop {
        .with {
            $0.name = name
            $0.count = count
            $0.p50Seconds = p50
            $0.p90Seconds = p90
            $0.p99Seconds = p99
        }
    }
}

extension AnalyticsStore.Quality {
    var proto: Fenliu_Reporting_V1_CategoryQuality {
        .with {
            $0.category = Category(code: category)?.proto ?? .unspecified
            $0.classified = classified
            $0.reviewRate = Ratio(numerator: sentToReview, denominator: classified).proto
            $0.reviewChangeRate = Ratio(numerator: changed, denominator: reviewed).proto
        }
    }
}
