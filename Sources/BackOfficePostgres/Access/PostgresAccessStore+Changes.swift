import BackOffice
import Foundation
import Postgres

extension PostgresAccessStore {
    public func addMember(
        email: String, fullName: String, to organisation: Organisation, by actor: UUID?, idempotency: IdempotencyKey?,
        audit: (Person) -> AuditEntry
    ) async throws -> (person: Person, created: Bool) {
        defer { pool.accessChanged() }
        do {
            return try await pool.withTenant(organisation.id, actor: actor) { transaction -> (person: Person, created: Bool) in
                try await IdempotentCreate.run(idempotency, in: organisation.id, transaction, earlier: { personID in
                    try await transaction.query("""
                        SELECT p.id, p.email, p.full_name, p.active FROM org_members m JOIN people p ON p.id = m.person_id
                        WHERE m.org_id = \(organisation.id) AND m.person_id = \(personID)
                        """).first.map(Self.person)
                }, make: {
                    try await transaction.execute("""
                        INSERT INTO people (email, full_name) VALUES (\(email), \(fullName))
                        ON CONFLICT ((lower(email))) DO NOTHING
                        """)
                    let person = try Self.person(try await transaction.query(
                        "SELECT id, email, full_name, active FROM people WHERE lower(email) = lower(\(email))").single())
                    try await transaction.execute("""
                        INSERT INTO org_members (org_id, person_id, added_by) VALUES (\(organisation.id), \(person.id), \(actor))
                        ON CONFLICT (org_id, person_id) DO UPDATE SET active = true
                        """)
                    try await AuditWriter.write(audit(person), organisation: organisation.id, in: transaction)
                    return (person, person.id)
                })
            }
        } catch {
            throw StoreError.map(error)
        }
    }

    public func deactivateMember(
        _ personID: UUID, in organisation: Organisation, at moment: Date,
        check: ([RoleGrant], Int) throws -> Void, audit: AuditEntry
    ) async throws {
        defer { pool.accessChanged() }
        try await StoreError.mapping { try await pool.withTenant(organisation.id, actor: audit.actorID) { transaction in
            guard try await transaction.query("""
                SELECT person_id FROM org_members WHERE org_id = \(organisation.id) AND person_id = \(personID) AND active FOR UPDATE
                """).first != nil else { throw BackOfficeError.notFound("member") }
            let grants = try await transaction.query(
                "SELECT * FROM org_role_grants WHERE org_id = \(organisation.id) AND person_id = \(personID) AND revoked_at IS NULL"
            ).map(RoleGrantRow.organisationGrant)
            let activeAdmins = try await transaction.query("""
                SELECT g.id FROM org_role_grants g
                JOIN org_members m ON m.org_id = g.org_id AND m.person_id = g.person_id AND m.active
                WHERE g.org_id = \(organisation.id) AND g.role = 'org_admin' AND g.revoked_at IS NULL
                  AND g.valid_from <= \(moment) AND (g.valid_until IS NULL OR g.valid_until > \(moment))
                FOR UPDATE OF g
                """).count
            try check(grants, activeAdmins)
            try await transaction.execute(
                "UPDATE org_members SET active = false WHERE org_id = \(organisation.id) AND person_id = \(personID)")
            try await AuditWriter.write(audit, organisation: organisation.id, in: transaction)
        } }
    }

    /// People are global rows and their admin grants span organisations, so this runs in the
    /// county scope; the deactivation ends the person's web sessions and is audited in the
    /// county's log.
    public func deactivatePerson(_ personID: UUID, at moment: Date, check: ([String]) throws -> Void, audit: AuditEntry) async throws {
        defer { pool.accessChanged() }
        let county = try await pool.countyOrganisationID()
        try await StoreError.mapping {
            try await pool.withCountyScope(actor: audit.actorID) { transaction in
                let lastAdminOf = try await transaction.query("""
                    SELECT o.code FROM org_role_grants mine JOIN organisations o ON o.id = mine.org_id
                    WHERE mine.person_id = \(personID) AND mine.role = 'org_admin' AND mine.revoked_at IS NULL
                      AND mine.valid_from <= \(moment) AND (mine.valid_until IS NULL OR mine.valid_until > \(moment))
                      AND NOT EXISTS (
                          SELECT 1 FROM org_role_grants other
                          JOIN org_members m ON m.org_id = other.org_id AND m.person_id = other.person_id AND m.active
                          JOIN people p ON p.id = other.person_id AND p.active
                          WHERE other.org_id = mine.org_id AND other.person_id <> mine.person_id AND other.role = 'org_admin'
                            AND other.revoked_at IS NULL AND other.valid_from <= \(moment)
                            AND (other.valid_until IS NULL OR other.valid_until > \(moment)))
                    ORDER BY o.code
                    FOR UPDATE OF mine
                    """).map { try $0.decode(String.self, "code") }
                try check(lastAdminOf)
                transaction.sendWithNext("UPDATE people SET active = false, updated_at = now() WHERE id = \(personID)")
                transaction.sendWithNext("DELETE FROM web_sessions WHERE person_id = \(personID)")
                try await AuditWriter.write(audit, organisation: county, in: transaction)
            }
        }
    }

