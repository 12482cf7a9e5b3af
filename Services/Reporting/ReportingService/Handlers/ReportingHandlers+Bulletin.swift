import FenliuModel
import Foundation
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf

extension ReportingHandlers {
    /// `GetMonthlyBulletin`: the city, each district and each department for an Asia/Shanghai
    /// month, the month before beside each figure, departments ranked.
    func getMonthlyBulletin(
        _ request: Fenliu_Reporting_V1_GetMonthlyBulletinRequest, context: RPCContext
    ) async throws -> Fenliu_Reporting_V1_GetMonthlyBulletinResponse {
        let month = try Self.month(request.month)
        let district = try Self.district(request.district)
        let bulletin = try await database.withConnection { connection in try BulletinStore.bulletin(month, district: district, on: connection) }
        return .with { $0.bulletin = bulletin.proto }
    }

    /// `ExplainFigure`: a figure's definition, its value, and the events behind it.
    func explainFigure(
        _ request: Fenliu_Reporting_V1_ExplainFigureRequest, context: RPCContext
    ) async throws -> Fenliu_Reporting_V1_ExplainFigureResponse {
        var violations = [FieldViolation]()
        let month = ReportingMonth(request.month)
        if month == nil {
            violations.append(
                FieldViolation(field: "month", description: request.month.isEmpty ? "is required, as YYYY-MM" : ReportingMonth.refusal(request.month)))
        }
        // The bulletin's JSON names figures in lowerCamelCase (diversionRate), the definitions in
        // snake_case: either is read.
        let figure = ExplainStore.snakeCase(request.figure)
        let definition = ExplainStore.definitions[figure]
        if definition == nil {
            violations.append(
                FieldViolation(
                    field: "figure",
                    description: "\"\(request.figure)\" is not a figure; one of \(ExplainStore.definitions.keys.sorted().joined(separator: ", "))"))
        }
        if let definition, definition.table == .calls, !request.departmentID.isEmpty {
            violations.append(FieldViolation(field: "departmentId", description: "\(request.figure) counts calls, which have no department"))
        }
        if let violation = Self.districtViolation(request.district) { violations.append(violation) }
        if let violation = PageSize.violation(request.pageSize) { violations.append(violation) }
        guard violations.isEmpty, let month, let definition else { throw ReportingError.invalidFields(violations) }
        let limit = try PageSize.resolve(request.pageSize, default: 50, maximum: 500)
        let explained = try await database.withConnection { connection in
            try ExplainStore.explain(
                definition, month: month, department: request.departmentID, district: Self.districtCode(request.district), limit: limit,
                on: connection)
        }
        return .with {
            $0.definition = definition.text
            // The bulletin's own convention: its Rate fields, and only they, end in `_rate`.
            $0.kind = figure.hasSuffix("_rate") ? "rate" : "count"
            $0.value = Ratio(numerator: explained.numerator, denominator: explained.denominator).proto
            $0.numeratorEvents = explained.numeratorEvents.map(\.proto)
            $0.denominatorEvents = explained.denominatorEvents.map(\.proto)
        }
    }
}
