/// Roles held by a person that reach every organisation of the county.
public enum CountyRole: String, Sendable, Codable, DeclarationOrdered {
    /// Product owner or IT management: keeps organisations, regions and catalogues.
    case countyAdmin = "county_admin"
    /// The county support desk.
    case supportAgent = "support_agent"
    /// Read-only reports.
    case reporter
}

/// Roles held in one organisation; a person may hold roles in several.
public enum OrganisationRole: String, Sendable, Codable, DeclarationOrdered {
    /// Pääkäyttäjä: decides who holds which role in the organisation.
    case orgAdmin = "org_admin"
    /// Omaolovastaava: guides professionals and residents.
    case omaoloContact = "omaolo_contact"
    /// Ammattilainen: uses Omaolo in client work.
    case professional
}

/// Enumerations ordered as their cases are declared (roles from the widest down).
public protocol DeclarationOrdered: CaseIterable, Comparable {}

extension DeclarationOrdered {
    public static func < (lhs: Self, rhs: Self) -> Bool {
        let cases = Array(allCases)
        return cases.firstIndex(of: lhs)! < cases.firstIndex(of: rhs)!
    }
}
