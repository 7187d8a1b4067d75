/// What went wrong, in the domain's own words; each adapter maps it once to its own form
/// (an HTTP status and problem document, an exit code and one line on stderr).
public enum BackOfficeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Unknown, or not visible to the caller (the two are not told apart).
    case notFound(String)
    /// Known to the caller but not allowed to them.
    case forbidden(String)
    /// One or more fields are invalid.
    case invalid([FieldError])
    /// The change clashes with the current state (a duplicate, an illegal transition).
    case conflict(String)
    /// The change was made against a version that is no longer the current one.
    case stale(String)
    /// The caller could not be identified.
    case unauthenticated(String)
    /// The database cannot be reached now; trying again later may work.
    case unavailable(String)
    /// The database went away while a change was being committed: it may or may not have been
    /// made. A retry with the same idempotency key makes it at most once.
    case outcomeUnknown(String)

    public var description: String {
        switch self {
        case .notFound(let what): return "\(what) not found"
        case .forbidden(let why): return why
        case .invalid(let errors): return errors.map(\.description).joined(separator: "; ")
        case .conflict(let why): return why
        case .stale(let why): return why
        case .unauthenticated(let why): return why
        case .unavailable(let why): return "database unavailable: \(why)"
        case .outcomeUnknown(let why): return "database unavailable while committing, the change may or may not have been made: \(why)"
        }
    }

    /// One invalid field and why.
    public static func invalid(_ field: String, _ reason: String) -> BackOfficeError {
        .invalid([FieldError(field: field, reason: reason)])
    }
}

/// A field that failed validation.
public struct FieldError: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let reason: String
    /// A stable name of the kind of refusal (`required`, `too_long`, `identity_code`, …) for
    /// adapters that say it in the person's own language; nil where only `reason` says it.
    public let code: String?

    public init(field: String, reason: String, code: String? = nil) {
        self.field = field
        self.reason = reason
        self.code = code
    }

    public var description: String { "\(field): \(reason)" }

    /// The same field refused for the same reason; `code` only names that reason's kind.
    public static func == (lhs: FieldError, rhs: FieldError) -> Bool {
        lhs.field == rhs.field && lhs.reason == rhs.reason
    }
}