    public func countyMembers() async throws -> [Member] {
        try await StoreError.mapping {
            try await pool.withTransaction { transaction in
                let grants = try await transaction.query("SELECT * FROM county_role_grants ORDER BY granted_at")
                    .map(RoleGrantRow.countyGrant)
                let people = try await transaction.query("""
                    SELECT id, email, full_name, active FROM people
                    WHERE id IN (SELECT person_id FROM county_role_grants) ORDER BY email
                    """).map(Self.person)
                let byPerson = Dictionary(grouping: grants, by: \.personID)
                return people.map { Member(person: $0, grants: byPerson[$0.id] ?? []) }
            }
        }
    }

    public func members(of organisation: Organisation) async throws -> [Member] {
        try await StoreError.mapping {
            try await pool.withTenant(organisation.id) { transaction in
                let people = try await transaction.query("""
                    SELECT p.id, p.email, p.full_name, p.active AND m.active AS active
                    FROM org_members m JOIN people p ON p.id = m.person_id
                    WHERE m.org_id = \(organisation.id) ORDER BY p.full_name, p.email
                    """).map(Self.person)
                let grants = try await transaction.query("""
                    SELECT * FROM org_role_grants WHERE org_id = \(organisation.id) ORDER BY granted_at
                    """).map(RoleGrantRow.organisationGrant)
                let byPerson = Dictionary(grouping: grants, by: \.personID)
                return people.map { Member(person: $0, grants: byPerson[$0.id] ?? []) }
            }
        }
    }

    public func grant(
        _ request: GrantRules.Request, by actor: UUID?, idempotency: IdempotencyKey?, audit: (RoleGrant) -> AuditEntry
    ) async throws -> (grant: RoleGrant, created: Bool) {
        defer { pool.accessChanged() }
        do {
            switch request.scope {
            case .organisation(let organisation, let role):
                return try await pool.withTenant(organisation, actor: actor) { transaction -> (grant: RoleGrant, created: Bool) in
                    try await IdempotentCreate.run(idempotency, in: organisation, transaction, earlier: { grantID in
                        try await transaction.query("SELECT * FROM org_role_grants WHERE org_id = \(organisation) AND id = \(grantID)")
                            .first.map(RoleGrantRow.organisationGrant)
                    }, make: {
                        try await Self.lockGrants(of: request.personID, role.rawValue, in: organisation, transaction)
                        try GrantRules.checkNotDuplicate(request, existing: try await transaction.query("""
                            SELECT * FROM org_role_grants
                            WHERE org_id = \(organisation) AND person_id = \(request.personID) AND role = \(role.rawValue) AND revoked_at IS NULL
                            """).map(RoleGrantRow.organisationGrant))
                        let grant = try RoleGrantRow.organisationGrant(try await transaction.query("""
                            INSERT INTO org_role_grants (org_id, person_id, role, valid_from, valid_until, reason, granted_by)
                            VALUES (\(organisation), \(request.personID), \(role.rawValue), \(request.validFrom), \(request.validUntil),
                                    \(request.reason), \(actor))
                            RETURNING *
                            """).single())
                        let entry = audit(grant)
                        try await AuditWriter.write(entry, organisation: organisation, in: transaction)
                        try await MandatoryTraining.assign(
                            for: grant, in: organisation, role: role, grantEntry: entry, notice: request.trainingNotice, transaction)
                        return (grant, grant.id)
                    })
                }
            case .county(let role):
                let county = try await pool.countyOrganisationID()
                return try await pool.withTenant(county, actor: actor) { transaction -> (grant: RoleGrant, created: Bool) in
                    try await IdempotentCreate.run(idempotency, in: county, transaction, earlier: { grantID in
                        try await transaction.query("SELECT * FROM county_role_grants WHERE id = \(grantID)").first.map(RoleGrantRow.countyGrant)
                    }, make: {
                        try await Self.lockGrants(of: request.personID, role.rawValue, in: nil, transaction)
                        try GrantRules.checkNotDuplicate(request, existing: try await transaction.query("""
                            SELECT * FROM county_role_grants WHERE person_id = \(request.personID) AND role = \(role.rawValue) AND revoked_at IS NULL
                            """).map(RoleGrantRow.countyGrant))
                        let grant = try RoleGrantRow.countyGrant(try await transaction.query("""
                            INSERT INTO county_role_grants (person_id, role, valid_from, valid_until, reason, granted_by)
                            VALUES (\(request.personID), \(role.rawValue), \(request.validFrom), \(request.validUntil), \(request.reason), \(actor))
                            RETURNING *
                            """).single())
                        try await AuditWriter.write(audit(grant), organisation: county, in: transaction)
                        return (grant, grant.id)
                    })
                }
            }
        } catch {
            throw StoreError.map(error, notFound: "member (add the person to the organisation first)")
        }
    }

