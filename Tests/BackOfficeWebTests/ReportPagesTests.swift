import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import HTTPTypes
import Postgres
import Testing

/// The report pages through the real router: each page's numbers (its CSV, which is its
/// table) equal the `reporting` view's rows for the same filters read directly by a reporting
/// login; a chart mark per row; another organisation is the 404 page; a bad filter is named.
@Suite struct ReportPagesTests {
    let app: WebTestApp
    static let password = "Testisalasana-2026"

    init() throws {
        app = try WebTestApp()
    }

    private func fixtures() async throws -> (AccessFixture, ReportingFixture) {
        let access = try await AccessFixture.make(app: app.pool)
        for person in [access.adminA, access.countyAdmin] { try await app.login.setPassword(Self.password, email: person.email) }
        return (access, try await ReportingFixture.make(app: app.pool))
    }

    /// The page's CSV as rows of fields (its first line the view's column names).
    static func records(_ csv: String) -> [[String]] {
        csv.split(separator: "\r\n", omittingEmptySubsequences: true).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The rows of `view` as a reporting login reads them in psql: `columns` as text (NULL as an
    /// empty field, months as YYYY-MM), `condition` with `parameters`, the view's order.
    static func viewRows(
        as login: TestReportingLogin, _ view: String, _ columns: [String], where condition: String, _ parameters: [String], order: String
    ) async throws -> [[String]] {
        let list = columns.map { $0 == "month" ? "to_char(month, 'YYYY-MM') AS month" : "coalesce(\($0)::text, '') AS \($0)" }
        let sql = "SELECT \(list.joined(separator: ", ")) FROM reporting.\(view) WHERE \(condition) ORDER BY \(order)"
        return try await login.withConnection { connection in
            try await connection.query(PostgresQuery(sql, parameters: parameters)).map { row in
                try columns.map { try row.decode(String.self, $0) }
            }
        }
    }

    @Test func eachReportPagesNumbersEqualTheViewsRowsForTheSameFilters() async throws {
        let (access, fixture) = try await fixtures()
        let region = fixture.regionCode
        let from = ReportMonth(of: LocalDate(inFinland: Date())).adding(months: -59).firstDay.description
        let ticketColumns = ["opened", "resolved", "first_response_met_pct", "resolution_met_pct"]
        let cases: [(path: String, view: String, columns: [String], condition: String, parameters: [String], order: String)] = [
            ("/reports/tickets?region=\(region)&months=60&by=organisation", "tickets_monthly",
             ["region_code", "org_code", "month"] + ticketColumns, "region_code = $1 AND month >= $2::date", [region, from],
             "month, region_code, org_code"),
            ("/reports/tickets?region=\(region)&months=60", "tickets_region_monthly", ["region_code", "month"] + ticketColumns,
             "region_code = $1 AND month >= $2::date", [region, from], "month, region_code"),
            ("/reports/tickets?region=\(region)&months=60&organisation=\(fixture.codeB)", "tickets_monthly",
             ["region_code", "org_code", "month"] + ticketColumns, "region_code = $1 AND month >= $2::date AND org_code = $3",
             [region, from, fixture.codeB], "month, region_code, org_code"),
            ("/reports/usage?region=\(region)&months=60", "usage_region_monthly",
             ["region_code", "month", "started", "completed", "forwarded", "population_served", "started_per_1000", "completed_per_1000"],
             "region_code = $1 AND month >= $2::date", [region, from], "month, region_code"),
            ("/reports/deployments?region=\(region)", "deployment_coverage",
             ["region_code", "service_code", "organisations_live", "organisations_piloting", "organisations_total", "organisations_live_pct",
              "population_covered", "population_total", "population_covered_pct"],
             "region_code = $1", [region], "region_code, service_code"),
            ("/reports/training?region=\(region)", "training_progress",
             ["region_code", "org_code", "course_code", "course_title", "tasks", "completed", "in_progress", "overdue", "completion_pct"],
             "region_code = $1", [region], "region_code, org_code, course_code"),
        ]
        try await TestReportingLogin.with(county: true) { login in
            @Sendable func viewRows() async throws -> [[[String]]] {
                var rows: [[[String]]] = []
                for report in cases {
                    rows.append(try await Self.viewRows(
                        as: login, report.view, report.columns, where: report.condition, report.parameters, order: report.order))
                }
                return rows
            }
            // Parallel tests add services to the catalogue, which every coverage row lists: the
            // pages count only when read between two equal reads of the views.
            let (before, pages, after) = try await app.withBrowser { browser in
                _ = try await browser.logIn(access.countyAdmin.email, Self.password)
                var before, after: [[[String]]]
                var pages: [(html: Page, csv: Page)]
                var attempts = 0
                repeat {
                    before = try await viewRows()
                    pages = []
                    for report in cases {
                        let html = try await browser.get(report.path)
                        let path = report.path.replacingOccurrences(of: "?", with: ".csv?")
                        pages.append((html, try await browser.get(path)))
                    }
                    after = try await viewRows()
                    attempts += 1
                } while before != after && attempts < 5
                return (before, pages, after)
            }
            #expect(before == after, "the views kept changing")
            for ((report, page), expected) in zip(zip(cases, pages), after) {
                #expect(page.html.status == .ok && page.csv.status == .ok, "\(report.path)")
                #expect(page.csv.headers[.contentType] == "text/csv; charset=utf-8")
                let records = Self.records(page.csv.html)
                #expect(records.first == report.columns, "\(report.path)")
                #expect(!expected.isEmpty, "\(report.path)")
                #expect(Array(records.dropFirst()) == expected, "\(report.path)")
                // The table has a row, and each chart a bar or point, per row.
                let tableRows = page.html.html.components(separatedBy: "<tr><td").count - 1
                #expect(tableRows == expected.count, "\(report.path)")
                let charts = page.html.html.components(separatedBy: "<svg class=\"chart\"").count - 1
                let marks = page.html.html.components(separatedBy: "class=\"chart-bar ").count
                    + page.html.html.components(separatedBy: "class=\"chart-point ").count - 2
                #expect(charts >= 1 && marks == charts * expected.count, "\(report.path)")
                #expect(page.html.html.contains("role=\"img\" aria-labelledby=\"chart-"), "\(report.path)")
            }
        }
    }

    @Test func anOrgAdminSeesTheirOwnOrganisationAndAnotherIsTheNotFoundPage() async throws {
        let (access, _) = try await fixtures()
        try await app.withBrowser { browser in
            _ = try await browser.logIn(access.adminA.email, Self.password)
            #expect(try await browser.get("/reports").html.contains("href=\"/reports/training\""))
            #expect(try await browser.get("/reports/training?organisation=\(access.orgA.code)").status == .ok)
            for path in ["/reports/tickets?organisation=\(access.orgB.code)", "/reports/usage?organisation=\(access.orgB.code)",
                         "/reports/deployments.csv?organisation=\(access.orgB.code)", "/reports/training?organisation=NO-SUCH-ORG",
                         "/reports/nothing"] {
                let page = try await browser.get(path)
                #expect(page.status == .notFound, "\(path)")
                #expect(page.html.contains("Sivua ei löydy"), "\(path)")
            }
        }
    }

    @Test func aRefusedFilterIsNamedBesideItsField() async throws {
        let (access, _) = try await fixtures()
        try await app.withBrowser { browser in
            _ = try await browser.logIn(access.countyAdmin.email, Self.password)
            let months = try await browser.get("/reports/usage?months=0")
            #expect(months.status == .unprocessableContent)
            #expect(months.html.contains("<p class=\"field-error\" id=\"f-months-error\">Valitse 1–60 kuukautta.</p>"))
            let region = try await browser.get("/reports/tickets?region=Ei+koodi&organisation=ei%20koodi")
            #expect(region.status == .unprocessableContent)
            #expect(region.html.contains("<p class=\"field-error\" id=\"f-region-error\">Tuntematon alueen tunnus.</p>"))
            #expect(region.html.contains("<p class=\"field-error\" id=\"f-organisation-error\">Tuntematon organisaation tunnus.</p>"))
        }
    }

    @Test func aMemberWithoutAReportingRoleHasNoReports() async throws {
        let (access, _) = try await fixtures()
        try await app.login.setPassword(Self.password, email: access.member.email)
        try await app.withBrowser { browser in
            _ = try await browser.logIn(access.member.email, Self.password)
            #expect(!(try await browser.get("/tickets").html.contains("href=\"/reports\"")))
            #expect(try await browser.get("/reports").status == .forbidden)
            #expect(try await browser.get("/reports/tickets").status == .forbidden)
        }
    }
}
