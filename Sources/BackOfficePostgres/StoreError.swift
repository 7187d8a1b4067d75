import BackOffice
import Postgres

/// Maps the database's refusals to the domain's errors, once, for every repository.
enum StoreError {
    static func map(_ error: any Error, notFound: String = "the referenced row") -> any Error {
        guard let error = error as? PostgresError else { return error }
        if [.connection, .poolTimeout, .poolClosed].contains(error.kind) { return BackOfficeError.unavailable(error.message) }
        if error.kind == .invalidParameter { return BackOfficeError.invalid("value", error.message) }
        guard error.kind == .server else { return error }
        switch error.sqlState {
        case .uniqueViolation?: return BackOfficeError.conflict("already exists (\(error.constraint ?? "unique"))")
        case .foreignKeyViolation?: return BackOfficeError.notFound(notFound)
        case .checkViolation?, .notNullViolation?, .stringDataRightTruncation?, .invalidTextRepresentation?:
            return BackOfficeError.invalid(error.column ?? error.constraint ?? "value", error.message)
        case .insufficientPrivilege?: return BackOfficeError.notFound(notFound)
        default: return error
        }
    }

    /// Runs a store operation and maps whatever it throws.
    static func mapping<T>(notFound: String = "the referenced row", _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw map(error, notFound: notFound)
        }
    }
}
