import Foundation

/// A chart drawn on the server as SVG by `chart.mustache`: every mark, line and label with its
/// coordinates worked out here, so the page needs no script. Screen readers get the title and
/// description (`role="img"`, `aria-labelledby`); the numbers are in the table beside it.
struct ChartView {
    /// One bar: a table row's value.
    struct Bar {
        let x: String
        let y: String
        let width: String
        let height: String
        let series: Int
        let label: String
    }

    /// One point of a line: a table row's value.
    struct Point {
        let cx: String
        let cy: String
        let series: Int
        let label: String
    }

    /// A series' line through its points.
    struct Line {
        let points: String
        let series: Int
    }

    /// A grid line with its value, or an axis label without a line.
    struct Guide {
        let x1: String
        let y1: String
        let x2: String
        let y2: String
        let hasLine: Bool
        let labelX: String
        let labelY: String
        let anchor: String
        let label: String
    }

    struct LegendEntry {
        let series: Int
        let label: String
    }

    let id: String
    let title: String
    let desc: String
    let width: Int
    let height: Int
    let bars: [Bar]
    let points: [Point]
    let lines: [Line]
    let guides: [Guide]
    let legend: [LegendEntry]
    let hasLegend: Bool

    /// The number of colours `app.css` gives the series (`series-0` …); more series reuse them.
    static let colours = 8

    init(id: String, title: String, desc: String, width: Int, height: Int, bars: [Bar] = [], points: [Point] = [],
         lines: [Line] = [], guides: [Guide], legend: [LegendEntry] = []) {
        self.id = id
        self.title = title
        self.desc = desc
        self.width = width
        self.height = height
        self.bars = bars
        self.points = points
        self.lines = lines
        self.guides = guides
        self.legend = legend
        hasLegend = legend.count > 1
    }

    /// A coordinate with one decimal.
    static func coordinate(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}

/// Values by month and series (a region, an organisation): bars grouped per month, or one
/// line per series with a point per value. One mark per datum, in the data's order.
struct MonthlyChart {
    struct Datum {
        let month: String
        let series: String
        let value: Double?
        /// The words a mark's tooltip says.
        let label: String
    }

    enum Marks { case bars, lines }

    static let width = 760.0, height = 300.0
    static let left = 56.0, right = 12.0, top = 12.0, bottom = 40.0

