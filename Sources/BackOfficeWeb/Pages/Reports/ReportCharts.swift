import BackOffice
import Foundation

/// The charts of each report page, one mark (bar or point) per row of its table.
enum ReportCharts {
    static func charts(
        _ topic: ReportTopic, table: ReportTable, names: ReportNames, perOrganisation: Bool, catalogue: Catalogue
    ) -> [ChartView] {
        let records = table.rows.map { Record(columns: table.columns, values: $0) }
        func text(_ key: String, _ values: [String: String] = [:]) -> String { catalogue.text(key, values) }
        switch topic {
        case .tickets:
            let seriesColumn = perOrganisation ? "org_code" : "region_code"
            let data = records.map { record in
                let series = record[seriesColumn] ?? ""
                let name = perOrganisation ? series : names.region(record[seriesColumn], catalogue: catalogue)
                return MonthlyChart.Datum(
                    month: record["month"] ?? "", series: series, value: record.number("opened"),
                    label: text("report_tickets_bar", [
                        "series": name, "month": record["month"] ?? "", "opened": record["opened"] ?? "0",
                        "first": record["first_response_met_pct"] ?? "–", "resolution": record["resolution_met_pct"] ?? "–"]))
            }
            return [MonthlyChart.chart(
                id: "chart-tickets", title: text("report_tickets_chart_title"),
                desc: text("report_tickets_chart_desc", ["rows": String(records.count)]), data: data, marks: .bars,
                seriesName: { perOrganisation ? $0 : names.region($0.isEmpty ? nil : $0, catalogue: catalogue) })]
        case .usage:
            return [("started", "report_usage_chart"), ("started_per_1000", "report_usage_rate_chart")].map { column, key in
                let data = records.map { record in
                    let region = names.region(record["region_code"], catalogue: catalogue)
                    return MonthlyChart.Datum(
                        month: record["month"] ?? "", series: record["region_code"] ?? "", value: record.number(column),
                        label: text("report_usage_point", ["series": region, "month": record["month"] ?? "", "value": record[column] ?? "–"]))
                }
                return MonthlyChart.chart(
                    id: "chart-\(column)", title: text("\(key)_title"), desc: text("\(key)_desc", ["rows": String(records.count)]),
                    data: data, marks: .lines, seriesName: { names.region($0.isEmpty ? nil : $0, catalogue: catalogue) })
            }
        case .deployments:
            let data = records.map { record in
                let name = "\(names.region(record["region_code"], catalogue: catalogue)) · \(record["service_code"] ?? "")"
                return ShareChart.Datum(
                    name: name, percent: record.number("organisations_live_pct"),
                    label: text("report_deployments_bar", [
                        "name": name, "live": record["organisations_live"] ?? "0", "total": record["organisations_total"] ?? "0",
                        "pct": record["organisations_live_pct"] ?? "–", "covered": record["population_covered_pct"] ?? "–"]))
            }
            return [ShareChart.chart(
                id: "chart-deployments", title: text("report_deployments_chart_title"),
                desc: text("report_deployments_chart_desc", ["rows": String(records.count)]), data: data)]
        case .training:
            let data = records.map { record in
                let name = "\(record["org_code"] ?? "") · \(record["course_title"] ?? "")"
                return ShareChart.Datum(
                    name: name, percent: record.number("completion_pct"),
                    label: text("report_training_bar", [
                        "name": name, "pct": record["completion_pct"] ?? "–", "completed": record["completed"] ?? "0",
                        "tasks": record["tasks"] ?? "0"]))
            }
            return [ShareChart.chart(
                id: "chart-training", title: text("report_training_chart_title"),
                desc: text("report_training_chart_desc", ["rows": String(records.count)]), data: data)]
        }
    }

    /// One row of a report's table by column name.
    struct Record {
        let columns: [String]
        let values: [String?]

        subscript(_ column: String) -> String? {
            columns.firstIndex(of: column).flatMap { values[$0] }
        }

        func number(_ column: String) -> Double? {
            self[column].flatMap(Double.init)
        }
    }
}
