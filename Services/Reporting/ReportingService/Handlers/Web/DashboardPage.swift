import FenliuModel
import Foundation

/// The dashboard at `GET /`: one server-rendered page in Chinese with inline SVG charts and inline
/// CSS — nothing fetched from anywhere, so it works on machines with no internet. One layout serves
/// a phone (one column from 375 px) and a wall screen (three columns, larger type, from 1600 px).
///
/// Every number the bulletin also answers carries `data-*` attributes (`data-figure`,
/// `data-district`, `data-department`), so the browser test can check the page against
/// `GetMonthlyBulletin`.
struct DashboardPage: Sendable {
    var bulletin: Bulletin
    /// The city's districts for the map grid, whatever the filter.
    var cityDistricts: [String: Figures]
    /// Calls by day and channel.
    var daily: [AnalyticsStore.MetricRow]
    /// Calls and tickets by category.
    var categories: [AnalyticsStore.MetricRow]
    /// The months before and this one, for the trends.
    var trend: [(month: ReportingMonth, figures: Figures)]
    var disputes: [AnalyticsStore.Dispute]
    var hotspots: [AnalyticsStore.Hotspot]
    var hotspotMinimum: Int
    var hops: [AnalyticsStore.Hop]

    /// Channel colours and names, in `Channel.allCases` order.
    static let channels: [(Channel, String, String)] = [
        (.police110, "110", "#1f4e9c"), (.hotline12345, "12345", "#e07b00"), (.fire119, "119", "#c62828"),
        (.medical120, "120", "#2e7d32"), (.open311, "Open311", "#6a1b9a"),
    ]

    /// Where each area sits on the map-like grid (column, row), roughly as Chengdu lies: the
    /// mountains to the west, the old city in the middle, Tianfu to the south, Jianyang to the east.
    static let gridPositions: [String: (Int, Int)] = [
        "510181": (1, 1), "510182": (2, 1), "510114": (3, 1), "510113": (4, 1), "510121": (5, 1),
        "510184": (1, 2), "510117": (2, 2), "510106": (3, 2), "510108": (4, 2), "510112": (5, 2),
        "510129": (1, 3), "510115": (2, 3), "510105": (3, 3), "510104": (4, 3), "510185": (5, 3),
        "510183": (1, 4), "510116": (2, 4), "510107": (3, 4), "CDGX": (4, 4),
        "510131": (1, 5), "510118": (2, 5), "TFXQ": (3, 5),
    ]

