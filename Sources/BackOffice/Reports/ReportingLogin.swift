import Foundation

/// What a reporting login may see: every organisation of the county, or the named ones.
public enum ReportingScope: Sendable, Equatable {
    case county
    /// Organisation codes, sorted, without duplicates.
    case organisations([String])

    /// `county`, or the organisation codes separated by spaces.
    public var text: String {
        switch self {
        case .county: return "county"
        case .organisations(let codes): return codes.joined(separator: " ")
        }
    }
}

/// A PostgreSQL login of IT management's reporting jobs, as `reporting list-logins` shows it.
public struct ReportingLogin: Sendable, Equatable {
    public let name: String
    public let scope: ReportingScope
    public let grantedAt: Date
    /// The login that granted it.
    public let grantedBy: String

    public init(name: String, scope: ReportingScope, grantedAt: Date, grantedBy: String) {
        self.name = name
        self.scope = scope
        self.grantedAt = grantedAt
        self.grantedBy = grantedBy
    }
}

/// A login granted (or re-scoped): the password is shown once, here, and stored nowhere but
/// as PostgreSQL's SCRAM verifier.
public struct GrantedReportingLogin: Sendable, Equatable {
    public let name: String
    public let scope: ReportingScope
    /// The password set, nil when an existing login kept its own.
    public let password: String?
}

/// What the reporting logins need from storage. Runs as the schema owner, who may create roles.
public protocol ReportingLoginStore: Sendable {
    /// Creates the login (or changes the scope, and the password when one is given, of a
    /// reporting login that exists), and writes `audit` in the same transaction.
    func grant(name: String, password: String?, scope: ReportingScope, audit: AuditEntry) async throws
    /// Drops the login and its scope, writing `audit` in the same transaction; false (and no
    /// audit entry) when there was no such reporting login.
    func revoke(name: String, audit: AuditEntry) async throws -> Bool
    func logins() async throws -> [ReportingLogin]
}

/// Grants, revokes and lists reporting logins: validates the input before any SQL, makes up a
/// password when none is given.
public struct ReportingLoginService: Sendable {
    let store: any ReportingLoginStore

    public init(store: any ReportingLoginStore) {
        self.store = store
    }

    /// `name` must be 3 to 63 lowercase ASCII letters, digits and underscores, starting with a
    /// letter, and must not start with `pg_` or `backoffice_` (those are the system's roles).
    public static func validatedName(_ value: String, field: String = "name") -> Result<String, FieldError> {
        let name = value.trimmingCharacters(in: .whitespaces)
        let allowed = name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        guard (3...63).contains(name.count), allowed, let first = name.unicodeScalars.first, ("a"..."z").contains(first) else {
            return .failure(FieldError(field: field, reason: "must be 3 to 63 lowercase letters, digits and underscores, starting with a letter"))
        }
        guard !name.hasPrefix("pg_"), !name.hasPrefix("backoffice_") else {
            return .failure(FieldError(field: field, reason: "must not start with pg_ or backoffice_ (reserved for the system's roles)"))
        }
        return .success(name)
    }

    /// A password of 8 to 200 characters without control characters.
    public static func validatedPassword(_ value: String, field: String = "password") -> Result<String, FieldError> {
        guard (8...200).contains(value.count),
              !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return .failure(FieldError(field: field, reason: "must be 8 to 200 characters without control characters")) }
        return .success(value)
    }

    /// 24 random letters and digits (about 143 bits).
    public static func randomPassword() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<24).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// Grants `name` the county or the organisations `organisationCodes` (exactly one of the
    /// two). A new login without `password` gets a random one; an existing one keeps its own.
    public func grant(
        name: String, organisationCodes: [String], county: Bool, password: String?
    ) async throws -> GrantedReportingLogin {
        var errors = FieldErrors()
        let name = errors.check(Self.validatedName(name))
        let codes = organisationCodes.compactMap { errors.check(Validation.organisationCode($0, field: "org")) }
        if county == !organisationCodes.isEmpty {
            errors.add("scope", "give either --county or one or more --org codes")
        }
        let password = password.flatMap { errors.check(Self.validatedPassword($0)) }
        try errors.throwIfAny()
        guard let name else { throw BackOfficeError.invalid("name", "is required") }
        let scope: ReportingScope = county ? .county : .organisations(Array(Set(codes)).sorted())
        let existing = try await store.logins().first { $0.name == name }
        let chosen = password ?? (existing == nil ? Self.randomPassword() : nil)
        var after = ["scope": scope.text]
        if existing != nil { after["password"] = password == nil ? "kept" : "changed" }
        try await store.grant(name: name, password: chosen, scope: scope, audit: AuditEntry(
            actorID: nil, action: existing == nil ? "reporting_login.create" : "reporting_login.change",
            objectType: "reporting_login", objectID: name, before: existing.map { ["scope": $0.scope.text] }, after: after,
            reason: nil, interface: .cli))
        return GrantedReportingLogin(name: name, scope: scope, password: chosen)
    }

    /// Drops the reporting login `name`.
    public func revoke(name: String) async throws {
        let name = try Self.validatedName(name).mapError { BackOfficeError.invalid([$0]) }.get()
        let existing = try await store.logins().first { $0.name == name }
        let audit = AuditEntry(
            actorID: nil, action: "reporting_login.drop", objectType: "reporting_login", objectID: name,
            before: existing.map { ["scope": $0.scope.text] }, after: nil, reason: nil, interface: .cli)
        guard try await store.revoke(name: name, audit: audit) else { throw BackOfficeError.notFound("reporting login \(name)") }
    }

    public func logins() async throws -> [ReportingLogin] {
        try await store.logins()
    }
}
