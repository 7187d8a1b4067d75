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

    /// Makes a new secret: 256 random bits from the system's cryptographic generator, as
    /// `bo_` and 43 URL-safe base64 characters.
    public static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let base64 = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return "bo_" + base64
    }
}

/// Where tokens are kept: as hashes, so a copy of the database gives no one a usable token.
public protocol TokenStore: Sendable {
    /// Stores the hash of `secret` for `personID`, with its audit entry.
    func saveToken(secret: String, personID: UUID, name: String, expiresAt: Date?, audit: (ApiToken) -> AuditEntry) async throws -> ApiToken
    /// The principal whose unrevoked, unexpired token is `secret`; records its use.
    func principal(token secret: String, interface: Interface, at moment: Date) async throws -> Principal?
    func tokens(of personID: UUID) async throws -> [ApiToken]
    /// Revokes one of `personID`'s tokens, with its audit entry; false when they have no such token.
    func revokeToken(_ id: UUID, of personID: UUID, at moment: Date, audit: AuditEntry) async throws -> Bool
}
