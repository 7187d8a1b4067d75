import BackOffice
import Foundation
import Hummingbird

/// `/api/v1/services` (the Omaolo catalogue) and `/api/v1/orgs/{code}/deployments…`.
struct DeploymentController {
    typealias Context = BackOfficeRequestContext
    let deployments: DeploymentService

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("services", use: listServices)
        group.get("orgs/{code}/deployments", use: list)
        group.post("orgs/{code}/deployments", use: create)
        group.get("orgs/{code}/deployments/{service}", use: show)
        group.post("orgs/{code}/deployments/{service}/status", use: changeStatus)
        group.get("orgs/{code}/deployments/{service}/events", use: history)
    }

    @Sendable func listServices(_ request: Request, context: Context) async throws -> AccessBodies.Page<DeploymentBodies.ServiceBody> {
        _ = try context.requirePrincipal()
        return try Pagination(request).page(try await deployments.services(), key: \.code, body: DeploymentBodies.ServiceBody.init)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> AccessBodies.Page<DeploymentBodies.DeploymentBody> {
        let list = try await deployments.deployments(in: try context.parameters.require("code"), for: try context.requirePrincipal())
        return try Pagination(request).page(list, key: \.serviceCode, body: DeploymentBodies.DeploymentBody.init)
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> EditedResponse<DeploymentBodies.DeploymentBody> {
        let body = try await request.decodeJSON(as: DeploymentBodies.NewDeployment.self, context: context)
        let created = try await deployments.create(
            service: body.service, plannedStart: body.plannedStart, owner: body.owner, note: body.note,
            in: try context.parameters.require("code"), by: try context.requirePrincipal())
        return EditedResponse(status: .created, response: DeploymentBodies.DeploymentBody(created))
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> DeploymentBodies.DeploymentBody {
        DeploymentBodies.DeploymentBody(try await deployments.deployment(
            of: try context.parameters.require("service"), in: try context.parameters.require("code"),
            for: try context.requirePrincipal()))
    }

    @Sendable func changeStatus(_ request: Request, context: Context) async throws -> DeploymentBodies.DeploymentBody {
        let body = try await request.decodeJSON(as: DeploymentBodies.StatusChange.self, context: context)
        return DeploymentBodies.DeploymentBody(try await deployments.changeStatus(
            of: try context.parameters.require("service"), to: body.status, note: body.note, expectedVersion: body.version,
            in: try context.parameters.require("code"), by: try context.requirePrincipal()))
    }

    @Sendable func history(_ request: Request, context: Context) async throws -> AccessBodies.Page<DeploymentBodies.EventBody> {
        let events = try await deployments.history(
            of: try context.parameters.require("service"), in: try context.parameters.require("code"),
            for: try context.requirePrincipal())
        // Keyed by position: the history only grows at its end.
        let numbered = events.enumerated().map { (key: String(format: "%08d", $0.offset), event: $0.element) }
        return try Pagination(request).page(numbered, key: \.key) { DeploymentBodies.EventBody($0.event) }
    }
}
