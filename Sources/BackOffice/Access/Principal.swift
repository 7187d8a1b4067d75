import Foundation

/// Who is acting: a person with the roles they hold right now (grants that are active at the
/// moment of the request; expired and revoked ones are not here), and the interface used.
public struct Principal: Sendable, Equatable {
    public let personID: UUID
    public let email: String
    public let countyRoles: Set<CountyRole>
    /// Organisation id → the roles held there.
    public let organisationRoles: [UUID: Set<OrganisationRole>]
    public let interface: Interface

    public init(
        personID: UUID, email: String, countyRoles: Set<CountyRole>,
        organisationRoles: [UUID: Set<OrganisationRole>], interface: Interface
    ) {
        self.personID = personID
        self.email = email
        self.countyRoles = countyRoles
        self.organisationRoles = organisationRoles.filter { !$0.value.isEmpty }
        self.interface = interface
    }

    /// The same person with the same roles, acting through `interface`.
    public func acting(through interface: Interface) -> Principal {
        interface == self.interface ? self : Principal(
            personID: personID, email: email, countyRoles: countyRoles, organisationRoles: organisationRoles, interface: interface)
    }

    /// The roles held in `organisation`.
    public func roles(in organisation: UUID) -> Set<OrganisationRole> {
        organisationRoles[organisation] ?? []
    }

    /// Whether the person has any standing in `organisation`: a role there or a county role.
    /// Organisations without it answer as if they did not exist.
    public func canSee(organisation: UUID) -> Bool {
        !countyRoles.isEmpty || !roles(in: organisation).isEmpty
    }
}
