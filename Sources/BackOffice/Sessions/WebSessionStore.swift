import Foundation

/// Where passwords, sessions and failed logins are kept. Session secrets are stored only as
/// hashes; every login, failed login and logout is written with its audit entry.
public protocol WebSessionStore: Sendable {
    /// The active person with `email` and their password hash (nil when they have none yet),
    /// or nil when there is no such active person.
    func credentials(email: String) async throws -> (person: Person, passwordHash: String?)?

    /// Stores `hash` as the password of the person with `email` and ends every session of
    /// theirs, with the audit entry, in one transaction; nil when there is no such person.
    func setPassword(hash: String, email: String, audit: (Person) -> AuditEntry) async throws -> Person?

    /// The times of the failed logins since `since`, oldest first: those for `email`
    /// (compared in lowercase) and those from `clientAddress`.
    func failedLogins(email: String, clientAddress: String, since: Date) async throws -> (byEmail: [Date], byAddress: [Date])

    /// Records a failed login with its audit entry.
    func recordFailedLogin(email: String, clientAddress: String, at moment: Date, audit: AuditEntry) async throws

    /// Stores a new session of `personID` under the hash of `secret`, with the login's audit entry.
    func createSession(secret: String, csrfToken: String, personID: UUID, at moment: Date, audit: AuditEntry) async throws -> WebSession

    /// The session stored under the hash of `secret` and its person while the person is active,
    /// or nil.
    func session(secret: String) async throws -> (session: WebSession, person: Person)?

    /// Records that the session was used at `moment`.
    func touchSession(_ id: UUID, at moment: Date) async throws

    /// Removes the session stored under the hash of `secret`, with the audit entry made from
    /// it; nil when there was none.
    func endSession(secret: String, audit: (WebSession) -> AuditEntry) async throws -> WebSession?

    /// Removes a session that has expired (no audit entry: nobody acted).
    func removeSession(_ id: UUID) async throws
}
