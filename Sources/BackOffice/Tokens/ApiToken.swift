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
