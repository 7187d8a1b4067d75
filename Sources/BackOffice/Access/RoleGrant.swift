import Foundation

/// A role held by a person, in an organisation or county-wide, for a window of time.
public struct RoleGrant: Sendable, Equatable, Identifiable {
    /// Where the grant applies.
    public enum Scope: Sendable, Equatable {
        case county(CountyRole)
        case organisation(UUID, OrganisationRole)
    }

    public let id: UUID
    public let personID: UUID
    public let scope: Scope
    public let validFrom: Date
    public let validUntil: Date?
    public let reason: String
    public let grantedBy: UUID?
    public let grantedAt: Date
    public let revokedAt: Date?
    public let revokedBy: UUID?
    public let revokeReason: String?

    public init(
        id: UUID, personID: UUID, scope: Scope, validFrom: Date, validUntil: Date?, reason: String,
        grantedBy: UUID?, grantedAt: Date, revokedAt: Date? = nil, revokedBy: UUID? = nil, revokeReason: String? = nil
    ) {
        self.id = id
        self.personID = personID
        self.scope = scope
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.reason = reason
        self.grantedBy = grantedBy
        self.grantedAt = grantedAt
        self.revokedAt = revokedAt
        self.revokedBy = revokedBy
        self.revokeReason = revokeReason
    }

    /// Whether the grant gives its role at `moment`: inside its window and not revoked.
    public func isActive(at moment: Date) -> Bool {
        revokedAt == nil && validFrom <= moment && (validUntil.map { moment < $0 } ?? true)
    }

    /// The role's name as stored and shown (`org_admin`, `county_admin`, …).
    public var roleName: String {
        switch scope {
        case .county(let role): return role.rawValue
        case .organisation(_, let role): return role.rawValue
        }
    }
}
