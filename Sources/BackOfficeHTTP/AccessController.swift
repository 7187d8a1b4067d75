import BackOffice
import Foundation
import Hummingbird

/// `/api/v1`: who am I, organisations, members, organisation roles, and the caller's tokens.
struct AccessController {
    typealias Context = BackOfficeRequestContext
    let roles: RoleService
    let tokens: TokenService
    /// Signs the cursors of the lists.
    let cursors: any CursorSeal

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("me", use: me)
        group.patch("me", use: changeMe)
        group.get("me/tokens", use: listTokens)
        group.post("me/tokens", use: createToken)
        group.delete("me/tokens/{id}", use: revokeToken)
        group.get("orgs", use: listOrganisations)
        group.get("orgs/{code}", use: showOrganisation)
        group.get("orgs/{code}/members", use: listMembers)
        group.post("orgs/{code}/members", use: addMember)
        group.get("orgs/{code}/roles", use: listGrants)
        group.post("orgs/{code}/roles", use: grant)
        group.delete("orgs/{code}/roles/{grantId}", use: revoke)
    }

    @Sendable func me(_ request: Request, context: Context) async throws -> AccessBodies.MeBody {
        let principal = try context.requirePrincipal()
        let codes = Dictionary(uniqueKeysWithValues: try await roles.organisations(for: principal).map { ($0.id, $0.code) })
        return AccessBodies.MeBody(
            personId: principal.personID.wire, email: principal.email,
            countyRoles: principal.countyRoles.sorted().map(\.rawValue),
            organisations: principal.organisationRoles.compactMap { id, held in
                codes[id].map { AccessBodies.MeBody.Membership(organisation: $0, roles: held.sorted().map(\.rawValue)) }
            }.sorted { $0.organisation < $1.organisation },
            language: try await roles.language(for: principal).rawValue)
    }

    /// `PATCH /api/v1/me`: the caller's own settings, for now the language of their mails.
    @Sendable func changeMe(_ request: Request, context: Context) async throws -> AccessBodies.MeBody {
        let body = try await request.decodeJSON(as: AccessBodies.MeChange.self, context: context)
        try await roles.setLanguage(body.language, by: try context.requirePrincipal())
        return try await me(request, context: context)
    }

    @Sendable func listOrganisations(_ request: Request, context: Context) async throws -> AccessBodies.Page<AccessBodies.OrganisationBody> {
        let principal = try context.requirePrincipal()
        let pagination = try Pagination(request, cursors: cursors)
        return pagination.page(try await roles.organisations(for: principal), key: \.code, body: AccessBodies.OrganisationBody.init)
    }

    @Sendable func showOrganisation(_ request: Request, context: Context) async throws -> AccessBodies.OrganisationBody {
        AccessBodies.OrganisationBody(try await roles.organisation(try context.parameters.require("code"), for: try context.requirePrincipal()))
    }

    @Sendable func listMembers(_ request: Request, context: Context) async throws -> AccessBodies.Page<AccessBodies.MemberBody> {
        let members = try await roles.members(of: try context.parameters.require("code"), for: try context.requirePrincipal())
        let now = Date()
        return try Pagination(request, cursors: cursors).page(members, key: \.person.email) { member in
            AccessBodies.MemberBody(
                personId: member.person.id.wire, email: member.person.email, fullName: member.person.fullName,
                active: member.person.active,
                roles: member.activeGrants(at: now).map { AccessBodies.GrantBody($0, now: now) })
        }
    }

    @Sendable func addMember(_ request: Request, context: Context) async throws -> EditedResponse<AccessBodies.MemberBody> {
        let body = try await request.decodeJSON(as: AccessBodies.NewMember.self, context: context)
        let (person, created) = try await roles.addMember(
            email: body.email, fullName: body.fullName, to: try context.parameters.require("code"), idempotencyKey: request.idempotencyKey,
            by: try context.requirePrincipal())
        return EditedResponse(status: .made(created), response: AccessBodies.MemberBody(
            personId: person.id.wire, email: person.email, fullName: person.fullName, active: person.active, roles: []))
    }

    @Sendable func listGrants(_ request: Request, context: Context) async throws -> AccessBodies.Page<AccessBodies.GrantBody> {
        let grants = try await roles.grants(
            in: try context.parameters.require("code"), includeEnded: try request.booleanQuery("all"),
            for: try context.requirePrincipal())
        let now = Date()
        return try Pagination(request, cursors: cursors).page(grants, key: \.grant.id.uuidString) { AccessBodies.GrantBody($0.grant, now: now) }
    }

    @Sendable func grant(_ request: Request, context: Context) async throws -> EditedResponse<AccessBodies.GrantBody> {
        let body = try await request.decodeJSON(as: AccessBodies.NewGrant.self, context: context)
        guard let role = OrganisationRole(rawValue: body.role) else {
            throw BackOfficeError.invalid("role", "must be one of \(OrganisationRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let made = try await roles.grant(
            role, to: body.email, in: try context.parameters.require("code"), validFrom: body.validFrom,
            validUntil: body.validUntil, reason: body.reason, idempotencyKey: request.idempotencyKey, by: try context.requirePrincipal())
        return EditedResponse(status: .made(made.created), response: AccessBodies.GrantBody(made.grant, now: Date()))
    }

    @Sendable func revoke(_ request: Request, context: Context) async throws -> AccessBodies.GrantBody {
        guard let id = UUID(uuidString: try context.parameters.require("grantId")) else {
            throw BackOfficeError.notFound("role grant")
        }
        let body = try await request.decodeJSON(as: AccessBodies.Revocation.self, context: context)
        let revoked = try await roles.revoke(
            grantID: id, in: try context.parameters.require("code"), reason: body.reason, by: try context.requirePrincipal())
        return AccessBodies.GrantBody(revoked, now: Date())
    }

    @Sendable func listTokens(_ request: Request, context: Context) async throws -> AccessBodies.Page<AccessBodies.TokenBody> {
        let list = try await tokens.tokens(of: try context.requirePrincipal())
        return try Pagination(request, cursors: cursors).page(list, key: \.id.uuidString) {
            AccessBodies.TokenBody($0)
        }
    }

    @Sendable func createToken(_ request: Request, context: Context) async throws -> EditedResponse<AccessBodies.TokenBody> {
        let body = try await request.decodeJSON(as: AccessBodies.NewToken.self, context: context)
        let principal = try context.requirePrincipal()
        let made = try await tokens.create(
            for: principal.personID, name: body.name, expiresInDays: body.expiresInDays, actor: principal.personID, interface: .http)
        return EditedResponse(status: .created, response: AccessBodies.TokenBody(made.token, secret: made.secret))
    }

    @Sendable func revokeToken(_ request: Request, context: Context) async throws -> Response {
        guard let id = UUID(uuidString: try context.parameters.require("id")) else { throw BackOfficeError.notFound("token") }
        try await tokens.revoke(id, of: try context.requirePrincipal())
        return Response(status: .noContent)
    }
}
