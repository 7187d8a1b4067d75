import Foundation

/// Logging in to the web pages with an e-mail and a password, the sessions that follow, and
/// setting passwords. Failed logins are slowed per e-mail and per client address; an unknown
/// e-mail costs the same time and gets the same answer as a wrong password.
public struct LoginService: Sendable {
    let store: any WebSessionStore
    let access: RoleService
    let hasher: any PasswordHasher
    public let settings: SessionSettings
    let clock: @Sendable () -> Date

    public init(
        store: any WebSessionStore, access: RoleService, hasher: any PasswordHasher, settings: SessionSettings = .standard,
        clock: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.access = access
        self.hasher = hasher
        self.settings = settings
        self.clock = clock
    }

    /// The client address of a request whose address is not known (no network connection, as
    /// in tests): its failures count against the e-mail only.
    public static let unknownAddress = "unknown"

    /// A new session for the person whose e-mail and password these are, and its secret (the
    /// cookie's value, returned this once). Refused with `LoginRefusal`.
    public func logIn(email: String, password: String, clientAddress: String) async throws -> (secret: String, signedIn: SignedIn) {
        let email = email.trimmingCharacters(in: .whitespaces)
        let moment = clock()
        let failures = try await store.failedLogins(
            email: email, clientAddress: clientAddress, since: moment.addingTimeInterval(-settings.failureWindow))
        let byAddress = clientAddress == Self.unknownAddress ? [] : failures.byAddress
        if let wait = retryAfter(failures.byEmail, at: moment) ?? retryAfter(byAddress, at: moment) {
            throw LoginRefusal.throttled(retryAfterSeconds: wait)
        }
        let found = email.isEmpty || email.count > 254 ? nil : try await store.credentials(email: email)
        let hash: String
        if let stored = found?.passwordHash { hash = stored } else { hash = try await hasher.decoyHash }
        let matches = try await hasher.verify(password, against: hash)
        guard let person = found?.person, found?.passwordHash != nil, matches,
              let principal = try await access.activePrincipal(email: person.email, interface: .web)
        else {
            try await store.recordFailedLogin(
                email: email, clientAddress: clientAddress, at: moment,
                audit: AuditEntry(
                    actorID: nil, action: "session.login_failed", objectType: "person",
                    objectID: found.map { $0.person.id.uuidString.lowercased() } ?? "unknown",
                    before: nil, after: ["client_address": clientAddress], reason: nil, interface: .web))
            throw LoginRefusal.wrongCredentials
        }
        RequestTrace.noteActor(person.id)
        let secret = RandomSecret.make()
        let session = try await store.createSession(
            secret: secret, csrfToken: RandomSecret.make(), personID: person.id, at: moment,
            audit: AuditEntry(
                actorID: person.id, action: "session.login", objectType: "person", objectID: person.id.uuidString.lowercased(),
                before: nil, after: ["client_address": clientAddress], reason: nil, interface: .web))
        return (secret, SignedIn(session: session, person: person, principal: principal))
    }

    /// The live session of `secret` with its person and their roles now, or nil when it is
    /// unknown, ended or expired, or the person is no longer active.
    public func signedIn(secret: String) async throws -> SignedIn? {
        guard !secret.isEmpty, secret.count <= 64, let (session, person) = try await store.session(secret: secret) else { return nil }
        let moment = clock()
        guard settings.isLive(session, at: moment) else {
            try await store.removeSession(session.id)
            return nil
        }
        if moment.timeIntervalSince(session.lastSeenAt) >= settings.touchInterval {
            try await store.touchSession(session.id, at: moment)
        }
        guard let principal = try await access.activePrincipal(email: person.email, interface: .web) else { return nil }
        RequestTrace.noteActor(person.id)
        return SignedIn(session: session, person: person, principal: principal)
    }

    /// Ends the session of `secret`, if there is one.
    public func logOut(secret: String) async throws {
        guard !secret.isEmpty, secret.count <= 64 else { return }
        _ = try await store.endSession(secret: secret) { session in
            AuditEntry(
                actorID: session.personID, action: "session.logout", objectType: "person",
                objectID: session.personID.uuidString.lowercased(), before: nil, after: nil, reason: nil, interface: .web)
        }
    }

    /// Sets the password of the person with `email` and ends all their sessions. `actor` is
    /// who asked: the person themselves, or nil for an operator at the command line.
    public func setPassword(_ password: String, email: String, actor: UUID? = nil, interface: Interface = .cli) async throws {
        let password = try PasswordPolicy.check(password, email: email).mapError { BackOfficeError.invalid([$0]) }.get()
        let hash = try await hasher.hash(password)
        let person = try await store.setPassword(hash: hash, email: email) { person in
            AuditEntry(
                actorID: actor, action: "person.set_password", objectType: "person", objectID: person.id.uuidString.lowercased(),
                before: nil, after: nil, reason: nil, interface: interface)
        }
        guard person != nil else { throw BackOfficeError.notFound("person \(email)") }
    }

    /// Seconds until enough failures (oldest first) leave the window to bring them below the
    /// limit, when it is reached.
    private func retryAfter(_ failures: [Date], at moment: Date) -> Int? {
        guard settings.failureLimit > 0, failures.count >= settings.failureLimit else { return nil }
        let freeing = failures[failures.count - settings.failureLimit]
        return max(1, Int((freeing.addingTimeInterval(settings.failureWindow).timeIntervalSince(moment)).rounded(.up)))
    }
}
