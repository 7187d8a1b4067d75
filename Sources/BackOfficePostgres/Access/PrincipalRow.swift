import BackOffice
import Foundation
import Postgres

/// A person with the roles they hold at a moment, read in one statement: the county roles,
/// the organisation roles (as `org_id role` pairs) of their active memberships of active
/// organisations, and the next moment at which one of their grants starts or ends.
enum PrincipalRow {
    /// The person's columns, for a statement whose `FROM` names the person `p`.
    static func columns(at moment: Date) -> PostgresQuery {
        """
        p.id AS person_id, p.email,
        ARRAY(SELECT c.role FROM county_role_grants c
              WHERE c.person_id = p.id AND c.revoked_at IS NULL AND c.valid_from <= \(moment)
                AND (c.valid_until IS NULL OR c.valid_until > \(moment))) AS county_roles,
        ARRAY(SELECT g.org_id::text || ' ' || g.role FROM org_role_grants g
              JOIN org_members m ON m.org_id = g.org_id AND m.person_id = g.person_id AND m.active
              JOIN organisations o ON o.id = g.org_id AND o.active
              WHERE g.person_id = p.id AND g.revoked_at IS NULL AND g.valid_from <= \(moment)
                AND (g.valid_until IS NULL OR g.valid_until > \(moment))) AS organisation_roles,
        (SELECT min(b.at) FROM (
            SELECT unnest(ARRAY[c.valid_from, c.valid_until]) FROM county_role_grants c
            WHERE c.person_id = p.id AND c.revoked_at IS NULL
            UNION ALL
            SELECT unnest(ARRAY[g.valid_from, g.valid_until]) FROM org_role_grants g
            WHERE g.person_id = p.id AND g.revoked_at IS NULL) AS b(at)
         WHERE b.at > \(moment)) AS roles_change_at
        """
    }

    static func principal(_ row: PostgresRow, interface: Interface) throws -> Principal {
        var roles: [UUID: Set<OrganisationRole>] = [:]
        for pair in try row.decode([String].self, "organisation_roles") {
            let parts = pair.split(separator: " ", maxSplits: 1)
            if parts.count == 2, let organisation = UUID(uuidString: String(parts[0])),
               let role = OrganisationRole(rawValue: String(parts[1])) {
                roles[organisation, default: []].insert(role)
            }
        }
        return Principal(
            personID: try row.decode(UUID.self, "person_id"), email: try row.decode(String.self, "email"),
            countyRoles: Set(try row.decode([String].self, "county_roles").compactMap(CountyRole.init(rawValue:))),
            organisationRoles: roles, interface: interface)
    }
}
