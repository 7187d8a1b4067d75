import Foundation

/// Making, listing and revoking API tokens, and finding who a token belongs to.
public struct TokenService: Sendable {
    let store: any TokenStore
    let clock: @Sendable () -> Date

    public init(store: any TokenStore, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.clock = clock
    }

    /// A new token for `personID`; the secret is returned this once and never stored. `actor`
    /// is who asked (nil: an operator at the command line, or the system).
    public func create(
        for personID: UUID, name: String, expiresInDays: Int?, actor: UUID? = nil, interface: Interface = .system
    ) async throws -> (token: ApiToken, secret: String) {
        var errors = FieldErrors()
        let name = errors.check(Validation.text(name, field: "name", length: 1...100))
        if let days = expiresInDays, !(1...3650).contains(days) { errors.add("expires_in_days", "must be 1 to 3650 days") }
        try errors.throwIfAny()
        let secret = ApiToken.newSecret()
        let expiresAt = expiresInDays.map { clock().addingTimeInterval(TimeInterval($0) * 86_400) }
        let token = try await store.saveToken(secret: secret, personID: personID, name: name!, expiresAt: expiresAt) { token in
            AuditEntry(actorID: actor, action: "token.create", objectType: "api_token", objectID: token.id.uuidString.lowercased(),
                       before: nil, after: ["person": personID.uuidString.lowercased(), "name": token.name], reason: nil,
                       interface: interface)
        }
        return (token, secret)
    }

    /// The principal of a bearer token, or `.unauthenticated` for an unknown, expired or revoked one.
    public func principal(bearer secret: String, interface: Interface) async throws -> Principal {
        guard secret.hasPrefix("bo_"), secret.count == 46,
              let principal = try await store.principal(token: secret, interface: interface, at: clock())
        else { throw BackOfficeError.unauthenticated("the token is unknown, expired or revoked") }
        RequestTrace.noteActor(principal.personID)
        return principal
    }

    public func tokens(of principal: Principal) async throws -> [ApiToken] {
        try await store.tokens(of: principal.personID)
    }

    public func revoke(_ id: UUID, of principal: Principal) async throws {
        let audit = AuditEntry(
            actorID: principal.personID, action: "token.revoke", objectType: "api_token", objectID: id.uuidString.lowercased(),
            before: nil, after: ["revoked": "true"], reason: nil, interface: principal.interface)
        guard try await store.revokeToken(id, of: principal.personID, at: clock(), audit: audit) else {
            throw BackOfficeError.notFound("token \(id.uuidString.lowercased())")
        }
    }
}
