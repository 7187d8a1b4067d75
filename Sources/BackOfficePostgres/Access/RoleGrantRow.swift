import BackOffice
import Foundation
import Postgres

/// Reads role grants from `org_role_grants` and `county_role_grants` rows (`SELECT *` or `RETURNING *`).
enum RoleGrantRow {
    static func organisationGrant(_ row: PostgresRow) throws -> RoleGrant {
        let roleName = try row.decode(String.self, "role")
        guard let role = OrganisationRole(rawValue: roleName) else {
            throw PostgresError(.decoding, "unknown organisation role \(roleName)", column: "role")
        }
        return try grant(row, scope: .organisation(try row.decode(UUID.self, "org_id"), role))
    }

    static func countyGrant(_ row: PostgresRow) throws -> RoleGrant {
        let roleName = try row.decode(String.self, "role")
        guard let role = CountyRole(rawValue: roleName) else {
            throw PostgresError(.decoding, "unknown county role \(roleName)", column: "role")
        }
        return try grant(row, scope: .county(role))
    }

    private static func grant(_ row: PostgresRow, scope: RoleGrant.Scope) throws -> RoleGrant {
        RoleGrant(
            id: try row.decode(UUID.self, "id"), personID: try row.decode(UUID.self, "person_id"), scope: scope,
            validFrom: try row.decode(Date.self, "valid_from"), validUntil: try row.decode(Date?.self, "valid_until"),
            reason: try row.decode(String.self, "reason"), grantedBy: try row.decode(UUID?.self, "granted_by"),
            grantedAt: try row.decode(Date.self, "granted_at"), revokedAt: try row.decode(Date?.self, "revoked_at"),
            revokedBy: try row.decode(UUID?.self, "revoked_by"), revokeReason: try row.decode(String?.self, "revoke_reason"))
    }
}
