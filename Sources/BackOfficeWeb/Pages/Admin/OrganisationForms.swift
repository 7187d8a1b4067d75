import BackOffice
import Foundation
import Hummingbird

/// The county admins' forms on `/orgs`: a new organisation, and each organisation's name,
/// region, kind and population changed with a reason. A refused form comes back open with
/// what was typed and the reasons beside its fields.
struct OrganisationForms<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let pages: AdminRendering
    let list: OrganisationsPage<Parent>

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("orgs", use: create)
        group.get("orgs/:code/edit", use: edit)
        group.post("orgs/:code/edit", use: update)
    }

    @Sendable func edit(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        guard let code = context.parameters.get("code") else { throw BackOfficeError.notFound("organisation") }
        let organisation = try await pages.dependencies.roles.organisation(code, for: principal)
        return try await renderEdit(organisation, form: OrganisationForm(organisation), errors: [:], context: context)
    }

    /// The edit page of one organisation (county admins).
    private func renderEdit(
        _ organisation: Organisation, form: OrganisationForm, errors: [String: String], context: Context,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        try PermissionMatrix.require(principal, .keepCatalogues, in: organisation.id, organisationCode: organisation.code)
        let catalogue = pages.catalogue(context)
        let regions = try await pages.dependencies.organisations.regions()
        let view = EditView(
            code: organisation.code, name: organisation.name, edit: form, errors: errors,
            regions: regions.map { Option(value: $0.code, label: $0.name, selected: $0.code == form.region) },
            kinds: OrganisationKind.allCases.filter { $0 != .county }
                .map { Option(value: $0.rawValue, label: catalogue.text("kind_\($0.rawValue)"), selected: $0.rawValue == form.kind) })
        return try await pages.render(
            "organisation_edit", title: organisation.name, view: view, path: "/orgs/\(organisation.code)/edit", context: context,
            status: status)
    }

    struct EditView {
        let code: String
        let name: String
        let edit: OrganisationForm
        let errors: [String: String]
        let regions: [Option]
        let kinds: [Option]
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let form = OrganisationForm(context.form)
        do {
            let created = try await pages.dependencies.organisations.create(try form.fields(), by: principal)
            return Redirect.to("/orgs?done=created&code=\(Redirect.encoded(created.code))")
        } catch {
            guard let refusal = pages.refusal(error, catalogue: pages.catalogue(context)) else { throw error }
            var state = OrganisationsPage<Parent>.State()
            state.new = form
            state.newErrors = refusal.errors
            return try await list.render(state, context: context, status: refusal.status)
        }
    }

    @Sendable func update(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        guard let code = context.parameters.get("code")?.uppercased() else { throw BackOfficeError.notFound("organisation") }
        let form = OrganisationForm(context.form)
        do {
            var fields = try form.fields()
            fields.code = nil
            _ = try await pages.dependencies.organisations.update(code, with: fields, reason: context.form.trimmed("reason"), by: principal)
            return Redirect.to("/orgs?done=saved")
        } catch {
            guard let refusal = pages.refusal(error, catalogue: pages.catalogue(context)) else { throw error }
            let organisation = try await pages.dependencies.roles.organisation(code, for: principal)
            return try await renderEdit(organisation, form: form, errors: refusal.errors, context: context, status: refusal.status)
        }
    }
}

/// An organisation's form as typed (or as stored).
struct OrganisationForm {
    var code = ""
    var name = ""
    var region = ""
    var kind = OrganisationKind.healthCentre.rawValue
    var population = ""
    var reason = ""

    init() {}

    init(_ organisation: Organisation) {
        code = organisation.code
        name = organisation.name
        region = organisation.regionCode ?? ""
        kind = organisation.kind.rawValue
        population = String(organisation.populationServed)
    }

    init(_ form: FormData) {
        code = form.trimmed("code")?.uppercased() ?? ""
        name = form["name"] ?? ""
        region = form.trimmed("region") ?? ""
        kind = form.trimmed("kind") ?? ""
        population = form.trimmed("population_served") ?? ""
        reason = form["reason"] ?? ""
    }

    func fields() throws -> OrganisationService.Fields {
        var population: Int?
        if !self.population.isEmpty {
            guard let number = Int(self.population.replacingOccurrences(of: " ", with: "")) else {
                throw BackOfficeError.invalid([FieldError(field: "population_served", reason: "must be a whole number", code: "not_number")])
            }
            population = number
        }
        return .init(code: code, name: name, regionCode: region, kind: kind, populationServed: population)
    }
}
