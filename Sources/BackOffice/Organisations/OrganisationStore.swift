import Foundation

/// A new organisation's validated fields.
public struct OrganisationDraft: Sendable, Equatable {
    public let code: String
    public let name: String
    public let regionCode: String
    public let kind: OrganisationKind
    public let populationServed: Int
    public let active: Bool
}

/// What the organisation services need from storage; each change is written with its audit
/// entry in one transaction.
public protocol OrganisationStore: Sendable {
    func regions() async throws -> [Region]
    func createRegion(code: String, name: String, audit: AuditEntry) async throws -> Region
    /// Renames the region with `code`.
    func renameRegion(code: String, to name: String, audit: (Region, Region) -> AuditEntry) async throws -> Region
    func createOrganisation(_ draft: OrganisationDraft, audit: (Organisation) -> AuditEntry) async throws -> Organisation
    /// Replaces the organisation's fields with `draft` (its code included).
    func updateOrganisation(id: UUID, to draft: OrganisationDraft, audit: (Organisation, Organisation) -> AuditEntry) async throws -> Organisation
}
