import Foundation

/// A signed-in browser: who, since when, and the token its forms carry against cross-site
/// requests. The session's secret (the cookie) is never kept, only its hash.
public struct WebSession: Sendable, Equatable {
    public let id: UUID
    public let personID: UUID
    /// Sent in a hidden field of every form and checked on every request that changes something.
    public let csrfToken: String
    public let createdAt: Date
    public let lastSeenAt: Date

    public init(id: UUID, personID: UUID, csrfToken: String, createdAt: Date, lastSeenAt: Date) {
        self.id = id
        self.personID = personID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}

/// A live session with the person behind it and the roles they hold now.
public struct SignedIn: Sendable, Equatable {
    public let session: WebSession
    public let person: Person
    public let principal: Principal

    public init(session: WebSession, person: Person, principal: Principal) {
        self.session = session
        self.person = person
        self.principal = principal
    }
}