    static func chart(id: String, title: String, desc: String, data: [Datum], marks: Marks, seriesName: (String) -> String) -> ChartView {
        let months = Array(Set(data.map(\.month))).sorted()
        let series = data.map(\.series).uniqued()
        let scale = ValueScale(maximum: data.compactMap(\.value).max() ?? 0)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let slot = plotWidth / Double(max(months.count, 1))
        func y(_ value: Double?) -> Double { top + plotHeight * (1 - (value ?? 0) / scale.top) }
        func colour(_ name: String) -> Int { (series.firstIndex(of: name) ?? 0) % ChartView.colours }
        var guides = scale.ticks.map { tick in
            ChartView.Guide(
                x1: ChartView.coordinate(left), y1: ChartView.coordinate(y(tick)), x2: ChartView.coordinate(width - right),
                y2: ChartView.coordinate(y(tick)), hasLine: true, labelX: ChartView.coordinate(left - 6),
                labelY: ChartView.coordinate(y(tick) + 4), anchor: "end", label: ValueScale.text(tick))
        }
        let every = max(1, Int((Double(months.count) / 12).rounded(.up)))
        for (index, month) in months.enumerated() where index % every == 0 {
            let x = left + slot * (Double(index) + 0.5)
            guides.append(ChartView.Guide(
                x1: "0", y1: "0", x2: "0", y2: "0", hasLine: false, labelX: ChartView.coordinate(x),
                labelY: ChartView.coordinate(height - bottom + 18), anchor: "middle", label: month))
        }
        let legend = series.map { ChartView.LegendEntry(series: colour($0), label: seriesName($0)) }
        switch marks {
        case .bars:
            let barWidth = slot * 0.8 / Double(max(series.count, 1))
            let bars = data.map { datum -> ChartView.Bar in
                let month = Double(months.firstIndex(of: datum.month) ?? 0), index = Double(series.firstIndex(of: datum.series) ?? 0)
                let top = y(datum.value)
                return ChartView.Bar(
                    x: ChartView.coordinate(left + slot * (month + 0.1) + barWidth * index), y: ChartView.coordinate(top),
                    width: ChartView.coordinate(max(barWidth - 0.5, 0.5)), height: ChartView.coordinate(height - bottom - top),
                    series: colour(datum.series), label: datum.label)
            }
            return ChartView(id: id, title: title, desc: desc, width: Int(width), height: Int(height), bars: bars, guides: guides, legend: legend)
        case .lines:
            func x(_ datum: Datum) -> Double { left + slot * (Double(months.firstIndex(of: datum.month) ?? 0) + 0.5) }
            let points = data.map { datum in
                ChartView.Point(cx: ChartView.coordinate(x(datum)), cy: ChartView.coordinate(y(datum.value)),
                                series: colour(datum.series), label: datum.label)
            }
            let lines = series.map { name in
                ChartView.Line(
                    points: data.filter { $0.series == name }.sorted { $0.month < $1.month }
                        .map { "\(ChartView.coordinate(x($0))),\(ChartView.coordinate(y($0.value)))" }.joined(separator: " "),
                    series: colour(name))
            }
            return ChartView(id: id, title: title, desc: desc, width: Int(width), height: Int(height), points: points, lines: lines,
                             guides: guides, legend: legend)
        }
    }
}

/// Percentages as horizontal bars from 0 to 100, one per datum, labelled on the left.
struct ShareChart {
    struct Datum {
        let name: String
        let percent: Double?
        let label: String
    }

    static let width = 760.0, labelWidth = 260.0, right = 48.0, top = 24.0, rowHeight = 18.0

    static func chart(id: String, title: String, desc: String, data: [Datum]) -> ChartView {
        let height = top + rowHeight * Double(data.count) + 8
        let plotWidth = width - labelWidth - right
        func x(_ percent: Double) -> Double { labelWidth + plotWidth * percent / 100 }
        var guides = stride(from: 0.0, through: 100, by: 25).map { percent in
            ChartView.Guide(
                x1: ChartView.coordinate(x(percent)), y1: ChartView.coordinate(top - 4), x2: ChartView.coordinate(x(percent)),
                y2: ChartView.coordinate(height - 8), hasLine: true, labelX: ChartView.coordinate(x(percent)),
                labelY: ChartView.coordinate(top - 10), anchor: "middle", label: "\(Int(percent)) %")
        }
        var bars: [ChartView.Bar] = []
        for (index, datum) in data.enumerated() {
            let rowTop = top + rowHeight * Double(index)
            guides.append(ChartView.Guide(
                x1: "0", y1: "0", x2: "0", y2: "0", hasLine: false, labelX: ChartView.coordinate(labelWidth - 6),
                labelY: ChartView.coordinate(rowTop + rowHeight * 0.7), anchor: "end",
                label: datum.name.count > 40 ? datum.name.prefix(39) + "…" : datum.name))
            bars.append(ChartView.Bar(
                x: ChartView.coordinate(labelWidth), y: ChartView.coordinate(rowTop + 3),
                width: ChartView.coordinate(plotWidth * min(max(datum.percent ?? 0, 0), 100) / 100), height: ChartView.coordinate(rowHeight - 6),
                series: 0, label: datum.label))
        }
        return ChartView(id: id, title: title, desc: desc, width: Int(width), height: Int(height.rounded(.up)), bars: bars, guides: guides)
    }
}

/// A value axis from 0 to a round number above the largest value, with four steps.
struct ValueScale {
    let top: Double
    let ticks: [Double]

    init(maximum: Double) {
        let raw = max(maximum, 1) / 4
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        top = step * 4
        ticks = (0...4).map { Double($0) * step }
    }

    /// A tick's value without needless decimals.
    static func text(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
