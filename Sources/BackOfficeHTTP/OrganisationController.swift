import BackOffice
import Hummingbird

/// `POST /api/v1/orgs` and `PATCH /api/v1/orgs/{code}`: county admins keep the organisations.
struct OrganisationController {
    typealias Context = BackOfficeRequestContext
    let organisations: OrganisationService

    /// A new organisation, or the fields of one to change (absent fields stay as they are).
    struct OrganisationFields: Decodable {
        let code: String?
        let name: String?
        let region: String?
        let kind: String?
        let populationServed: Int?
        let active: Bool?
        /// Why a change is made; recorded in the audit log.
        let reason: String?

        var fields: OrganisationService.Fields {
            .init(code: code, name: name, regionCode: region, kind: kind, populationServed: populationServed, active: active)
        }
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("orgs", use: create)
        group.patch("orgs/{code}", use: update)
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> EditedResponse<AccessBodies.OrganisationBody> {
        let body = try await request.decodeJSON(as: OrganisationFields.self, context: context)
        let created = try await organisations.create(body.fields, by: try context.requirePrincipal())
        return EditedResponse(status: .created, response: AccessBodies.OrganisationBody(created))
    }

    @Sendable func update(_ request: Request, context: Context) async throws -> AccessBodies.OrganisationBody {
        let body = try await request.decodeJSON(as: OrganisationFields.self, context: context)
        let updated = try await organisations.update(
            try context.parameters.require("code"), with: body.fields, reason: body.reason, by: try context.requirePrincipal())
        return AccessBodies.OrganisationBody(updated)
    }
}
