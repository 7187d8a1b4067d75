import Foundation

/// What kind of unit an organisation is.
public enum OrganisationKind: String, Sendable, Codable, CaseIterable {
    case county
    case healthCentre = "health_centre"
    case socialServices = "social_services"
    case oralHealth = "oral_health"
    case hospital
    case other
}

/// A unit that deploys Omaolo: the tenant.
public struct Organisation: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let code: String
    public let name: String
    public let regionCode: String?
    public let kind: OrganisationKind
    public let populationServed: Int
    public let active: Bool

    public init(id: UUID, code: String, name: String, regionCode: String?, kind: OrganisationKind, populationServed: Int, active: Bool) {
        self.id = id
        self.code = code
        self.name = name
        self.regionCode = regionCode
        self.kind = kind
        self.populationServed = populationServed
        self.active = active
    }
}
