import Foundation

/// One person's identity, shared by every organisation they belong to.
public struct Person: Sendable, Equatable, Identifiable {
    public let id: UUID
    /// Unique regardless of case; kept as entered, compared in lowercase.
    public let email: String
    public let fullName: String
    public let active: Bool

    public init(id: UUID, email: String, fullName: String, active: Bool) {
        self.id = id
        self.email = email
        self.fullName = fullName
        self.active = active
    }
}

/// A person of an organisation with the role grants they hold there.
public struct Member: Sendable, Equatable {
    public let person: Person
    public let grants: [RoleGrant]

    public init(person: Person, grants: [RoleGrant]) {
        self.person = person
        self.grants = grants
    }

    /// The grants that give their role at `moment`.
    public func activeGrants(at moment: Date) -> [RoleGrant] {
        grants.filter { $0.isActive(at: moment) }
    }
}

/// A grant with the person who holds it.
public struct HeldGrant: Sendable, Equatable {
    public let person: Person
    public let grant: RoleGrant
}

extension [Member] {
    /// Every member's grants, the ended ones only when `includeEnded`.
    func heldGrants(includeEnded: Bool, at moment: Date) -> [HeldGrant] {
        flatMap { member in
            (includeEnded ? member.grants : member.activeGrants(at: moment)).map { HeldGrant(person: member.person, grant: $0) }
        }
    }
}
