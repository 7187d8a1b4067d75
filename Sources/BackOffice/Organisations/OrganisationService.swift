import Foundation

/// Keeping regions and organisations: the county admins' work.
public struct OrganisationService: Sendable {
    let store: any OrganisationStore
    let access: RoleService

    public init(store: any OrganisationStore, access: RoleService) {
        self.store = store
        self.access = access
    }

    public func regions() async throws -> [Region] {
        try await store.regions()
    }

    public func createRegion(code: String, name: String, by principal: Principal) async throws -> Region {
        try PermissionMatrix.require(principal, .keepCatalogues)
        var errors = FieldErrors()
        let code = errors.check(Validation.snakeCode(code))
        let name = errors.check(Validation.text(name, field: "name", length: 1...200))
        try errors.throwIfAny()
        return try await store.createRegion(
            code: code!, name: name!,
            audit: AuditEntry(actorID: principal.personID, action: "region.create", objectType: "region", objectID: code!,
                              before: nil, after: ["code": code!, "name": name!], reason: nil, interface: principal.interface))
    }

    public func renameRegion(code: String, to name: String, by principal: Principal) async throws -> Region {
        try PermissionMatrix.require(principal, .keepCatalogues)
        let name = try Validation.text(name, field: "name", length: 1...200).mapError { BackOfficeError.invalid([$0]) }.get()
        return try await store.renameRegion(code: code, to: name) { before, after in
            AuditEntry(actorID: principal.personID, action: "region.update", objectType: "region", objectID: after.code,
                       before: ["name": before.name], after: ["name": after.name], reason: nil, interface: principal.interface)
        }
    }

    /// The fields of an organisation as typed; nil fields keep `base`'s values.
    public struct Fields: Sendable {
        public var code: String?
        public var name: String?
        public var regionCode: String?
        public var kind: String?
        public var populationServed: Int?
        public var active: Bool?

        public init(code: String? = nil, name: String? = nil, regionCode: String? = nil, kind: String? = nil,
                    populationServed: Int? = nil, active: Bool? = nil) {
            self.code = code
            self.name = name
            self.regionCode = regionCode
            self.kind = kind
            self.populationServed = populationServed
            self.active = active
        }
    }

    public func create(_ fields: Fields, by principal: Principal) async throws -> Organisation {
        try PermissionMatrix.require(principal, .keepCatalogues)
        let draft = try validate(fields, base: nil)
        return try await store.createOrganisation(draft) { created in
            AuditEntry(actorID: principal.personID, action: "organisation.create", objectType: "organisation",
                       objectID: created.code, before: nil, after: Self.snapshot(created), reason: nil, interface: principal.interface)
        }
    }

    public func update(_ code: String, with fields: Fields, reason: String?, by principal: Principal) async throws -> Organisation {
        let current = try await access.organisation(code, for: principal)
        try PermissionMatrix.require(principal, .keepCatalogues, in: current.id, organisationCode: current.code)
        let draft = try validate(fields, base: current)
        return try await store.updateOrganisation(id: current.id, to: draft) { before, after in
            AuditEntry(actorID: principal.personID, action: "organisation.update", objectType: "organisation",
                       objectID: after.code, before: Self.snapshot(before), after: Self.snapshot(after), reason: reason,
                       interface: principal.interface)
        }
    }

    private func validate(_ fields: Fields, base: Organisation?) throws(BackOfficeError) -> OrganisationDraft {
        var errors = FieldErrors()
        let code = errors.check(Validation.organisationCode(fields.code ?? base?.code ?? ""))
        let name = errors.check(Validation.text(fields.name ?? base?.name ?? "", field: "name", length: 1...200))
        let region = errors.check(Validation.snakeCode(fields.regionCode ?? base?.regionCode ?? "", field: "region"))
        let kindName = fields.kind ?? base?.kind.rawValue ?? "health_centre"
        let kind = OrganisationKind(rawValue: kindName)
        if kind == nil || kind == .county {
            errors.add("kind", "must be one of \(OrganisationKind.allCases.filter { $0 != .county }.map(\.rawValue).joined(separator: ", "))")
        }
        let population = fields.populationServed ?? base?.populationServed ?? 0
        if !(0...10_000_000).contains(population) { errors.add("population_served", "must be 0 to 10 000 000") }
        try errors.throwIfAny()
        return OrganisationDraft(code: code!, name: name!, regionCode: region!, kind: kind!, populationServed: population,
                                 active: fields.active ?? base?.active ?? true)
    }

    static func snapshot(_ organisation: Organisation) -> [String: String] {
        ["code": organisation.code, "name": organisation.name, "region": organisation.regionCode ?? "",
         "kind": organisation.kind.rawValue, "population_served": String(organisation.populationServed),
         "active": String(organisation.active)]
    }
}
