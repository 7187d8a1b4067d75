import BackOffice
import Postgres

/// `ReportStore` over the views of the `reporting` schema. As a `ReportStore` it runs as
/// whichever login its pool connects as (a reporting login, perhaps on a read replica): the
/// database limits what that login sees. As a `ScopedReportStore` (the web pages) its pool is
/// the server's, which enters `backoffice_web_reports` for the transaction with the scope the
/// domain decided (`app.report_scope`, migration 0020). Either way this store only chooses the
/// view, filters and order.
public struct PostgresReportStore: ReportStore, ScopedReportStore {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    public func table(for request: ReportRequest) async throws -> ReportTable {
        try await table(for: request) { _ in }
    }

    public func table(for request: ReportRequest, in scope: ReportingScope) async throws -> ReportTable {
        try await table(for: request) { transaction in
            transaction.sendWithNext("SELECT set_config('app.report_scope', \(scope.text), true)")
            transaction.sendWithNext("SET LOCAL ROLE backoffice_web_reports")
        }
    }

    /// The report's rows, after `prepare` has queued what the transaction needs first.
    private func table(for request: ReportRequest, prepare: (Transaction) -> Void) async throws -> ReportTable {
        let query = Self.query(for: request)
        return try await StoreError.mapping(notFound: "the view reporting.\(request.name.rawValue)") {
            try await pool.withTransaction { transaction in
                prepare(transaction)
                let rows = try await transaction.query(query)
                let columns = rows.columns
                return ReportTable(columns: columns, rows: try rows.map { row in
                    try columns.indices.map { try row.decode(String?.self, at: $0) }
                })
            }
        }
    }

    /// The statement: a fixed `SELECT * FROM reporting.<view>` chosen by the report's name, its
    /// filters as bound parameters, its fixed order.
    static func query(for request: ReportRequest) -> PostgresQuery {
        let view = ReportView(request.name)
        var query = PostgresQuery(stringLiteral: "SELECT * FROM \(view.relation) WHERE true")
        if let organisation = request.organisationCode { query.append(" AND org_code = \(organisation)") }
        if let region = request.regionCode { query.append(" AND region_code = \(region)") }
        if let month = view.monthColumn {
            if let from = request.from { query.append(PostgresQuery(" AND \(month) >= $1::date", parameters: [from.firstDay.description])) }
            if let to = request.to { query.append(PostgresQuery(" AND \(month) < $1::date", parameters: [to.firstDayOfNext.description])) }
        }
        query.append(PostgresQuery(stringLiteral: " ORDER BY \(view.order)"))
        return query
    }
}

/// The fixed SQL of each report: the view, the column its months are in, its order.
struct ReportView {
    let relation: String
    let monthColumn: String?
    let order: String

    init(_ name: ReportName) {
        relation = "reporting." + name.rawValue
        switch name {
        case .myScope:
            monthColumn = nil
            order = "region_code NULLS FIRST, org_code"
        case .ticketFacts:
            monthColumn = "created_month"
            order = "created_at, reference"
        case .ticketsMonthly:
            monthColumn = "month"
            order = "month, region_code NULLS FIRST, org_code"
        case .ticketsRegionMonthly:
            monthColumn = "month"
            order = "month, region_code NULLS FIRST"
        case .trainingProgress:
            monthColumn = nil
            order = "region_code NULLS FIRST, org_code, course_code"
        case .deploymentCoverage:
            monthColumn = nil
            order = "region_code, service_code"
        case .deploymentReadiness:
            monthColumn = nil
            order = "region_code NULLS FIRST, org_code, service_code, course_code NULLS FIRST"
        case .usageMonthly:
            monthColumn = "month"
            order = "month, region_code NULLS FIRST, org_code, service_code"
        case .usageRegionMonthly:
            monthColumn = "month"
            order = "month, region_code NULLS FIRST"
        }
    }
}
