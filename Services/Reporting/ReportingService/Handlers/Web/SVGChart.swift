import Foundation

/// Escapes text for HTML and SVG (element content and quoted attributes).
enum HTML {
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// Charts drawn as inline SVG on the server: no scripts, fonts or anything fetched, so the
/// dashboard works on a machine with no internet. Each chart scales to its container (`viewBox`,
/// width 100%), so one drawing serves a phone and a wall screen.
enum SVGChart {
    /// A series of a chart.
    struct Series: Sendable {
        var name: String
        var color: String
        var values: [Double?]

        /// The value at `index`, 0 when missing.
        func value(at index: Int) -> Double { values.indices.contains(index) ? values[index] ?? 0 : 0 }
    }

    /// Stacked columns, one per label (days), one colour per series (channels).
    static func stackedColumns(labels: [String], series: [Series], title: String) -> String {
        let width = 1200.0
        let height = 280.0
        let left = 44.0
        let bottom = 28.0
        let top = 12.0
        let plotHeight = height - bottom - top
        let totals = labels.indices.map { index in series.reduce(0.0) { $0 + $1.value(at: index) } }
        let maximum = niceCeiling(totals.max() ?? 0)
        let slot = (width - left - 8) / Double(max(labels.count, 1))
        var svg = open(width: width, height: height, title: title)
        svg += axis(left: left, top: top, width: width, plotHeight: plotHeight, maximum: maximum, format: { String(Int($0)) })
        for (index, label) in labels.enumerated() {
            var y = top + plotHeight
            let x = left + Double(index) * slot + slot * 0.15
            for item in series {
                let value = item.value(at: index)
                guard value > 0, maximum > 0 else { continue }
                let barHeight = value / maximum * plotHeight
                y -= barHeight
                svg += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(slot * 0.7))\" height=\"\(f(barHeight))\" fill=\"\(item.color)\">"
                svg += "<title>\(HTML.escape(label)) \(HTML.escape(item.name)) \(Int(value))</title></rect>"
            }
            if labels.count <= 12 || index % max(1, labels.count / 8) == 0 {
                svg += "<text x=\"\(f(x + slot * 0.35))\" y=\"\(f(height - 8))\" text-anchor=\"middle\" class=\"tick\">\(HTML.escape(label))</text>"
            }
        }
        return svg + "</svg>" + legend(series)
    }

    /// Lines of rates (0–1) over labels (months); a missing value breaks the line.
    static func rateLines(labels: [String], series: [Series], title: String) -> String {
        let width = 480.0
        let height = 240.0
        let left = 44.0
        let bottom = 28.0
        let top = 12.0
        let plotHeight = height - bottom - top
        let step = (width - left - 24) / Double(max(labels.count - 1, 1))
        var svg = open(width: width, height: height, title: title)
        svg += axis(left: left, top: top, width: width, plotHeight: plotHeight, maximum: 1, format: { "\(Int($0 * 100))%" })
        for (index, label) in labels.enumerated() {
            svg += "<text x=\"\(f(left + Double(index) * step))\" y=\"\(f(height - 8))\" text-anchor=\"middle\" class=\"tick\">\(HTML.escape(label))</text>"
        }
        for item in series {
            var path = ""
            for (index, value) in item.values.enumerated() {
                guard let value else {
                    path += " "
                    continue
                }
                let x = left + Double(index) * step
                let y = top + plotHeight * (1 - min(max(value, 0), 1))
                path += (path.isEmpty || path.hasSuffix(" ") ? "M" : "L") + "\(f(x)),\(f(y))"
                svg += "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"4\" fill=\"\(item.color)\">"
                svg += "<title>\(HTML.escape(labels[safe: index] ?? "")) \(HTML.escape(item.name)) \(percent(value))</title></circle>"
            }
            svg += "<path d=\"\(path.trimmingCharacters(in: .whitespaces))\" fill=\"none\" stroke=\"\(item.color)\" stroke-width=\"3\"/>"
        }
        return svg + "</svg>" + legend(series)
    }

    /// Horizontal bars with their values, largest first as given.
    static func bars(_ items: [(label: String, value: Int64)], color: String, title: String) -> String {
        let rowHeight = 24.0
        let width = 480.0
        let labelWidth = 84.0
        let height = max(rowHeight * Double(items.count) + 8, 40)
        let maximum = Double(items.map(\.value).max() ?? 0)
        var svg = open(width: width, height: height, title: title)
        if items.isEmpty {
            svg += "<text x=\"\(f(width / 2))\" y=\"24\" text-anchor=\"middle\" class=\"tick\">本月暂无数据</text>"
        }
        for (index, item) in items.enumerated() {
            let y = 4 + Double(index) * rowHeight
            let barWidth = maximum > 0 ? Double(item.value) / maximum * (width - labelWidth - 50) : 0
            svg += "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 16))\" text-anchor=\"end\" class=\"label\">\(HTML.escape(item.label))</text>"
            svg += "<rect x=\"\(f(labelWidth))\" y=\"\(f(y + 3))\" width=\"\(f(barWidth))\" height=\"\(f(rowHeight - 8))\" rx=\"3\" fill=\"\(color)\"/>"
            svg += "<text x=\"\(f(labelWidth + barWidth + 6))\" y=\"\(f(y + 16))\" class=\"label\">\(item.value)</text>"
        }
        return svg + "</svg>"
    }

    private static func open(width: Double, height: Double, title: String) -> String {
        "<svg viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(HTML.escape(title))\" preserveAspectRatio=\"xMidYMid meet\">"
    }

    /// The value axis: gridlines at quarters of `maximum`.
    private static func axis(
        left: Double, top: Double, width: Double, plotHeight: Double, maximum: Double, format: (Double) -> String
    ) -> String {
        var svg = ""
        for quarter in 0...4 {
            let value = maximum * Double(quarter) / 4
            let y = top + plotHeight * (1 - Double(quarter) / 4)
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(width - 4))\" y2=\"\(f(y))\" class=\"grid\"/>"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\" class=\"tick\">\(format(value))</text>"
        }
        return svg
    }

    private static func legend(_ series: [Series]) -> String {
        "<p class=\"legend\">"
            + series.map { "<span><i style=\"background:\($0.color)\"></i>\(HTML.escape($0.name))</span>" }.joined(separator: " ") + "</p>"
    }

    /// The smallest of 1, 2, 5 × 10ⁿ at or above `value` (at least 4, so quarters are whole).
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 4 else { return 4 }
        let magnitude = pow(10, floor(log10(value)))
        for factor in [1.0, 2, 4, 5, 10] where factor * magnitude >= value { return factor * magnitude }
        return 10 * magnitude
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
