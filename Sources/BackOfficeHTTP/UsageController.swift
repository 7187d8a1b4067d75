import BackOffice
import Foundation
import Hummingbird

/// `/api/v1/usage/imports`: county admins import monthly usage files (CSV) and list the imports.
/// A body is at most 1 MiB (the context's limit, 413 beyond it); larger files go through
/// `backoffice usage import`.
struct UsageController {
    typealias Context = BackOfficeRequestContext
    let usage: UsageImportService
    /// Signs the cursors of the lists.
    let cursors: any CursorSeal

    /// An import as answered.
    struct ImportBody: ResponseEncodable {
        let id: String
        let importedBy: String
        let importedAt: Date
        let fileName: String
        let sha256: String
        let rowCount: Int
        let months: [String]

        enum CodingKeys: String, CodingKey {
            case id, importedBy = "imported_by", importedAt = "imported_at", fileName = "file_name", sha256,
                rowCount = "row_count", months
        }

        init(_ record: UsageImport) {
            id = record.id.wire
            importedBy = record.importedBy
            importedAt = record.importedAt
            fileName = record.fileName
            sha256 = record.sha256
            rowCount = record.rowCount
            months = record.months.map(\.description)
        }
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("usage/imports", use: list)
        group.post("usage/imports", use: create)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> AccessBodies.Page<ImportBody> {
        let imports = try await usage.imports(for: try context.requirePrincipal())
        let format = ISO8601DateFormatter()
        return try Pagination(request, cursors: cursors).page(imports, key: { format.string(from: $0.importedAt) + $0.id.wire }, body: ImportBody.init)
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> EditedResponse<ImportBody> {
        let principal = try context.requirePrincipal()
        try request.requireMediaType("text/csv")
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        let made = try await usage.importFile(
            named: request.uri.queryParameters["file_name"].map(String.init) ?? "upload.csv",
            contents: Array(body.readableBytesView), idempotencyKey: request.idempotencyKey, by: principal)
        return EditedResponse(status: .made(made.created), response: ImportBody(made.record))
    }
}
