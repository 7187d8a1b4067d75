import Foundation

/// Importing the monthly usage statistics (county admins): the file is checked whole against
/// the catalogue first, and only a file without a single bad line changes anything.
public struct UsageImportService: Sendable {
    let store: any UsageImportStore

    public init(store: any UsageImportStore) {
        self.store = store
    }

    /// Checks `contents` and, when every line is good, replaces the months it covers. With an
    /// `idempotencyKey` already used for the same file, the import made then comes back with
    /// `created` false and nothing changes.
    public func importFile(
        named fileName: String, contents: [UInt8], idempotencyKey: String? = nil, by principal: Principal,
        progress: @escaping @Sendable (UsageImportProgress) -> Void = { _ in }
    ) async throws -> (record: UsageImport, created: Bool) {
        try PermissionMatrix.require(principal, .keepCatalogues)
        var errors = FieldErrors()
        let name = errors.check(Validation.text(fileName, field: "file_name", length: 1...255))
        let key = IdempotencyKey(idempotencyKey, of: .usageImport, content: [name, String(decoding: contents, as: UTF8.self)], errors: &errors)
        try errors.throwIfAny()
        let catalogue = try await store.catalogue()
        let file = try UsageFile.parse(contents, catalogue: catalogue) { done, total in
            progress(UsageImportProgress(.checking, done: done, total: total))
        }
        return try await store.load(file, named: name!, contents: contents, by: principal, idempotency: key, audit: { record in
            AuditEntry(
                actorID: principal.personID, action: "usage.import", objectType: "usage_import",
                objectID: record.id.uuidString.lowercased(), before: nil,
                after: ["file_name": record.fileName, "sha256": record.sha256, "rows": String(record.rowCount),
                        "months": record.months.map(\.description).joined(separator: ",")],
                reason: nil, interface: principal.interface)
        }, progress: progress)
    }

    /// Every import, oldest first (county admins).
    public func imports(for principal: Principal) async throws -> [UsageImport] {
        try PermissionMatrix.require(principal, .keepCatalogues)
        return try await store.imports()
    }
}
