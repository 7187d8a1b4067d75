import BackOffice
import Foundation

/// What `report.mustache` shows: the tabs of the four reports, the filters (with a refused
/// one's reason beside it), the charts, and the numbers as a table, exactly as the CSV has them.
struct ReportView {
    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Cell {
        let text: String
        let numeric: Bool
    }

    struct Row {
        let cells: [Cell]
    }

    let topic: String
    let heading: String
    let intro: String
    let tabs: [LayoutView.Link]
    let regions: [Option]
    let organisations: [Option]
    let hasMonths: Bool
    let months: [Option]
    let canSplit: Bool
    let splits: [Option]
    let regionError: String?
    let organisationError: String?
    let monthsError: String?
    let charts: [ChartView]
    let headings: [String]
    let rows: [Row]
    let hasRows: Bool
    let caption: String
    let csvHref: String

    /// The choices of months in the filter.
    static let monthChoices = [3, 6, 12, 24, 36, 60]

    /// Columns of names and codes; every other column is a number.
    static let textColumns: Set<String> = ["region_code", "org_code", "service_code", "course_code", "course_title", "month"]

    init(
        topic: ReportTopic, filters: ReportFilters, table: ReportTable, names: ReportNames, errors: [String: String],
        viewer: Principal, catalogue: Catalogue
    ) {
        self.topic = topic.rawValue
        heading = catalogue.text("report_\(topic.rawValue)_title")
        intro = catalogue.text("report_\(topic.rawValue)_summary")
        tabs = ReportTopic.allCases.filter { ReportAccess.mayView(viewer, $0.report(perOrganisation: false)) }.map {
            LayoutView.Link(href: "/reports/\($0.rawValue)", label: catalogue.text("report_\($0.rawValue)_title"), current: $0 == topic)
        }
        regions = names.regions.map { Option(value: $0.code, label: $0.name, selected: $0.code == filters.region) }
        organisations = names.organisations.map {
            Option(value: $0.code, label: "\($0.name) (\($0.code))", selected: $0.code == filters.organisation?.uppercased())
        }
        hasMonths = topic.defaultMonths != nil
        let chosen = Int(filters.months ?? "")
        months = Self.monthChoices.map { Option(value: String($0), label: catalogue.text("report_months_option", ["n": String($0)]), selected: $0 == chosen) }
        canSplit = topic.canSplitByOrganisation
        splits = [("region", !filters.perOrganisation), ("organisation", filters.perOrganisation)].map { value, selected in
            Option(value: value, label: catalogue.text("report_by_\(value)"), selected: selected)
        }
        regionError = errors["region"]
        organisationError = errors["org"]
        monthsError = errors["months"]
        charts = ReportCharts.charts(topic, table: table, names: names, perOrganisation: filters.perOrganisation, catalogue: catalogue)
        headings = table.columns.map { catalogue.text("report_col_\($0)") }
        rows = table.rows.map { row in
            Row(cells: zip(table.columns, row).map { column, value in
                let numeric = !Self.textColumns.contains(column)
                let text = value.map { numeric ? catalogue.decimal($0) : $0 }
                return Cell(text: text ?? "–", numeric: numeric)
            })
        }
        hasRows = !table.rows.isEmpty
        caption = catalogue.text("report_table_caption", ["report": heading, "rows": String(table.rows.count)])
        csvHref = "/reports/\(topic.rawValue).csv" + filters.query
    }
}

/// The names of regions and organisations the viewer may filter by, to label codes with.
struct ReportNames {
    let regions: [Region]
    let organisations: [Organisation]

    /// A region's name for its code; the county's own organisation has none.
    func region(_ code: String?, catalogue: Catalogue) -> String {
        guard let code else { return catalogue.text("report_county_itself") }
        return regions.first { $0.code == code }?.name ?? code
    }
}
