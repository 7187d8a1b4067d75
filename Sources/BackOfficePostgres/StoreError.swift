import BackOffice
import Logging
import Postgres

/// Maps the database's refusals to the domain's errors, once, for every repository.
///
/// What the caller reads names no constraint, relation, column or SQL: those stay in the
/// server's log, with the request's id, where the people who run the back office read them.
enum StoreError {
    private static let logger = Logger(label: "backoffice.store")

    /// `notFound` names what a foreign key or a row-level security refusal points at,
    /// `duplicate` says what a unique violation means here.
    static func map(_ error: any Error, notFound: String = "the referenced row", duplicate: String = "it already exists") -> any Error {
        guard let error = error as? PostgresError else { return error }
        log(error)
        if error.isUnavailability {
            return error.kind == .commitOutcomeUnknown
                ? BackOfficeError.outcomeUnknown(error.message) : BackOfficeError.unavailable(error.message)
        }
        switch error.kind {
        case .invalidParameter:
            return BackOfficeError.invalid("body", "holds a value that cannot be stored (such as a NUL byte)")
        case .server:
            break
        default:
            return error
        }
        switch error.sqlState {
        case .uniqueViolation?, .exclusionViolation?: return BackOfficeError.conflict(duplicate)
        case .foreignKeyViolation?, .insufficientPrivilege?: return BackOfficeError.notFound(notFound)
        case .serializationFailure?, .deadlockDetected?, .lockNotAvailable?:
            return BackOfficeError.conflict("another change got in the way; try again")
        case .checkViolation?, .notNullViolation?:
            return BackOfficeError.invalid("body", "holds a value outside what the back office keeps")
        case let state? where state.errorClass == "22":
            return BackOfficeError.invalid("body", "holds a value the back office cannot store")
        default:
            return error
        }
    }

    /// Runs a store operation and maps whatever it throws.
    static func mapping<T>(
        notFound: String = "the referenced row", duplicate: String = "it already exists", _ body: () async throws -> T
    ) async throws -> T {
        do {
            return try await body()
        } catch {
            throw map(error, notFound: notFound, duplicate: duplicate)
        }
    }

    /// The database's own words, without `detail` (it can quote the values of a row).
    private static func log(_ error: PostgresError) {
        var metadata: Logger.Metadata = ["kind": "\(error.kind.rawValue)", "message": "\(error.message)"]
        metadata["request_id"] = RequestTrace.id.map { "\($0)" }
        metadata["sqlstate"] = error.sqlState.map { "\($0.rawValue)" }
        metadata["constraint"] = error.constraint.map { "\($0)" }
        metadata["table"] = error.table.map { "\($0)" }
        metadata["column"] = error.column.map { "\($0)" }
        logger.log(level: error.isUnavailability ? .warning : .notice, "database refused or failed", metadata: metadata)
    }
}
