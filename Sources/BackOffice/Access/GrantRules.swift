import Foundation

/// The rules of granting and revoking roles, apart from any storage.
public enum GrantRules {
    /// A grant someone asks for, already validated.
    public struct Request: Sendable, Equatable {
        public let personID: UUID
        public let scope: RoleGrant.Scope
        public let validFrom: Date
        public let validUntil: Date?
        public let reason: String
        /// The mail to the holder about each training task the grant assigns (organisation
        /// roles), nil for none.
        public var trainingNotice: TrainingNotice? = nil
    }

    /// Validates a grant's fields: the reason is required, the window must not be empty, and
    /// it must not end in the past.
    public static func request(
        personID: UUID, scope: RoleGrant.Scope, validFrom: Date?, validUntil: Date?, reason: String?, now: Date
    ) throws(BackOfficeError) -> Request {
        var errors = FieldErrors()
        let reason = errors.check(Validation.reason(reason))
        let from = validFrom ?? now
        if let validUntil {
            if validUntil <= from {
                errors.add("valid_until", "must be after valid_from")
            } else if validUntil <= now {
                errors.add("valid_until", "must be in the future")
            }
        }
        try errors.throwIfAny()
        return Request(personID: personID, scope: scope, validFrom: from, validUntil: validUntil, reason: reason!)
    }

    /// May `principal` grant or revoke a role of `scope`? No one changes their own roles.
    public static func checkMayChange(_ scope: RoleGrant.Scope, of personID: UUID, by principal: Principal, organisationCode: String? = nil) throws(BackOfficeError) {
        switch scope {
        case .county:
            try PermissionMatrix.require(principal, .grantCountyRoles)
        case .organisation(let organisation, _):
            try PermissionMatrix.require(principal, .grantOrganisationRoles, in: organisation, organisationCode: organisationCode)
        }
        guard personID != principal.personID else {
            throw .forbidden("no one grants or revokes their own roles")
        }
    }

    /// A person holds a role once at a time: a grant whose window meets the window of an
    /// unrevoked grant of the same role in the same scope (`existing`) is refused, naming it.
    public static func checkNotDuplicate(_ request: Request, existing: [RoleGrant]) throws(BackOfficeError) {
        let until = request.validUntil ?? .distantFuture
        guard let held = existing.first(where: {
            $0.revokedAt == nil && $0.personID == request.personID && $0.scope == request.scope
                && $0.validFrom < until && ($0.validUntil ?? .distantFuture) > request.validFrom
        }) else { return }
        let window = held.validUntil.map { "until \($0.formatted(.iso8601))" } ?? "with no end"
        throw .conflict("the person already holds \(held.roleName) by grant \(held.id.uuidString.lowercased()) (\(window)); revoke it or grant after it ends")
    }

    /// The refusal of the last active org_admin's revoke (adapters may say it in their own words).
    public static let lastOrgAdminRefusal =
        "the last active org_admin of an organisation cannot be revoked; grant the role to someone else first"
    /// The refusal of the last active county_admin's revoke.
    public static let lastCountyAdminRefusal = "the last active county_admin cannot be revoked; grant the role to someone else first"

    /// The last active `org_admin` of an organisation, and the last active `county_admin`,
    /// cannot be revoked: someone must be left to manage the roles. `activeAdmins` counts the
    /// active grants of the same admin role in the same scope.
    public static func checkRevoke(_ grant: RoleGrant, activeAdmins: Int, now: Date) throws(BackOfficeError) {
        guard grant.revokedAt == nil else { throw .conflict("the grant is already revoked") }
        guard grant.isActive(at: now), activeAdmins <= 1 else { return }
        switch grant.scope {
        case .organisation(_, .orgAdmin):
            throw .conflict(lastOrgAdminRefusal)
        case .county(.countyAdmin):
            throw .conflict(lastCountyAdminRefusal)
        default:
            return
        }
    }
}
