import Foundation

/// Granting, revoking and listing roles, and the members of an organisation: the permission
/// matrix and the grant rules applied before the store is asked.
public struct RoleService: Sendable {
    let store: any AccessStore
    /// The training mails a grant's mandatory courses cause (and whether they are turned off).
    let mail: MailSettings
    let clock: @Sendable () -> Date

    public init(store: any AccessStore, mail: MailSettings = MailSettings(), clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.mail = mail
        self.clock = clock
    }

    /// The principal acting as `email`, or `.unauthenticated` when there is no such active person.
    public func principal(email: String, interface: Interface) async throws -> Principal {
        guard let principal = try await activePrincipal(email: email, interface: interface) else {
            throw BackOfficeError.unauthenticated("no active person with e-mail \(email)")
        }
        return principal
    }

    /// The person with `email` and the roles they hold now, or nil when there is no such active
    /// person (for naming others: reporters, assignees).
    func activePrincipal(email: String, interface: Interface) async throws -> Principal? {
        try await store.principal(email: email, interface: interface, at: clock())
    }

    /// The organisation with `code`, as the principal may see it: `.notFound` also when they
    /// have no standing there, so that codes cannot be probed.
    public func organisation(_ code: String, for principal: Principal) async throws -> Organisation {
        guard let organisation = try await store.organisation(code: code.uppercased()),
              principal.canSee(organisation: organisation.id)
        else { throw BackOfficeError.notFound("organisation \(code)") }
        return organisation
    }

    /// The organisations the principal has standing in: all for county roles.
    public func organisations(for principal: Principal) async throws -> [Organisation] {
        try await store.organisations().filter { principal.canSee(organisation: $0.id) }
    }

    public func members(of code: String, for principal: Principal) async throws -> [Member] {
        let organisation = try await organisation(code, for: principal)
        try PermissionMatrix.require(principal, .listMembers, in: organisation.id, organisationCode: organisation.code)
        return try await store.members(of: organisation)
    }

    /// The role grants of an organisation with their holders; ended ones only when asked.
    public func grants(in code: String, includeEnded: Bool, for principal: Principal) async throws -> [HeldGrant] {
        try await members(of: code, for: principal).heldGrants(includeEnded: includeEnded, at: clock())
    }

    /// A person's grants in every organisation whose people the principal may see.
    public func memberships(of email: String, for principal: Principal) async throws -> [(organisation: Organisation, grant: RoleGrant)] {
        var found: [(organisation: Organisation, grant: RoleGrant)] = []
        for organisation in try await organisations(for: principal)
        where PermissionMatrix.allows(principal, .listMembers, in: organisation.id) {
            for member in try await store.members(of: organisation) where member.person.email.lowercased() == email.lowercased() {
                found += member.grants.map { (organisation, $0) }
            }
        }
        guard !found.isEmpty else { throw BackOfficeError.notFound("person \(email)") }
        return found
    }

    /// Adds a person to an organisation (creating their identity on first use). The answer is
    /// the person as the caller typed them: whether someone elsewhere in the county already has
    /// the e-mail, and under which name, is not told (see README, "People and e-mail"). With an
    /// `idempotencyKey` already used for the same member, `created` is false.
    public func addMember(
        email: String, fullName: String, to code: String, idempotencyKey: String? = nil, by principal: Principal
    ) async throws -> (person: Person, created: Bool) {
        let organisation = try await organisation(code, for: principal)
        try PermissionMatrix.require(principal, .grantOrganisationRoles, in: organisation.id, organisationCode: organisation.code)
        var errors = FieldErrors()
        let email = errors.check(Validation.email(email))
        let fullName = errors.check(Validation.text(fullName, field: "full_name", length: 1...200))
        let key = IdempotencyKey(idempotencyKey, of: .member, content: [email?.lowercased(), fullName], errors: &errors)
        try errors.throwIfAny()
        let stored = try await store.addMember(
            email: email!, fullName: fullName!, to: organisation, by: principal.personID, idempotency: key
        ) { person in
            AuditEntry(
                actorID: principal.personID, action: "member.add", objectType: "person", objectID: person.id.uuidString.lowercased(),
                before: nil, after: ["email": email!, "full_name": fullName!, "organisation": organisation.code],
                reason: nil, interface: principal.interface)
        }
        return (Person(id: stored.person.id, email: email!, fullName: fullName!, active: true), stored.created)
    }

