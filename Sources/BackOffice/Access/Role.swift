/// Roles held by a person that reach every organisation of the county.
public enum CountyRole: String, Sendable, Codable, CaseIterable, Comparable {
    /// Product owner or IT management: keeps organisations, regions and catalogues.
    case countyAdmin = "county_admin"
    /// The county support desk.
    case supportAgent = "support_agent"
    /// Read-only reports.
    case reporter

    public static func < (lhs: CountyRole, rhs: CountyRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Roles held in one organisation; a person may hold roles in several.
public enum OrganisationRole: String, Sendable, Codable, CaseIterable, Comparable {
    /// Pääkäyttäjä: decides who holds which role in the organisation.
    case orgAdmin = "org_admin"
    /// Omaolovastaava: guides professionals and residents.
    case omaoloContact = "omaolo_contact"
    /// Ammattilainen: uses Omaolo in client work.
    case professional

    public static func < (lhs: OrganisationRole, rhs: OrganisationRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
