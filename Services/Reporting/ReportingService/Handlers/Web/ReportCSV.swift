import FenliuModel
import Foundation

/// The two downloads (README, "Reporting", lists every column): the month's bulletin as one row
/// per line (city, district, department), and one row per ticket.
enum ReportCSV {
    /// `monthly.csv`: the columns, in order.
    static let monthlyHeader = [
        "层级", "代码", "名称", "所属区域", "来电总数", "110来电", "12345来电", "119来电", "120来电", "Open311来电", "110分流数", "110已分类数",
        "分流率", "12345转110数", "工单数", "按时签收数", "已签收数", "按时签收率", "按期办结数", "已办结数", "按期办结率", "退单数", "经手数", "退单率",
        "重办数", "重办率", "超时数", "延期次数", "满意数", "回访接通数", "满意率", "分流异议数", "排名得分", "排名",
    ]

    /// The bulletin as `monthly.csv`.
    static func monthly(_ bulletin: Bulletin) -> CSVTable {
        var table = CSVTable(header: monthlyHeader)
        table.append(
            row(level: "全市", code: bulletin.district, name: bulletin.district.isEmpty ? "成都市" : name(of: bulletin.district), district: "", bulletin.total))
        for line in bulletin.districts {
            table.append(row(level: "区域", code: line.code, name: line.name, district: line.code, line.figures))
        }
        for line in bulletin.departments {
            var fields = row(level: "部门", code: line.id, name: line.name, district: line.district, line.figures)
            fields[fields.count - 2] = line.score.map { .number(String(format: "%.4f", $0)) } ?? .text("")
            fields[fields.count - 1] = line.rank > 0 ? .integer(line.rank) : .text("")
            table.append(fields)
        }
        return table
    }

    private static func row(level: String, code: String, name: String, district: String, _ figures: Figures)
        -> [CSVTable.Field]
    {
        let channels = Channel.allCases.map { CSVTable.Field.integer(figures.callsByChannel[$0.code] ?? 0) }
        return [.text(level), .text(code), .text(name), .text(district), .integer(figures.calls)] + channels + [
            .integer(figures.diversion.numerator), .integer(figures.diversion.denominator), .rate(figures.diversion), .integer(figures.handedTo110),
            .integer(figures.tickets), .integer(figures.timelySignFor.numerator), .integer(figures.timelySignFor.denominator),
            .rate(figures.timelySignFor), .integer(figures.onTimeResolution.numerator), .integer(figures.onTimeResolution.denominator),
            .rate(figures.onTimeResolution), .integer(figures.returns.numerator),
            // The return rate's denominator: each department that held one of the month's tickets, once.
            .integer(figures.returns.denominator), .rate(figures.returns), .integer(figures.reopens.numerator),
            .rate(figures.reopens), .integer(figures.overdue), .integer(figures.extensions), .integer(figures.satisfaction.numerator),
            .integer(figures.satisfaction.denominator), .rate(figures.satisfaction), .integer(figures.diversionObjections), "", "",
        ]
    }

    /// `tickets.csv`: the columns, in order.
    static let ticketHeader = [
        "工单号", "来电号", "创建时间", "事项代码", "事项", "区域代码", "区域", "部门代码", "部门", "优先级", "来电渠道", "类型", "送达时间", "签收时间",
        "签收时限", "办结时间", "办结时限", "关闭时间", "按时签收", "按期办结", "退单", "转派次数", "重办", "超时", "延期次数", "满意度", "分流异议",
    ]

    /// The month's tickets as `tickets.csv`.
    static func tickets(_ facts: [TicketFact]) -> CSVTable {
        var table = CSVTable(header: ticketHeader)
        for fact in facts {
            let signedInTime = fact.acceptedAt.map { accepted in fact.signForDue.map { accepted <= $0 } ?? false }
            let resolvedInTime = fact.resolvedAt.map { resolved in fact.resolveDue.map { resolved <= $0 } ?? false }
            table.append([
                .text(fact.ticketID), .text(fact.callID), .text(local(fact.createdAt)), .text(fact.category),
                .text(Category(code: fact.category)?.chineseName ?? ""), .text(fact.district), .text(name(of: fact.district)),
                .text(fact.departmentID), .text(fact.departmentName), .text(fact.priority), .text(fact.channel), .text(fact.kind),
                .text(local(fact.deliveredAt)), .text(local(fact.acceptedAt)), .text(local(fact.signForDue)), .text(local(fact.resolvedAt)),
                .text(local(fact.resolveDue)), .text(local(fact.closedAt)), .text(yesNo(signedInTime)), .text(yesNo(resolvedInTime)),
                .text(yesNo(fact.returned)), .integer(fact.reassignments), .text(yesNo(fact.reopened)), .text(yesNo(fact.overdue)),
                .integer(fact.extensions), .text(fact.satisfaction), .text(yesNo(fact.objectsToDiversion)),
            ])
        }
        return table
    }

    /// An area's Chinese name, or its code when unknown.
    static func name(of district: String) -> String { District.withCode(district)?.name ?? district }

    /// 是 / 否, or empty when not applicable yet.
    static func yesNo(_ value: Bool?) -> String { value.map { $0 ? "是" : "否" } ?? "" }

    /// A time as Chengdu reads it: `2026-11-30 23:30:00`, or empty.
    static func local(_ date: Date?) -> String {
        guard let date else { return "" }
        return ChengduTime.string(date)
    }
}

/// Asia/Shanghai time for people (UTC+8, no daylight saving), written without a DateFormatter:
/// a CSV of a month's tickets writes hundreds of thousands of times.
enum ChengduTime {
    /// `2026-11-30 23:30:00`.
    static func string(_ date: Date) -> String {
        var seconds = time_t((date.timeIntervalSince1970 + ReportingMonth.offset).rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour),
            Int(parts.tm_min), Int(parts.tm_sec))
    }
}