    var rendered: String {
        let month = bulletin.month.description
        let scope = bulletin.district.isEmpty ? "成都市" : ReportCSV.name(of: bulletin.district)
        var html = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>分流 · \(HTML.escape(scope)) \(month) 月度通报</title>
            <style>\(Self.style)</style></head>
            <body data-month="\(month)" data-district="\(HTML.escape(bulletin.district))">
            <header><h1>分流 <small>110 与 12345 联动 · 月度通报</small></h1>
            \(filterForm)
            </header><main>
            """
        html += section("本月概况 · \(HTML.escape(scope)) \(month)", wide: true, headline)
        html += section("每日来电（按渠道）", wide: true, dailyChart)
        html += section("分流率与满意率趋势", trendChart)
        html += section("事项分类", categoryChart)
        html += section("区域分布", districtGrid)
        html += section("部门排名", wide: true, rankingTable)
        html += section("争议事项（会商清单）", disputeList)
        html += section("热点（重复来电 ≥ \(hotspotMinimum)）", hotspotList)
        html += section("流转时长", hopTable)
        html += """
            </main><footer>计算于 \(HTML.escape(ReportCSV.local(bulletin.computedAt)))（北京时间）· 数据来自各服务事件日志 ·
            排名得分 = 0.3×按期办结率 + 0.2×按时签收率 + 0.3×满意率 + 0.2×(1−退单率)</footer>
            </body></html>
            """
        return html
    }

    private func section(_ title: String, wide: Bool = false, _ body: String) -> String {
        "<section\(wide ? " class=\"wide\"" : "")><h2>\(title)</h2>\(body)</section>\n"
    }

    private var filterForm: String {
        let options = District.all.map { area in
            "<option value=\"\(area.code)\"\(area.code == bulletin.district ? " selected" : "")>\(HTML.escape(area.name))</option>"
        }.joined()
        let query = "month=\(bulletin.month)" + (bulletin.district.isEmpty ? "" : "&amp;district=\(bulletin.district)")
        return """
            <form method="get" action="/" class="filters">
            <label>月份 <input type="month" name="month" value="\(bulletin.month)" min="2000-01" max="2999-12"></label>
            <label>区域 <select name="district"><option value="">全市</option>\(options)</select></label>
            <button type="submit">查看</button>
            <a href="/reports/monthly.csv?\(query)">下载月报 CSV</a> <a href="/reports/tickets.csv?\(query)">下载工单 CSV</a>
            </form>
            """
    }

    private var headline: String {
        let total = bulletin.total
        let previous = bulletin.previousTotal
        let cards: [(String, String, String, String, String)] = [
            ("calls", "来电总数", "\(total.calls)", countData(total.calls), change(total.calls, previous.calls)),
            ("diversion_rate", "110 分流率", rate(total.diversion), rateData(total.diversion), change(total.diversion, previous.diversion)),
            ("handed_to_110", "12345 转 110", "\(total.handedTo110)", countData(total.handedTo110), change(total.handedTo110, previous.handedTo110)),
            ("tickets", "工单数", "\(total.tickets)", countData(total.tickets), change(total.tickets, previous.tickets)),
            (
                "timely_sign_for_rate", "按时签收率", rate(total.timelySignFor), rateData(total.timelySignFor),
                change(total.timelySignFor, previous.timelySignFor)
            ),
            (
                "on_time_resolution_rate", "按期办结率", rate(total.onTimeResolution), rateData(total.onTimeResolution),
                change(total.onTimeResolution, previous.onTimeResolution)
            ),
            ("return_rate", "退单率", rate(total.returns), rateData(total.returns), change(total.returns, previous.returns)),
            ("reopen_rate", "重办率", rate(total.reopens), rateData(total.reopens), change(total.reopens, previous.reopens)),
            ("overdue", "超时工单", "\(total.overdue)", countData(total.overdue), change(total.overdue, previous.overdue)),
            ("extensions", "延期次数", "\(total.extensions)", countData(total.extensions), change(total.extensions, previous.extensions)),
            (
                "satisfaction_rate", "满意率", rate(total.satisfaction), rateData(total.satisfaction),
                change(total.satisfaction, previous.satisfaction)
            ),
            (
                "diversion_objections", "分流异议", "\(total.diversionObjections)", countData(total.diversionObjections),
                change(total.diversionObjections, previous.diversionObjections)
            ),
        ]
        return "<div class=\"cards\">"
            + cards.map { key, label, value, data, delta in
                "<div class=\"card\" data-figure=\"\(key)\" \(data)><span class=\"label\">\(label)</span><strong>\(value)</strong><span class=\"delta\">\(delta)</span></div>"
            }.joined() + "</div>"
    }

    private var dailyChart: String {
        let days = bulletin.month.days
        let index = Dictionary(uniqueKeysWithValues: days.enumerated().map { ($0.element, $0.offset) })
        var series = Self.channels.map { SVGChart.Series(name: $0.1, color: $0.2, values: Array(repeating: 0, count: days.count)) }
        for row in daily {
            guard row.keys.count == 2, let day = index[row.keys[0]],
                let channel = Self.channels.firstIndex(where: { $0.0.code == row.keys[1] })
            else { continue }
            series[channel].values[day] = Double(row.calls)
        }
        let labels = days.map { String($0.suffix(2)) }
        // On a phone the month's columns stay readable: the chart keeps its width and scrolls sideways.
        return "<div class=\"scroll\"><div class=\"daily\">"
            + SVGChart.stackedColumns(labels: labels, series: series, title: "\(bulletin.month) 每日来电，按渠道") + "</div></div>"
    }

    private var trendChart: String {
        let labels = trend.map { String(format: "%d月", $0.month.month) }
        let diversion = trend.map { $0.figures.diversion.isEmpty ? nil : $0.figures.diversion.value }
        let satisfaction = trend.map { $0.figures.satisfaction.isEmpty ? nil : $0.figures.satisfaction.value }
        return SVGChart.rateLines(
            labels: labels,
            series: [
                SVGChart.Series(name: "110 分流率", color: "#1f4e9c", values: diversion),
                SVGChart.Series(name: "满意率", color: "#2e7d32", values: satisfaction),
            ], title: "近 \(trend.count) 个月分流率与满意率")
    }

    private var categoryChart: String {
        let items = categories.compactMap { row -> (label: String, value: Int64)? in
            guard let code = row.keys.first, let category = Category(code: code), row.calls > 0 else { return nil }
            return (category.chineseName, row.calls)
        }.sorted { $0.value > $1.value }
        return SVGChart.bars(items, color: "#3d6fb6", title: "\(bulletin.month) 各类事项来电数")
    }

    private var districtGrid: String {
        let maximum = max(cityDistricts.values.map(\.calls).max() ?? 0, 1)
        var html = "<div class=\"map\">"
        for area in District.all {
            guard let (column, row) = Self.gridPositions[area.code] else { continue }
            let figures = cityDistricts[area.code] ?? Figures()
            let share = Double(figures.calls) / Double(maximum)
            let lightness = 94 - Int(share * 56)
            let selected = area.code == bulletin.district
            html += """
                <a class="tile\(selected ? " selected" : "")\(lightness < 62 ? " dark" : "")" href="/?month=\(bulletin.month)&amp;district=\(area.code)" \
                style="grid-column:\(column);grid-row:\(row);background:hsl(214,60%,\(lightness)%)" data-district="\(area.code)" data-calls="\(figures.calls)">\
                <span>\(HTML.escape(area.name))</span><b>\(figures.calls)</b><small>分流 \(rate(figures.diversion))</small></a>
                """
        }
        return html + "</div><p class=\"note\">颜色越深来电越多 · 点击区域查看该区通报</p>"
    }

    private var rankingTable: String {
        guard !bulletin.departments.isEmpty else { return "<p class=\"empty\">本月暂无工单</p>" }
        var html = """
            <div class="scroll tall"><table><thead><tr><th>排名</th><th>部门</th><th>区域</th><th>工单</th><th>按时签收率</th>\
            <th>按期办结率</th><th>退单率</th><th>满意率</th><th>超时</th><th>得分</th><th>较上月</th></tr></thead><tbody>
            """
        for line in bulletin.departments {
            let figures = line.figures
            let previousScore = Ranking.score(line.previous)
            let delta = line.score.flatMap { score in previousScore.map { String(format: "%+.1f", (score - $0) * 100) } } ?? "—"
            html += """
                <tr data-department="\(HTML.escape(line.id))" data-rank="\(line.rank)" data-tickets="\(figures.tickets)">\
                <td>\(line.rank > 0 ? String(line.rank) : "—")</td><td>\(HTML.escape(line.name))</td>\
                <td>\(HTML.escape(ReportCSV.name(of: line.district)))</td><td>\(figures.tickets)</td><td>\(rate(figures.timelySignFor))</td>\
                <td>\(rate(figures.onTimeResolution))</td><td>\(rate(figures.returns))</td><td>\(rate(figures.satisfaction))</td>\
                <td>\(figures.overdue)</td><td>\(line.score.map { String(format: "%.1f", $0 * 100) } ?? "—")</td><td>\(delta)</td></tr>
                """
        }
        return html + "</tbody></table></div>"
    }

    private var disputeList: String {
        guard !disputes.isEmpty else { return "<p class=\"empty\">本月没有退单或转派的事项</p>" }
        var html = "<div class=\"scroll\"><table><thead><tr><th>事项</th><th>区域</th><th>工单</th><th>涉及部门</th><th>理由</th></tr></thead><tbody>"
        for dispute in disputes.prefix(30) {
            html += """
                <tr><td>\(HTML.escape(Category(code: dispute.category)?.chineseName ?? dispute.category))</td>\
                <td>\(HTML.escape(ReportCSV.name(of: dispute.district)))</td><td>\(dispute.tickets.count)</td>\
                <td>\(HTML.escape(dispute.departments.joined(separator: "、")))</td>\
                <td>\(HTML.escape(dispute.reasons.prefix(3).joined(separator: "；")))</td></tr>
                """
        }
        return html + "</tbody></table></div>"
    }

    private var hotspotList: String {
        guard !hotspots.isEmpty else { return "<p class=\"empty\">本月没有重复来电的热点</p>" }
        var html = "<div class=\"scroll\"><table><thead><tr><th>地点</th><th>区域</th><th>事项</th><th>来电</th><th>最近</th></tr></thead><tbody>"
        for hotspot in hotspots.prefix(20) {
            let place = hotspot.place.hasPrefix("incident:") ? "同一事件" : "网格 " + hotspot.place
            html += """
                <tr><td>\(HTML.escape(place))</td><td>\(HTML.escape(ReportCSV.name(of: hotspot.district)))</td>\
                <td>\(HTML.escape(Category(code: hotspot.category)?.chineseName ?? "—"))</td><td>\(hotspot.calls.count)</td>\
                <td>\(HTML.escape(ReportCSV.local(hotspot.last)))</td></tr>
                """
        }
        return html + "</tbody></table></div>"
    }

    private var hopTable: String {
        let names = [
            "received→classified": "受理→分类", "classified→ticket created": "分类→建单", "ticket created→delivered": "建单→送达",
            "delivered→accepted": "送达→签收", "accepted→resolved": "签收→办结",
        ]
        var html = "<div class=\"scroll\"><table><thead><tr><th>环节</th><th>次数</th><th>P50</th><th>P90</th><th>P99</th></tr></thead><tbody>"
        for hop in hops {
            html += """
                <tr><td>\(names[hop.name] ?? HTML.escape(hop.name))</td><td>\(hop.count)</td><td>\(duration(hop.p50))</td>\
                <td>\(duration(hop.p90))</td><td>\(duration(hop.p99))</td></tr>
                """
        }
        return html + "</tbody></table></div>"
    }

    private func rate(_ ratio: Ratio) -> String { ratio.isEmpty ? "—" : SVGChart.percent(ratio.value) }

    private func rateData(_ ratio: Ratio) -> String { "data-numerator=\"\(ratio.numerator)\" data-denominator=\"\(ratio.denominator)\"" }

    private func countData(_ value: Int64) -> String { "data-value=\"\(value)\"" }

    private func change(_ now: Int64, _ before: Int64) -> String {
        guard before > 0 else { return "上月 \(before)" }
        return String(format: "较上月 %+.1f%%", (Double(now) - Double(before)) / Double(before) * 100)
    }

    private func change(_ now: Ratio, _ before: Ratio) -> String {
        guard !now.isEmpty, !before.isEmpty else { return before.isEmpty ? "上月 —" : "上月 \(rate(before))" }
        return String(format: "较上月 %+.1f 个百分点", (now.value - before.value) * 100)
    }

    private func duration(_ seconds: Double) -> String {
        switch seconds {
        case ..<1: String(format: "%.0f 毫秒", seconds * 1000)
        case ..<120: String(format: "%.1f 秒", seconds)
        case ..<7200: String(format: "%.0f 分钟", seconds / 60)
        default: String(format: "%.1f 小时", seconds / 3600)
        }
    }

    static let style = """
        *{box-sizing:border-box}
        body{margin:0;background:#f3f5f8;color:#1c2733;font:15px/1.5 "Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
        header{background:#12355b;color:#fff;padding:12px 16px}
        h1{margin:0 0 8px;font-size:1.4em}h1 small{font-size:.6em;opacity:.8;font-weight:normal}
        .filters{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center}
        .filters input,.filters select,.filters button{font:inherit;padding:4px 6px;border-radius:4px;border:1px solid #9fb3c8}
        .filters a{color:#cfe3ff}
        main{display:grid;gap:14px;padding:14px;grid-template-columns:repeat(auto-fit,minmax(min(100%,440px),1fr))}
        section{background:#fff;border-radius:8px;padding:12px 14px;box-shadow:0 1px 3px #0002;min-width:0}
        section.wide{grid-column:1/-1}
        h2{margin:0 0 10px;font-size:1.1em;color:#12355b}
        .cards{display:grid;gap:10px;grid-template-columns:repeat(auto-fit,minmax(140px,1fr))}
        .card{background:#eef3fa;border-radius:6px;padding:8px 10px;display:flex;flex-direction:column}
        .card strong{font-size:1.7em;color:#12355b}.card .label,.card .delta{font-size:.85em;color:#4a5a6a}
        svg{width:100%;height:auto;display:block}
        svg .grid{stroke:#dde3ea;stroke-width:1}svg .tick{font-size:12px;fill:#5a6a7a}svg .label{font-size:13px;fill:#1c2733}
        .legend{margin:4px 0 0;font-size:.85em}.legend span{margin-right:12px;white-space:nowrap}
        .legend i{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:4px;vertical-align:-1px}
        .map{display:grid;grid-template-columns:repeat(5,1fr);gap:6px}
        .tile{display:flex;flex-direction:column;align-items:center;padding:6px 2px;border-radius:6px;color:#12355b;text-decoration:none;min-width:0}
        .tile.dark{color:#fff}.tile.selected{outline:3px solid #e07b00}
        .tile span{font-size:.8em;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:100%}.tile b{font-size:1.2em}
        .tile small{font-size:.7em;opacity:.85}
        .scroll{overflow-x:auto}.tall{max-height:34em;overflow-y:auto}.daily{min-width:720px}
        thead th{position:sticky;top:0;background:#fff}
        table{width:100%;border-collapse:collapse;font-size:.9em}
        th,td{padding:5px 6px;border-bottom:1px solid #e3e8ee;text-align:left;white-space:nowrap}
        th{color:#4a5a6a;font-weight:600}
        .empty,.note{color:#6a7a8a;font-size:.9em}
        footer{padding:10px 16px 20px;color:#6a7a8a;font-size:.8em}
        @media (min-width:1600px){body{font-size:19px}main{grid-template-columns:repeat(3,1fr)}.card strong{font-size:2.1em}}
        """
}
