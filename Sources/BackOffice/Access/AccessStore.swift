import Foundation

/// What the access services need from storage. Every change happens in one transaction
/// together with its audit entry; reads see only what row-level security lets them.
public protocol AccessStore: Sendable {
    /// The person with `email` and the roles they hold at `moment`, or nil.
    func principal(email: String, interface: Interface, at moment: Date) async throws -> Principal?
    func organisation(code: String) async throws -> Organisation?
    func organisations() async throws -> [Organisation]
    func person(email: String) async throws -> Person?

    /// Adds a person (if no one has the e-mail yet) and makes them a member of `organisation`;
    /// the audit entry is made from the person as stored. With `idempotency` already used,
    /// the person added then (`created` false).
    func addMember(
        email: String, fullName: String, to organisation: Organisation, by actor: UUID?, idempotency: IdempotencyKey?,
        audit: (Person) -> AuditEntry
    ) async throws -> (person: Person, created: Bool)

    /// The people who hold or held county roles, with those grants.
    func countyMembers() async throws -> [Member]

    /// The members of `organisation` with their grants there (active and past).
    func members(of organisation: Organisation) async throws -> [Member]

    /// Stores a grant; the person must be a member of the organisation for an organisation role.
    /// An organisation role's grant also assigns, in the same transaction, the role's mandatory
    /// courses that no task of the person covers yet (see `TrainingStore`). With `idempotency`
    /// already used, the grant made then (`created` false).
    func grant(
        _ request: GrantRules.Request, by actor: UUID?, idempotency: IdempotencyKey?, audit: (RoleGrant) -> AuditEntry
    ) async throws -> (grant: RoleGrant, created: Bool)

    /// Revokes a grant after `check` approves it, with the count of active `org_admin`
    /// grants of its organisation taken under a lock, so two revokes cannot both pass.
    func revoke(
        grantID: UUID, in organisation: Organisation?, by actor: UUID, reason: String, at moment: Date,
        check: (RoleGrant, Int) throws -> Void, audit: (RoleGrant) -> AuditEntry
    ) async throws -> RoleGrant

    /// Ends `personID`'s membership of `organisation` (their grants there stop counting) after
    /// `check` approves it with the person's active grants there and the count of active
    /// `org_admin` grants of the organisation, taken under a lock.
    func deactivateMember(
        _ personID: UUID, in organisation: Organisation, at moment: Date,
        check: ([RoleGrant], Int) throws -> Void, audit: AuditEntry
    ) async throws

    /// Marks the person inactive everywhere (their grants and tokens stop counting, their web
    /// sessions end) after `check` approves it with the codes of the organisations whose last
    /// active org_admin they are, found under a lock.
    /// The language of the person's mails.
    func language(of personID: UUID) async throws -> MailLanguage

    /// Locks the person, sets their language and, when it changes, writes `audit` (given the
    /// language before) in the county's log; `.notFound` for no such person.
    func setLanguage(_ language: MailLanguage, of personID: UUID, by actor: UUID, audit: (MailLanguage) -> AuditEntry) async throws

    func deactivatePerson(_ personID: UUID, at moment: Date, check: ([String]) throws -> Void, audit: AuditEntry) async throws
}
