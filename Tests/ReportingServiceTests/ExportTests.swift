import FenliuModel
import Foundation
import HTTPClient
import RPC
import SwiftProtobuf
import TestSupport
import Testing

@testable import ReportingService

/// The CSV downloads and the dashboard page, as served.
@Suite("Reporting: CSV and the dashboard page")
struct ExportTests {
    /// The rows of an RFC 4180 document (quoted fields may hold commas, quotes and line breaks).
    static func parseCSV(_ text: String) -> [[String]] {
        var rows = [[String]]()
        var row = [String]()
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        field.unicodeScalars.append(scalars.removeFirst())
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                row.append(field)
                field = ""
            } else if scalar == "\r", scalars.first == "\n" {
                scalars.removeFirst()
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        return rows
    }

    @Test("monthly.csv: a BOM, CRLF, every line of the bulletin, and Chinese text with commas and line breaks quoted")
    func monthlyCSV() async throws {
        try await ReportingHarness.with { harness in
            try await harness.ingest(NovemberFixture.log.events)
            let response = try await harness.get("/reports/monthly.csv?month=2026-11")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "text/csv; charset=utf-8")
            #expect(response.header("Content-Disposition") == "attachment; filename=\"fenliu-monthly-2026-11.csv\"")
            #expect(Array(response.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let text = String(decoding: response.body.dropFirst(3), as: UTF8.self)
            #expect(text.hasSuffix("\r\n"))
            #expect(text.contains("\"锦江区市场监管局, 食品科\""), "a name with a comma is quoted")
            let rows = Self.parseCSV(text)
            let header = try #require(rows.first)
            #expect(header.count == 34)
            #expect(rows.allSatisfy { $0.count == header.count })
            #expect(rows[1][0] == "全市")
            #expect(rows[1][header.firstIndex(of: "来电总数")!] == "7")
            #expect(rows[1][header.firstIndex(of: "分流率")!] == "0.3333")
            // The return rate can be recomputed from the file: returns over holdings (1/5).
            #expect(rows[1][header.firstIndex(of: "退单数")!] == "1")
            #expect(rows[1][header.firstIndex(of: "经手数")!] == "5")
            #expect(rows[1][header.firstIndex(of: "退单率")!] == "0.2000")
            // An area by name, percent-encoded, as by code.
            let byName = try await harness.get("/reports/monthly.csv?month=2026-11&district=%E9%94%A6%E6%B1%9F%E5%8C%BA")
            #expect(byName.status == 200)
            #expect(byName.header("Content-Disposition") == "attachment; filename=\"fenliu-monthly-2026-11-510104.csv\"")
            #expect(rows.filter { $0[0] == "区域" }.count == 22)
            let scj = try #require(rows.first { $0[1] == "510104-scj" })
            #expect(scj[2] == "锦江区市场监管局, 食品科")
            #expect(scj[header.firstIndex(of: "排名")!] == "3")
            #expect(scj[header.firstIndex(of: "排名得分")!] == "0.7000")
        }
    }

    @Test("tickets.csv lists the month's tickets with Chengdu times; bad parameters are 400 naming them")
    func ticketsCSV() async throws {
        try await ReportingHarness.with { harness in
            try await harness.ingest(NovemberFixture.log.events)
            let response = try await harness.get("/reports/tickets.csv?month=2026-11&district=510104")
            #expect(response.status == 200)
            let rows = Self.parseCSV(String(decoding: response.body.dropFirst(3), as: UTF8.self))
            let header = try #require(rows.first)
            #expect(rows.dropFirst().map { $0[0] } == ["t1", "t3", "t4"])
            let t1 = rows[1]
            #expect(t1[header.firstIndex(of: "创建时间")!] == "2026-11-01 01:00:00")
            #expect(t1[header.firstIndex(of: "事项")!] == "市容管理")
            #expect(t1[header.firstIndex(of: "按时签收")!] == "是")
            #expect(t1[header.firstIndex(of: "满意度")!] == "SATISFIED")
            let t3 = rows[2]
            #expect(t3[header.firstIndex(of: "按期办结")!] == "", "not resolved yet")

            for (path, word) in [
                ("/reports/tickets.csv?month=2026-13", "month"), ("/reports/monthly.csv?month=2026-11&district=x", "district"),
                ("/?month=abc", "month"),
            ] {
                let bad = try await harness.get(path)
                #expect(bad.status == 400, "\(path)")
                #expect(bad.text.hasPrefix(word), "\(path): \(bad.text)")
            }
        }
    }

    @Test("a text field that a spreadsheet would run as a formula is written as text")
    func formulaGuard() {
        var table = CSVTable(header: ["a", "b", "c"])
        table.append([.text("=HYPERLINK(\"http://x\")"), .text("-1+1"), .integer(-5)])
        table.append([.text("@SUM(A1)"), .text("普通, 文本\r\n第二行"), .rate(Ratio(numerator: 1, denominator: 8))])
        let rows = Self.parseCSV(String(table.rendered.dropFirst()))
        #expect(rows[1] == ["'=HYPERLINK(\"http://x\")", "'-1+1", "-5"])
        #expect(rows[2] == ["'@SUM(A1)", "普通, 文本\r\n第二行", "0.1250"])
        #expect(table.rendered.hasPrefix("\u{FEFF}a,b,c\r\n"))
    }

    @Test("the dashboard is Chinese HTML with inline charts, nothing fetched, and the bulletin's numbers in data attributes")
    func dashboardPage() async throws {
        try await ReportingHarness.with { harness in
            try await harness.ingest(NovemberFixture.log.events)
            let response = try await harness.get("/?month=2026-11")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            let html = response.text
            #expect(html.contains("<html lang=\"zh-CN\">"))
            #expect(html.contains("<svg"))
            #expect(!html.contains("<script"))
            #expect(!html.contains("http://") && !html.contains("https://"), "no external resources")
            #expect(html.contains("data-figure=\"calls\" data-value=\"7\""))
            #expect(html.contains("data-figure=\"diversion_rate\" data-numerator=\"1\" data-denominator=\"3\""))
            #expect(html.contains("data-department=\"510104-pcs\" data-rank=\"1\""))
            #expect(html.contains("data-district=\"510104\" data-calls=\"4\""))
            #expect(html.contains("锦江区市场监管局, 食品科"))
            #expect(html.contains("不属于本部门职责"))
            // Text from events is escaped, never markup.
            var log = EventLog()
            log.created(
                "t9", call: "c99", "510104-x", name: "<b>坏</b>&\"名\"", "510104", .cityAppearance, channel: .channel110,
                at: EventLog.chengdu("2026-11-02 10:00"))
            try await harness.ingest(log.events)
            let escaped = try await harness.get("/?month=2026-11").text
            #expect(escaped.contains("&lt;b&gt;坏&lt;/b&gt;&amp;&quot;名&quot;"))
            #expect(!escaped.contains("<b>坏</b>"))
        }
    }

    @Test("HEAD on every page answers the GET's status and headers with no body")
    func headOnPages() async throws {
        try await ReportingHarness.with { harness in
            for path in ["/", "/reports/monthly.csv?month=2026-11", "/reports/tickets.csv", "/?month=2026-13"] {
                let get = try await harness.get(path)
                let head = try await harness.get(path, method: "HEAD")
                #expect(head.status == get.status, "HEAD \(path)")
                #expect(head.header("Content-Type") == get.header("Content-Type"), "HEAD \(path)")
                #expect(head.body.isEmpty, "HEAD \(path)")
            }
            #expect(try await harness.get("/?month=2026-13", method: "HEAD").status == 400)
        }
    }
}
