import Foundation

/// An API token's record: never the token itself, which is shown once when it is made.
public struct ApiToken: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let personID: UUID
    public let name: String
    public let createdAt: Date
    public let expiresAt: Date?
    public let lastUsedAt: Date?
    public let revokedAt: Date?

    public init(id: UUID, personID: UUID, name: String, createdAt: Date, expiresAt: Date?, lastUsedAt: Date?, revokedAt: Date?) {
        self.id = id
        self.personID = personID
        self.name = name
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }

    /// Makes a new secret: `bo_` and 256 random bits (see `RandomSecret`).
    public static func newSecret() -> String {
        "bo_" + RandomSecret.make()
    }
}

/// Where tokens are kept: as hashes, so a copy of the database gives no one a usable token.
public protocol TokenStore: Sendable {
    /// Stores the hash of `secret` for `personID`, with its audit entry.
    func saveToken(secret: String, personID: UUID, name: String, expiresAt: Date?, audit: (ApiToken) -> AuditEntry) async throws -> ApiToken
    /// The principal whose unrevoked, unexpired token is `secret`; notes its use, which is
    /// recorded at most once a minute per token and never on the request's path.
    func principal(token secret: String, interface: Interface, at moment: Date) async throws -> Principal?
    func tokens(of personID: UUID) async throws -> [ApiToken]
    /// Revokes one of `personID`'s tokens, with its audit entry; false when they have no such token.
    func revokeToken(_ id: UUID, of personID: UUID, at moment: Date, audit: AuditEntry) async throws -> Bool
}
