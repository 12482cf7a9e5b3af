import FenliuModel
import Foundation

/// The monthly bulletin (每月通报): the city, each district, each department, each beside the month
/// before. What `GetMonthlyBulletin`, the CSV and the dashboard all show, built in one place.
struct Bulletin: Sendable {
    /// One district's line.
    struct DistrictLine: Sendable {
        /// The area code; empty for calls and tickets whose area is not known.
        var code: String
        var name: String
        var figures: Figures
        var previous: Figures
    }

    /// One department's line, ranked.
    struct DepartmentLine: Sendable {
        /// The department id; empty for tickets waiting at the 12345 centre for a holder.
        var id: String
        var name: String
        /// The area most of its tickets are in.
        var district: String
        var figures: Figures
        var previous: Figures
        /// The ranking score, or `nil` when there is nothing to rank it on.
        var score: Double?
        /// 1 is best; 0 is unranked.
        var rank: Int
    }

    var month: ReportingMonth
    /// The district filter, or empty for the whole city.
    var district: String
    var total: Figures
    var previousTotal: Figures
    /// The 22 areas in `districts.tsv` order (all of them, so a quiet area shows a zero), then the
    /// unknown area when anything had none; with a filter, that area alone.
    var districts: [DistrictLine]
    /// Ranked first, best first; then the unranked.
    var departments: [DepartmentLine]
    var computedAt: Date

    /// What the stores found, by key, for the month and the one before.
    struct Parts: Sendable {
        var districts: [String: Figures] = [:]
        var departments: [String: Figures] = [:]
        /// Each department's area (its tickets' most common one).
        var homes: [String: String] = [:]
        /// Department names routing gave.
        var names: [String: String] = [:]
    }

    /// Builds the bulletin. The totals are the sums of the district lines, which cover every call
    /// and every ticket of the month (the unknown area included), so totals equal the sum of their
    /// parts by construction; department lines partition the tickets the same way.
    init(month: ReportingMonth, district: String, current: Parts, previous: Parts, computedAt: Date) {
        self.month = month
        self.district = district
        self.computedAt = computedAt
        let areas: [District] = district.isEmpty ? District.all : District.all.filter { $0.code == district }
        var lines = areas.map { area in
            DistrictLine(
                code: area.code, name: area.name, figures: current.districts[area.code] ?? Figures(),
                previous: previous.districts[area.code] ?? Figures())
        }
        let known = Set(District.all.map(\.code))
        let unknownNow = current.districts.filter { !known.contains($0.key) }.values.reduce(Figures(), +)
        let unknownBefore = previous.districts.filter { !known.contains($0.key) }.values.reduce(Figures(), +)
        if district.isEmpty, unknownNow != Figures() || unknownBefore != Figures() {
            lines.append(DistrictLine(code: "", name: "未知区域", figures: unknownNow, previous: unknownBefore))
        }
        districts = lines
        total = lines.map(\.figures).reduce(Figures(), +)
        previousTotal = lines.map(\.previous).reduce(Figures(), +)

        var departments = Set(current.departments.keys).union(previous.departments.keys).map { id in
            let figures = current.departments[id] ?? Figures()
            // 110, 119 and 120 are shown with their tickets but neither ranked nor placed in an area:
            // the ranking is of the district departments that work 12345's orders (绩效排名), and
            // an agency serving the whole city has no home district. Unranked, they scored 1.000
            // (nothing to return, no callbacks) and topped it.
            let agency = Destination.emergencyServiceIDs.contains(id)
            return DepartmentLine(
                id: id, name: id.isEmpty ? "12345 待派单" : (current.names[id] ?? id),
                district: agency ? "" : current.homes[id] ?? previous.homes[id] ?? "",
                figures: figures, previous: previous.departments[id] ?? Figures(), score: id.isEmpty || agency ? nil : Ranking.score(figures),
                rank: 0)
        }
        departments.sort { lhs, rhs in
            switch (lhs.score, rhs.score) {
            case (let left?, let right?) where left != right: return left > right
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (lhs.figures.tickets, rhs.id) > (rhs.figures.tickets, lhs.id)
            }
        }
        var rank = 0
        for index in departments.indices where departments[index].score != nil {
            rank += 1
            departments[index].rank = rank
        }
        self.departments = departments
    }
}