    /// Serialises the grants of one role to one person (in one organisation, or the county),
    /// so that two requests at once cannot both find no grant and both make one.
    private static func lockGrants(of personID: UUID, _ role: String, in organisation: UUID?, _ transaction: Transaction) async throws {
        let key = "role_grant:\(organisation?.uuidString.lowercased() ?? "county"):\(personID.uuidString.lowercased()):\(role)"
        try await transaction.execute("SELECT pg_advisory_xact_lock(hashtextextended(\(key), 0))")
    }

    public func revoke(
        grantID: UUID, in organisation: Organisation?, by actor: UUID, reason: String, at moment: Date,
        check: (RoleGrant, Int) throws -> Void, audit: (RoleGrant) -> AuditEntry
    ) async throws -> RoleGrant {
        defer { pool.accessChanged() }
        guard let organisation else {
            return try await revokeCounty(grantID: grantID, by: actor, reason: reason, at: moment, check: check, audit: audit)
        }
        return try await StoreError.mapping { try await pool.withTenant(organisation.id, actor: actor) { transaction in
            guard let row = try await transaction.query("""
                SELECT * FROM org_role_grants WHERE org_id = \(organisation.id) AND id = \(grantID) FOR UPDATE
                """).first else { throw BackOfficeError.notFound("role grant \(grantID.uuidString.lowercased())") }
            let grant = try RoleGrantRow.organisationGrant(row)
            // Lock the organisation's active admin grants, so two revokes cannot both see two.
            let activeAdmins = try await transaction.query("""
                SELECT id FROM org_role_grants
                WHERE org_id = \(organisation.id) AND role = 'org_admin' AND revoked_at IS NULL
                  AND valid_from <= \(moment) AND (valid_until IS NULL OR valid_until > \(moment))
                FOR UPDATE
                """).count
            try check(grant, activeAdmins)
            let revoked = try RoleGrantRow.organisationGrant(try await transaction.query("""
                UPDATE org_role_grants SET revoked_at = \(moment), revoked_by = \(actor), revoke_reason = \(reason)
                WHERE org_id = \(organisation.id) AND id = \(grantID)
                RETURNING *
                """).single())
            try await AuditWriter.write(audit(revoked), organisation: organisation.id, in: transaction)
            return revoked
        } }
    }

    private func revokeCounty(
        grantID: UUID, by actor: UUID, reason: String, at moment: Date,
        check: (RoleGrant, Int) throws -> Void, audit: (RoleGrant) -> AuditEntry
    ) async throws -> RoleGrant {
        let county = try await pool.countyOrganisationID()
        return try await StoreError.mapping { try await pool.withTenant(county, actor: actor) { transaction in
            guard let row = try await transaction.query("SELECT * FROM county_role_grants WHERE id = \(grantID) FOR UPDATE").first else {
                throw BackOfficeError.notFound("role grant \(grantID.uuidString.lowercased())")
            }
            let grant = try RoleGrantRow.countyGrant(row)
            let activeAdmins = try await transaction.query("""
                SELECT id FROM county_role_grants
                WHERE role = 'county_admin' AND revoked_at IS NULL AND valid_from <= \(moment)
                  AND (valid_until IS NULL OR valid_until > \(moment))
                FOR UPDATE
                """).count
            try check(grant, activeAdmins)
            let revoked = try RoleGrantRow.countyGrant(try await transaction.query("""
                UPDATE county_role_grants SET revoked_at = \(moment), revoked_by = \(actor), revoke_reason = \(reason)
                WHERE id = \(grantID) RETURNING *
                """).single())
            try await AuditWriter.write(audit(revoked), organisation: county, in: transaction)
            return revoked
        } }
    }
}
