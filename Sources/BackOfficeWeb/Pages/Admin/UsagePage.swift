import BackOffice
import Foundation
import Hummingbird

/// `/usage` (county admins): a usage CSV pasted or read into the form (the file picker fills
/// the text box where JavaScript runs) and imported whole or not at all: a refused file lists
/// every bad line with its column and reason. Below, every past import.
struct UsagePage<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let pages: AdminRendering

    struct BadLine {
        let line: String
        let column: String
        let reason: String
    }

    struct Past {
        let when: String
        let who: String
        let fileName: String
        let sha256: String
        let rows: Int
        let months: String
    }

    struct View {
        let fileName: String
        let contents: String
        let badLines: [BadLine]
        let hasBadLines: Bool
        let refusal: String?
        let notice: String?
        let imports: [Past]
        let hasImports: Bool
        let columns: String
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("usage", use: show)
        group.post("usage", use: upload)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        var notice: String?
        if let rows = request.uri.queryParameters["imported"] {
            notice = pages.catalogue(context).text("usage_imported", ["rows": String(rows)])
        }
        return try await render(fileName: "", contents: "", badLines: [], refusal: nil, notice: notice, context: context)
    }

    @Sendable func upload(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let fileName = context.form.trimmed("file_name") ?? "usage.csv"
        let contents = context.form["contents"] ?? ""
        do {
            let (record, _) = try await pages.dependencies.usage.importFile(named: fileName, contents: Array(contents.utf8), by: principal)
            return Redirect.to("/usage?imported=\(record.rowCount)")
        } catch BackOfficeError.invalid(let errors) {
            let lines = errors.map { error -> BadLine in
                let parts = error.field.components(separatedBy: ", ")
                let line = parts.first.map { $0.hasPrefix("line ") ? String($0.dropFirst(5)) : $0 } ?? ""
                return BadLine(line: line, column: parts.dropFirst().joined(separator: ", "), reason: error.reason)
            }
            return try await render(
                fileName: fileName, contents: contents, badLines: lines,
                refusal: pages.catalogue(context).text("usage_refused", ["count": String(lines.count)]), notice: nil, context: context,
                status: .unprocessableContent)
        }
    }

    private func render(
        fileName: String, contents: String, badLines: [BadLine], refusal: String?, notice: String?, context: Context,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let time = HelsinkiTime(language: context.language)
        let imports = try await pages.dependencies.usage.imports(for: principal).reversed().map { record in
            Past(when: time.moment(record.importedAt), who: record.importedBy, fileName: record.fileName, sha256: record.sha256,
                 rows: record.rowCount, months: record.months.map(\.description).joined(separator: ", "))
        }
        let catalogue = pages.catalogue(context)
        let view = View(
            fileName: fileName, contents: contents, badLines: badLines, hasBadLines: !badLines.isEmpty, refusal: refusal, notice: notice,
            imports: imports, hasImports: !imports.isEmpty, columns: UsageFile.columns.joined(separator: ","))
        return try await pages.render("usage", title: catalogue.text("usage_title"), view: view, path: "/usage", context: context, status: status)
    }
}
