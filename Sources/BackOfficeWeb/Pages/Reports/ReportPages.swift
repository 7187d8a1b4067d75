import BackOffice
import Foundation
import Hummingbird

/// `/reports`: the reports the viewer may see; `/reports/{tickets|usage|deployments|training}`:
/// one report as charts drawn on the server and its numbers as a table, filtered by GET
/// parameters; the same path with `.csv` downloads exactly the table's numbers. Every figure
/// comes from the `reporting` views through `ReportService`, in the viewer's scope.
struct ReportPages<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let pages: AdminRendering
    var reports: ReportService { pages.dependencies.reports }

    struct Entry {
        let href: String
        let title: String
        let summary: String
    }

    struct IndexView {
        let reports: [Entry]
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("reports", use: index)
        group.get("reports/:report", use: show)
    }

    @Sendable func index(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let catalogue = pages.catalogue(context)
        let topics = ReportTopic.allCases.filter { ReportAccess.mayView(principal, $0.report(perOrganisation: false)) }
        guard !topics.isEmpty else { throw BackOfficeError.forbidden("\(principal.email) may not view reports") }
        let view = IndexView(reports: topics.map {
            Entry(href: "/reports/\($0.rawValue)", title: catalogue.text("report_\($0.rawValue)_title"),
                  summary: catalogue.text("report_\($0.rawValue)_summary"))
        })
        return try await pages.render("reports", title: catalogue.text("reports_title"), view: view, path: "/reports", context: context)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let name = context.parameters.get("report") ?? ""
        let csv = name.hasSuffix(".csv")
        guard let topic = ReportTopic(rawValue: csv ? String(name.dropLast(4)) : name) else { throw BackOfficeError.notFound("report \(name)") }
        let filters = ReportFilters(request.uri.queryParameters, topic: topic)
        let report = topic.report(perOrganisation: filters.perOrganisation)
        let catalogue = pages.catalogue(context)
        var table = ReportTable(columns: topic.columns(perOrganisation: filters.perOrganisation), rows: [])
        var errors: [String: String] = [:]
        do {
            table = try await reports.table(
                report, organisation: filters.organisation, region: filters.region, months: filters.months, by: principal
            ).withYearMonths.selecting(table.columns)
        } catch BackOfficeError.invalid(let refused) where !csv {
            errors = Dictionary(refused.map { error in
                (error.field, error.code == nil ? catalogue.text("report_invalid_\(error.field)") : catalogue.reason(error))
            }, uniquingKeysWith: { first, _ in first })
        }
        if csv { return Self.csv(table, topic: topic) }
        let names = try await names(for: principal, report: report)
        let view = ReportView(
            topic: topic, filters: filters, table: table, names: names, errors: errors, viewer: principal, catalogue: catalogue)
        return try await pages.render(
            "report", title: view.heading, view: view, path: "/reports/\(topic.rawValue)", context: context,
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// The regions and organisations of the viewer's scope, for the filters and the charts' labels.
    private func names(for principal: Principal, report: ReportName) async throws -> ReportNames {
        let scope = try await reports.scope(of: principal, for: report)
        let organisations = try await pages.dependencies.roles.organisations(for: principal).filter { organisation in
            guard organisation.kind != .county else { return false }
            if case .organisations(let codes) = scope { return codes.contains(organisation.code) }
            return true
        }
        let regionCodes = Set(organisations.compactMap(\.regionCode))
        let regions = try await pages.dependencies.organisations.regions().filter { regionCodes.contains($0.code) }
        return ReportNames(regions: regions, organisations: organisations.sorted { $0.name < $1.name })
    }

    /// The table as CSV (RFC 4180, UTF-8, NULL as an empty field), to download.
    static func csv(_ table: ReportTable, topic: ReportTopic) -> Response {
        let lines = [CSVText.line(table.columns)] + table.rows.map { CSVText.line($0.map { $0 ?? "" }) }
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"omaolo-\(topic.rawValue).csv\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: lines.joined(separator: "\r\n") + "\r\n")))
    }
}