    /// The member of `organisation` with `email`. Someone who is not a member is not found in
    /// the same words whether or not the county knows the e-mail, so addresses cannot be probed.
    func member(_ email: String, of organisation: Organisation) async throws -> Person {
        let wanted = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard let member = try await store.members(of: organisation).first(where: { $0.person.email.lowercased() == wanted }) else {
            throw BackOfficeError.notFound("member \(email) of \(organisation.code)")
        }
        return member.person
    }

    /// Ends a person's membership of an organisation, with a reason; the organisation's last
    /// active org_admin stays.
    public func deactivateMember(_ email: String, in code: String, reason: String?, by principal: Principal) async throws {
        let organisation = try await organisation(code, for: principal)
        try PermissionMatrix.require(principal, .grantOrganisationRoles, in: organisation.id, organisationCode: organisation.code)
        let reason = try Validation.reason(reason).mapError { BackOfficeError.invalid([$0]) }.get()
        let person = try await member(email, of: organisation)
        guard person.id != principal.personID else { throw BackOfficeError.forbidden("no one deactivates themselves") }
        let now = clock()
        try await store.deactivateMember(
            person.id, in: organisation, at: now,
            check: { grants, activeAdmins in
                for grant in grants where grant.isActive(at: now) {
                    try GrantRules.checkRevoke(grant, activeAdmins: activeAdmins, now: now)
                }
            },
            audit: AuditEntry(
                actorID: principal.personID, action: "member.deactivate", objectType: "person",
                objectID: person.id.uuidString.lowercased(),
                before: ["active": "true"], after: ["active": "false"], reason: reason, interface: principal.interface))
    }

    /// Deactivates a person in every organisation at once (county admins), with a reason: the
    /// person can no longer act, and their grants stay on record.
    public func deactivatePerson(_ email: String, reason: String?, by principal: Principal) async throws {
        try PermissionMatrix.require(principal, .keepCatalogues)
        let reason = try Validation.reason(reason).mapError { BackOfficeError.invalid([$0]) }.get()
        guard let person = try await store.person(email: email) else { throw BackOfficeError.notFound("person \(email)") }
        guard person.id != principal.personID else { throw BackOfficeError.forbidden("no one deactivates themselves") }
        try await store.deactivatePerson(person.id, at: clock(), check: { lastAdminOf in
            guard lastAdminOf.isEmpty else {
                throw BackOfficeError.conflict(
                    "\(person.email) is the last active org_admin of \(lastAdminOf.joined(separator: ", ")); grant the role to someone else first")
            }
        }, audit: AuditEntry(
            actorID: principal.personID, action: "person.deactivate", objectType: "person", objectID: person.id.uuidString.lowercased(),
            before: ["active": String(person.active)], after: ["active": "false"], reason: reason, interface: principal.interface))
    }

    /// Grants an organisation role to a member of the organisation, with the tasks of the
    /// role's mandatory courses the member has not covered yet. With an `idempotencyKey`
    /// already used for the same grant, the grant made then comes back with `created` false.
    public func grant(
        _ role: OrganisationRole, to email: String, in code: String, validFrom: Date? = nil, validUntil: Date? = nil,
        reason: String?, idempotencyKey: String? = nil, by principal: Principal
    ) async throws -> (grant: RoleGrant, created: Bool) {
        let organisation = try await organisation(code, for: principal)
        try PermissionMatrix.require(principal, .grantOrganisationRoles, in: organisation.id, organisationCode: organisation.code)
        let person = try await member(email, of: organisation)
        let scope = RoleGrant.Scope.organisation(organisation.id, role)
        try GrantRules.checkMayChange(scope, of: person.id, by: principal, organisationCode: organisation.code)
        var request = try GrantRules.request(
            personID: person.id, scope: scope, validFrom: validFrom, validUntil: validUntil, reason: reason, now: clock())
        request.trainingNotice = mail.trainingNotice(.trainingAssigned)
        let key = try Self.key(idempotencyKey, of: person, role: role.rawValue, in: organisation.code, validFrom: validFrom, request)
        return try await store.grant(request, by: principal.personID, idempotency: key) { grant in
            AuditEntry(
                actorID: principal.personID, action: "role.grant", objectType: "role_grant",
                objectID: grant.id.uuidString.lowercased(), before: nil,
                after: ["person": person.email, "role": role.rawValue, "organisation": organisation.code,
                        "valid_from": ISO8601DateFormatter().string(from: grant.validFrom),
                        "valid_until": grant.validUntil.map { ISO8601DateFormatter().string(from: $0) } ?? ""],
                reason: request.reason, interface: principal.interface)
        }
    }

