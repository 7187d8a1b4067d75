import BackOffice
import Foundation
import Hummingbird

/// `/orgs/{CODE}/members`: an organisation's members with their active roles; adding a
/// member, granting a role and revoking one, each refusal in words beside its form. Another
/// organisation's page is the same 404 as one that does not exist.
struct MembersPage<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let pages: AdminRendering
    var roles: RoleService { pages.dependencies.roles }

    typealias State = MembersState

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("orgs/:code/members", use: show)
        group.post("orgs/:code/members", use: add)
        group.post("orgs/:code/grants", use: grant)
        group.post("orgs/:code/grants/:grant/revoke", use: revoke)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        var state = State()
        if let done = request.uri.queryParameters["done"], ["added", "granted", "revoked"].contains(done) {
            state.notice = pages.catalogue(context).text("members_done_\(done)")
        }
        return try await render(try code(context), state: state, context: context)
    }

    @Sendable func add(_ request: Request, context: Context) async throws -> Response {
        let code = try code(context), principal = try context.requireSignedIn().principal
        var state = State()
        state.addEmail = context.form.trimmed("email") ?? ""
        state.addName = context.form.trimmed("full_name") ?? ""
        do {
            _ = try await roles.addMember(email: state.addEmail, fullName: state.addName, to: code, by: principal)
            return Redirect.to("/orgs/\(code)/members?done=added")
        } catch {
            guard let refusal = pages.refusal(error, catalogue: pages.catalogue(context)) else { throw error }
            state.addErrors = refusal.errors
            return try await render(code, state: state, context: context, status: refusal.status)
        }
    }

    @Sendable func grant(_ request: Request, context: Context) async throws -> Response {
        let code = try code(context), principal = try context.requireSignedIn().principal
        var state = State()
        state.grant = GrantForm(context.form)
        let window = state.grant.window()
        do {
            guard window.errors.isEmpty else { throw BackOfficeError.invalid(window.errors) }
            guard let role = OrganisationRole(rawValue: state.grant.role) else {
                throw BackOfficeError.invalid([FieldError(field: "role", reason: "pick a role", code: "required")])
            }
            _ = try await roles.grant(
                role, to: state.grant.person, in: code, validFrom: window.from, validUntil: window.until,
                reason: state.grant.reason, by: principal)
            return Redirect.to("/orgs/\(code)/members?done=granted")
        } catch BackOfficeError.notFound(let what) where what.hasPrefix("member ") {
            state.grantErrors = ["person": pages.catalogue(context).text("members_not_a_member")]
            return try await render(code, state: state, context: context, status: .unprocessableContent)
        } catch {
            guard let refusal = pages.refusal(error, catalogue: pages.catalogue(context)) else { throw error }
            state.grantErrors = refusal.errors
            return try await render(code, state: state, context: context, status: refusal.status)
        }
    }

    @Sendable func revoke(_ request: Request, context: Context) async throws -> Response {
        let code = try code(context), principal = try context.requireSignedIn().principal
        guard let text = context.parameters.get("grant"), let id = UUID(uuidString: text) else {
            throw BackOfficeError.notFound("role grant")
        }
        let reason = context.form["reason"] ?? ""
        do {
            _ = try await roles.revoke(grantID: id, in: code, reason: reason, by: principal)
            return Redirect.to("/orgs/\(code)/members?done=revoked")
        } catch {
            guard let refusal = pages.refusal(error, catalogue: pages.catalogue(context)) else { throw error }
            var state = State()
            state.revoke = (id.uuidString.lowercased(), refusal.errors.values.sorted().joined(separator: " "), reason)
            return try await render(code, state: state, context: context, status: refusal.status)
        }
    }

    private func render(_ code: String, state: State, context: Context, status: HTTPResponse.Status = .ok) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let organisation = try await roles.organisation(code, for: principal)
        let members = try await roles.members(of: organisation.code, for: principal)
        let catalogue = pages.catalogue(context)
        let view = MembersView(
            organisation: organisation, members: members, principal: principal, state: state, catalogue: catalogue,
            days: Days(language: context.language))
        return try await pages.render(
            "members", title: "\(catalogue.text("members_title")) · \(organisation.name)", view: view,
            path: "/orgs/\(organisation.code)/members", context: context, status: status)
    }

    private func code(_ context: Context) throws -> String {
        guard let code = context.parameters.get("code")?.uppercased() else { throw BackOfficeError.notFound("organisation") }
        return code
    }
}
