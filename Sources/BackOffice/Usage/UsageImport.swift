import Foundation

/// The record of one imported usage file: who imported what, when, and what it replaced.
public struct UsageImport: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let importedBy: String
    public let importedAt: Date
    public let fileName: String
    /// The SHA-256 of the file's bytes, lowercase hex.
    public let sha256: String
    public let rowCount: Int
    /// The months the file covered; each organisation's rows of these months were replaced.
    public let months: [UsageMonth]

    public init(id: UUID, importedBy: String, importedAt: Date, fileName: String, sha256: String, rowCount: Int, months: [UsageMonth]) {
        self.id = id
        self.importedBy = importedBy
        self.importedAt = importedAt
        self.fileName = fileName
        self.sha256 = sha256
        self.rowCount = rowCount
        self.months = months
    }
}

/// How far an import has come, for progress bars and log lines.
public struct UsageImportProgress: Sendable, Equatable {
    public enum Phase: String, Sendable {
        /// Reading and checking every line (`done` and `total` count lines).
        case checking
        /// Sending the rows to the database (`done` and `total` count rows).
        case loading
        /// Replacing the months in the database; `done` is `total` once finished.
        case replacing
    }

    public let phase: Phase
    public let done: Int
    public let total: Int

    public init(_ phase: Phase, done: Int, total: Int) {
        self.phase = phase
        self.done = done
        self.total = total
    }
}

/// The codes a usage file may name, from the database.
public struct UsageCatalogue: Sendable {
    public let organisationCodes: Set<String>
    public let serviceCodes: Set<String>

    public init(organisationCodes: Set<String>, serviceCodes: Set<String>) {
        self.organisationCodes = organisationCodes
        self.serviceCodes = serviceCodes
    }
}

/// What the usage import needs from storage.
public protocol UsageImportStore: Sendable {
    func catalogue() async throws -> UsageCatalogue

    /// In one transaction: deletes each organisation's usage of the months the file covers,
    /// loads the file's rows in their place, records the import and its audit entry. With
    /// `idempotency` already used, the import made then (`created` false) and no change.
    func load(
        _ file: UsageFile, named fileName: String, contents: [UInt8], by actor: Principal, idempotency: IdempotencyKey?,
        audit: (UsageImport) -> AuditEntry, progress: @Sendable (UsageImportProgress) -> Void
    ) async throws -> (record: UsageImport, created: Bool)

    /// Every import, oldest first.
    func imports() async throws -> [UsageImport]
}
