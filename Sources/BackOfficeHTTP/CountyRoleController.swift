import BackOffice
import Foundation
import Hummingbird

/// `/api/v1/county/roles`: county roles, kept by county admins.
struct CountyRoleController {
    typealias Context = BackOfficeRequestContext
    let roles: RoleService
    /// Signs the cursors of the lists.
    let cursors: any CursorSeal

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("county/roles", use: list)
        group.post("county/roles", use: grant)
        group.delete("county/roles/{grantId}", use: revoke)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> AccessBodies.Page<AccessBodies.GrantBody> {
        let grants = try await roles.countyGrants(
            includeEnded: try request.booleanQuery("all"), for: try context.requirePrincipal())
        let now = Date()
        return try Pagination(request, cursors: cursors).page(grants, key: \.grant.id.uuidString) { AccessBodies.GrantBody($0.grant, now: now) }
    }

    @Sendable func grant(_ request: Request, context: Context) async throws -> EditedResponse<AccessBodies.GrantBody> {
        let body = try await request.decodeJSON(as: AccessBodies.NewGrant.self, context: context)
        guard let role = CountyRole(rawValue: body.role) else {
            throw BackOfficeError.invalid("role", "must be one of \(CountyRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let made = try await roles.grantCounty(
            role, to: body.email, validUntil: body.validUntil, reason: body.reason, idempotencyKey: request.idempotencyKey,
            by: try context.requirePrincipal())
        return EditedResponse(status: .made(made.created), response: AccessBodies.GrantBody(made.grant, now: Date()))
    }

    @Sendable func revoke(_ request: Request, context: Context) async throws -> AccessBodies.GrantBody {
        guard let id = UUID(uuidString: try context.parameters.require("grantId")) else { throw BackOfficeError.notFound("role grant") }
        let body = try await request.decodeJSON(as: AccessBodies.Revocation.self, context: context)
        let revoked = try await roles.revokeCounty(grantID: id, reason: body.reason, by: try context.requirePrincipal())
        return AccessBodies.GrantBody(revoked, now: Date())
    }
}
