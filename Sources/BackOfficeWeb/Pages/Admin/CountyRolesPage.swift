import BackOffice
import Foundation
import Hummingbird

/// `/county/roles` (county admins): who holds which county role; granting one and revoking
/// one, with the last county admin's guard in words.
struct CountyRolesPage<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let pages: AdminRendering
    var roles: RoleService { pages.dependencies.roles }

    struct Row {
        let name: String
        let email: String
        let href: String
        let grant: GrantLine
    }

    struct View {
        let rows: [Row]
        let roles: [Option]
        let grant: GrantForm
        let errors: [String: String]
        let notice: String?
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("county/roles", use: show)
        group.post("county/roles", use: grant)
        group.post("county/roles/:grant/revoke", use: revoke)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        var state = MembersState()
        state.grant.role = CountyRole.reporter.rawValue
        if let done = request.uri.queryParameters["done"], ["granted", "revoked"].contains(done) {
            state.notice = pages.catalogue(context).text("members_done_\(done)")
        }
        return try await render(state, context: context)
    }

    @Sendable func grant(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        var state = MembersState()
        state.grant = GrantForm(context.form)
        let window = state.grant.window()
        do {
            guard window.errors.isEmpty else { throw BackOfficeError.invalid(window.errors) }
            guard let role = CountyRole(rawValue: state.grant.role) else {
                throw BackOfficeError.invalid([FieldError(field: "role", reason: "pick a role", code: "required")])
            }
            _ = try await roles.grantCounty(role, to: state.grant.person, validUntil: window.until, reason: state.grant.reason, by: principal)
            return Redirect.to("/county/roles?done=granted")
        } catch BackOfficeError.notFound {
            state.grantErrors = ["person": pages.catalogue(context).text("county_roles_unknown_person")]
            return try await render(state, context: context, status: .unprocessableContent)
        } catch {
            guard let refusal = pages.refusal(error, catalogue: pages.catalogue(context)) else { throw error }
            state.grantErrors = refusal.errors
            return try await render(state, context: context, status: refusal.status)
        }
    }

    @Sendable func revoke(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        guard let text = context.parameters.get("grant"), let id = UUID(uuidString: text) else { throw BackOfficeError.notFound("role grant") }
        let reason = context.form["reason"] ?? ""
        do {
            _ = try await roles.revokeCounty(grantID: id, reason: reason, by: principal)
            return Redirect.to("/county/roles?done=revoked")
        } catch {
            guard let refusal = pages.refusal(error, catalogue: pages.catalogue(context)) else { throw error }
            var state = MembersState()
            state.revoke = (id.uuidString.lowercased(), refusal.errors.values.sorted().joined(separator: " "), reason)
            return try await render(state, context: context, status: refusal.status)
        }
    }

    private func render(_ state: MembersState, context: Context, status: HTTPResponse.Status = .ok) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let held = try await roles.countyGrants(includeEnded: false, for: principal)
        let catalogue = pages.catalogue(context)
        let days = Days(language: context.language)
        let names = Dictionary(held.map { ($0.person.id, $0.person.fullName) }, uniquingKeysWith: { a, _ in a })
        let rows = held.sorted { ($0.grant.roleName, $0.person.fullName) < ($1.grant.roleName, $1.person.fullName) }.map { held in
            Row(name: held.person.fullName, email: held.person.email,
                href: "/people/\(Redirect.encoded(held.person.email.lowercased()))",
                grant: GrantLine(held.grant, names: names, days: days, catalogue: catalogue,
                                 revocable: held.person.id != principal.personID, refused: state.revoke))
        }
        let view = View(
            rows: rows,
            roles: CountyRole.allCases.map { Option(value: $0.rawValue, label: catalogue.text("role_\($0.rawValue)"), selected: $0.rawValue == state.grant.role) },
            grant: state.grant, errors: state.grantErrors, notice: state.notice)
        return try await pages.render(
            "county_roles", title: catalogue.text("county_roles_title"), view: view, path: "/county/roles", context: context, status: status)
    }
}