    /// The county role grants with their holders (county admins only); ended ones only when asked.
    public func countyGrants(includeEnded: Bool, for principal: Principal) async throws -> [HeldGrant] {
        guard PermissionMatrix.allows(principal, .grantCountyRoles) else {
            throw BackOfficeError.forbidden("only county admins may see the county roles")
        }
        return try await store.countyMembers().heldGrants(includeEnded: includeEnded, at: clock())
    }

    /// Grants a county role (county admins only; no one grants themselves). With an
    /// `idempotencyKey` already used for the same grant, `created` is false.
    public func grantCounty(
        _ role: CountyRole, to email: String, validUntil: Date? = nil, reason: String?, idempotencyKey: String? = nil,
        by principal: Principal
    ) async throws -> (grant: RoleGrant, created: Bool) {
        guard let person = try await store.person(email: email) else { throw BackOfficeError.notFound("person \(email)") }
        let scope = RoleGrant.Scope.county(role)
        try GrantRules.checkMayChange(scope, of: person.id, by: principal)
        let request = try GrantRules.request(
            personID: person.id, scope: scope, validFrom: nil, validUntil: validUntil, reason: reason, now: clock())
        let key = try Self.key(idempotencyKey, of: person, role: role.rawValue, in: nil, validFrom: nil, request)
        return try await store.grant(request, by: principal.personID, idempotency: key) { grant in
            AuditEntry(
                actorID: principal.personID, action: "role.grant", objectType: "role_grant",
                objectID: grant.id.uuidString.lowercased(), before: nil,
                after: ["person": person.email, "role": role.rawValue], reason: request.reason, interface: principal.interface)
        }
    }

    /// Revokes a county role grant, with a reason; the last active county_admin stays.
    public func revokeCounty(grantID: UUID, reason: String?, by principal: Principal) async throws -> RoleGrant {
        try PermissionMatrix.require(principal, .grantCountyRoles)
        let reason = try Validation.reason(reason).mapError { BackOfficeError.invalid([$0]) }.get()
        let now = clock()
        return try await store.revoke(
            grantID: grantID, in: nil, by: principal.personID, reason: reason, at: now,
            check: { grant, activeAdmins in
                try GrantRules.checkMayChange(grant.scope, of: grant.personID, by: principal)
                try GrantRules.checkRevoke(grant, activeAdmins: activeAdmins, now: now)
            },
            audit: { grant in Self.revocationEntry(grant, reason: reason, at: now, by: principal) })
    }

    /// Revokes an organisation role grant, with a reason.
    public func revoke(grantID: UUID, in code: String, reason: String?, by principal: Principal) async throws -> RoleGrant {
        let organisation = try await organisation(code, for: principal)
        let reason = try Validation.reason(reason).mapError { BackOfficeError.invalid([$0]) }.get()
        let now = clock()
        return try await store.revoke(
            grantID: grantID, in: organisation, by: principal.personID, reason: reason, at: now,
            check: { grant, activeAdmins in
                try GrantRules.checkMayChange(grant.scope, of: grant.personID, by: principal, organisationCode: organisation.code)
                try GrantRules.checkRevoke(grant, activeAdmins: activeAdmins, now: now)
            },
            audit: { grant in Self.revocationEntry(grant, reason: reason, at: now, by: principal) })
    }

    static func revocationEntry(_ grant: RoleGrant, reason: String, at now: Date, by principal: Principal) -> AuditEntry {
        AuditEntry(
            actorID: principal.personID, action: "role.revoke", objectType: "role_grant",
            objectID: grant.id.uuidString.lowercased(),
            before: ["role": grant.roleName, "revoked_at": ""],
            after: ["role": grant.roleName, "revoked_at": ISO8601DateFormatter().string(from: now)],
            reason: reason, interface: principal.interface)
    }

    /// A grant request's key: the same person, role, organisation, window as asked and reason.
    private static func key(
        _ key: String?, of person: Person, role: String, in code: String?, validFrom: Date?, _ request: GrantRules.Request
    ) throws -> IdempotencyKey? {
        var errors = FieldErrors()
        let made = IdempotencyKey(key, of: .roleGrant, content: [
            person.id.uuidString.lowercased(), role, code, validFrom.map { "\($0.timeIntervalSince1970)" },
            request.validUntil.map { "\($0.timeIntervalSince1970)" }, request.reason,
        ], errors: &errors)
        try errors.throwIfAny()
        return made
    }
}

extension RoleService {
    /// The county's own organisation (kind county), which owns county-wide sets.
    func countyOrganisation() async throws -> Organisation {
        guard let county = try await store.organisations().first(where: { $0.kind == .county }) else {
            throw BackOfficeError.notFound("the county organisation")
        }
        return county
    }
}
