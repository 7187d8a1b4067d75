import BackOffice
import Foundation
import Hummingbird

/// `/people/{e-mail}`: a person's roles in every organisation the viewer may see (and their
/// county roles, for county admins), and their training tasks there. Someone the viewer may
/// not see is a 404.
struct PersonPage<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let pages: AdminRendering

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("people/:email", use: show)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        guard let email = context.parameters.get("email")?.removingPercentEncoding?.lowercased() else {
            throw BackOfficeError.notFound("person")
        }
        let dependencies = pages.dependencies
        var memberships: [(organisation: Organisation, grant: RoleGrant)] = []
        do {
            memberships = try await dependencies.roles.memberships(of: email, for: principal)
        } catch BackOfficeError.notFound {}
        var county: [HeldGrant] = []
        if PermissionMatrix.allows(principal, .grantCountyRoles) {
            county = try await dependencies.roles.countyGrants(includeEnded: false, for: principal)
                .filter { $0.person.email.lowercased() == email }
        }
        guard !memberships.isEmpty || !county.isEmpty else { throw BackOfficeError.notFound("person \(email)") }
        var tasks: [TrainingTask] = []
        var seen = Set<UUID>()
        for (organisation, _) in memberships where seen.insert(organisation.id).inserted
            && PermissionMatrix.allows(principal, .assignTraining, in: organisation.id) {
            tasks += try await dependencies.training.tasks(TrainingQuery(person: email), in: organisation.code, for: principal)
        }
        let catalogue = pages.catalogue(context)
        let days = Days(language: context.language)
        let now = Date()
        let name = tasks.first?.personName ?? county.first?.person.fullName
        let view = PersonView(
            name: name ?? email, email: email,
            grants: memberships.map { PersonView.Grant($0.grant, organisation: $0.organisation, now: now, days: days, catalogue: catalogue) }
                + county.map { PersonView.Grant($0.grant, organisation: nil, now: now, days: days, catalogue: catalogue) },
            tasks: tasks.map { TaskLine($0, today: LocalDate(inFinland: now), days: days, catalogue: catalogue) })
        return try await pages.render("person", title: view.name, view: view, path: "/people/\(email)", context: context)
    }
}

/// The person page's view.
struct PersonView {
    struct Grant {
        let organisation: String
        let organisationHref: String?
        let role: String
        let validity: String
        let reason: String
        let active: Bool

        init(_ grant: RoleGrant, organisation: Organisation?, now: Date, days: Days, catalogue: Catalogue) {
            self.organisation = organisation.map { "\($0.name) (\($0.code))" } ?? catalogue.text("county_scope")
            organisationHref = organisation.map { "/orgs/\($0.code)/members" }
            role = catalogue.text("role_\(grant.roleName)")
            validity = "\(days.day(grant.validFrom)) – \(grant.validUntil.map(days.day) ?? "")"
            reason = grant.reason
            active = grant.isActive(at: now)
        }
    }

    let name: String
    let email: String
    let grants: [Grant]
    let tasks: [TaskLine]
    let hasTasks: Bool

    init(name: String, email: String, grants: [Grant], tasks: [TaskLine]) {
        self.name = name
        self.email = email
        self.grants = grants
        self.tasks = tasks
        hasTasks = !tasks.isEmpty
    }
}
