import Foundation

/// A report to print and its filters, validated: the view comes from `ReportName`, every
/// filter from checked input, and a filter the report cannot apply is refused, not ignored.
public struct ReportRequest: Sendable, Equatable {
    public let name: ReportName
    /// Only this organisation (its code).
    public let organisationCode: String?
    /// Only this region (its code).
    public let regionCode: String?
    /// From the start of this month.
    public let from: ReportMonth?
    /// To the end of this month.
    public let to: ReportMonth?

    /// Checks every field at once and reports every problem.
    public static func validated(
        name: String, organisation: String? = nil, region: String? = nil, from: String? = nil, to: String? = nil
    ) throws(BackOfficeError) -> ReportRequest {
        var errors = FieldErrors()
        let report = ReportName(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased())
        if report == nil {
            errors.add("report", "unknown report \"\(name)\"; the reports are: \(ReportName.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let organisationCode = organisation.flatMap { errors.check(Validation.organisationCode($0, field: "org")) }
        let regionCode = region.flatMap { errors.check(Validation.snakeCode($0, field: "region")) }
        let fromMonth = from.flatMap { month(errors: &errors, $0, field: "from") }
        let toMonth = to.flatMap { month(errors: &errors, $0, field: "to") }
        if let fromMonth, let toMonth, toMonth < fromMonth {
            errors.add("to", "must not be before from (\(fromMonth))")
        }
        if let report {
            if organisation != nil, !report.hasOrganisation {
                errors.add("org", "the report \(report.rawValue) has no organisation to filter by")
            }
            if from != nil || to != nil, !report.hasMonths {
                errors.add(from != nil ? "from" : "to", "the report \(report.rawValue) has no months to filter by")
            }
        }
        try errors.throwIfAny()
        guard let report else { throw BackOfficeError.invalid("report", "is required") }
        return ReportRequest(
            name: report, organisationCode: organisationCode, regionCode: regionCode, from: fromMonth, to: toMonth)
    }

    private static func month(errors: inout FieldErrors, _ text: String, field: String) -> ReportMonth? {
        guard let month = ReportMonth(text.trimmingCharacters(in: .whitespaces)) else {
            errors.add(field, "must be a month YYYY-MM")
            return nil
        }
        return month
    }
}

/// A report's result: column names and rows of text values (NULL as nil), as the view gave them.
public struct ReportTable: Sendable, Equatable {
    public let columns: [String]
    public let rows: [[String?]]

    public init(columns: [String], rows: [[String?]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// Runs reports against the `reporting` views, as whichever login the store connects as.
public protocol ReportStore: Sendable {
    func table(for request: ReportRequest) async throws -> ReportTable
}

extension ReportTable {
    /// The columns that hold months (the views give the first day of the month).
    public static let monthColumns: Set<String> = ["month", "created_month"]

    /// The table with its months as `YYYY-MM`, the way reports print them.
    public var withYearMonths: ReportTable {
        ReportTable(columns: columns, rows: rows.map { row in
            zip(columns, row).map { column, value in
                Self.monthColumns.contains(column) ? value.map { String($0.prefix(7)) } : value
            }
        })
    }

    /// Only the columns `names`, in that order (a name the table lacks is left out).
    public func selecting(_ names: [String]) -> ReportTable {
        let indices = names.compactMap { columns.firstIndex(of: $0) }
        return ReportTable(columns: indices.map { columns[$0] }, rows: rows.map { row in indices.map { row[$0] } })
    }
}
