import BackOffice
import Foundation
import Hummingbird

/// `/api/v1/services` (the Omaolo catalogue and the training each service needs),
/// `/api/v1/deployments/at-risk` and `/api/v1/orgs/{code}/deployments…`.
struct DeploymentController {
    typealias Context = BackOfficeRequestContext
    let deployments: DeploymentService
    /// Signs the cursors of the lists.
    let cursors: any CursorSeal

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("services", use: listServices)
        group.put("services/{service}/readiness", use: setServiceReadiness)
        group.put("service-families/{family}/readiness", use: setFamilyReadiness)
        group.get("deployments/at-risk", use: atRisk)
        group.get("orgs/{code}/deployments", use: list)
        group.post("orgs/{code}/deployments", use: create)
        group.get("orgs/{code}/deployments/{service}", use: show)
        group.post("orgs/{code}/deployments/{service}/status", use: changeStatus)
        group.get("orgs/{code}/deployments/{service}/events", use: history)
    }

    @Sendable func listServices(_ request: Request, context: Context) async throws -> AccessBodies.Page<DeploymentBodies.ServiceBody> {
        _ = try context.requirePrincipal()
        return try Pagination(request, cursors: cursors).page(try await deployments.services(), key: \.code, body: DeploymentBodies.ServiceBody.init)
    }

    @Sendable func setServiceReadiness(_ request: Request, context: Context) async throws -> DeploymentBodies.ServiceBody {
        let body = try await request.decodeJSON(as: DeploymentBodies.ReadinessRulesBody.self, context: context)
        let changed = try await deployments.setReadinessRules(
            of: .service(try context.parameters.require("service")), requiredCourses: body.requiredCourses, threshold: body.threshold,
            by: try context.requirePrincipal())
        return DeploymentBodies.ServiceBody(changed[0])
    }

    @Sendable func setFamilyReadiness(_ request: Request, context: Context) async throws -> AccessBodies.Page<DeploymentBodies.ServiceBody> {
        let name = try context.parameters.require("family")
        guard let family = OmaoloServiceFamily(rawValue: name) else {
            throw BackOfficeError.notFound("service family \(name)")
        }
        let body = try await request.decodeJSON(as: DeploymentBodies.ReadinessRulesBody.self, context: context)
        let changed = try await deployments.setReadinessRules(
            of: .family(family), requiredCourses: body.requiredCourses, threshold: body.threshold, by: try context.requirePrincipal())
        return AccessBodies.Page(items: changed.map(DeploymentBodies.ServiceBody.init), nextCursor: nil)
    }

    @Sendable func atRisk(_ request: Request, context: Context) async throws -> AccessBodies.Page<DeploymentBodies.DeploymentBody> {
        let list = try await deployments.atRisk(for: try context.requirePrincipal())
        return try Pagination(request, cursors: cursors).page(
            list, key: { "\($0.organisationCode)/\($0.deployment.serviceCode)" }, body: DeploymentBodies.DeploymentBody.init)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> AccessBodies.Page<DeploymentBodies.DeploymentBody> {
        let code = try context.parameters.require("code")
        let list = try await deployments.deployments(in: code, for: try context.requirePrincipal())
        return try Pagination(request, cursors: cursors).page(list, key: \.serviceCode) { DeploymentBodies.DeploymentBody($0, organisation: code) }
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> EditedResponse<DeploymentBodies.DeploymentBody> {
        let body = try await request.decodeJSON(as: DeploymentBodies.NewDeployment.self, context: context)
        let code = try context.parameters.require("code")
        let made = try await deployments.create(
            service: body.service, plannedStart: body.plannedStart, owner: body.owner, note: body.note,
            in: code, idempotencyKey: request.idempotencyKey, by: try context.requirePrincipal())
        return EditedResponse(status: .made(made.created), response: DeploymentBodies.DeploymentBody(made.deployment, organisation: code))
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> DeploymentBodies.DeploymentBody {
        let code = try context.parameters.require("code")
        return DeploymentBodies.DeploymentBody(try await deployments.deployment(
            of: try context.parameters.require("service"), in: code, for: try context.requirePrincipal()), organisation: code)
    }

    @Sendable func changeStatus(_ request: Request, context: Context) async throws -> DeploymentBodies.DeploymentBody {
        let body = try await request.decodeJSON(as: DeploymentBodies.StatusChange.self, context: context)
        let code = try context.parameters.require("code")
        return DeploymentBodies.DeploymentBody(try await deployments.changeStatus(
            of: try context.parameters.require("service"), to: body.status, note: body.note, expectedVersion: body.version,
            overrideReason: body.overrideReason, in: code, by: try context.requirePrincipal()), organisation: code)
    }

    @Sendable func history(_ request: Request, context: Context) async throws -> AccessBodies.Page<DeploymentBodies.EventBody> {
        let events = try await deployments.history(
            of: try context.parameters.require("service"), in: try context.parameters.require("code"),
            for: try context.requirePrincipal())
        // Keyed by position: the history only grows at its end.
        let numbered = events.enumerated().map { (key: String(format: "%08d", $0.offset), event: $0.element) }
        return try Pagination(request, cursors: cursors).page(numbered, key: \.key) { DeploymentBodies.EventBody($0.event) }
    }
}
