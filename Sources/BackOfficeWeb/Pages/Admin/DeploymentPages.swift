import BackOffice
import Foundation
import Hummingbird

/// The deployments: `/deployments`, the county's matrix (county-wide roles);
/// `/orgs/{CODE}/deployments`, an organisation's; `/orgs/{CODE}/deployments/{service}`, one
/// deployment with its readiness, history and the status change (allowed moves only).
struct DeploymentPages<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let pages: AdminRendering
    var deployments: DeploymentService { pages.dependencies.deployments }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("deployments", use: matrix)
        group.get("orgs/:code/deployments", use: list)
        group.get("orgs/:code/deployments/:service", use: show)
        group.post("orgs/:code/deployments/:service/status", use: move)
    }

    @Sendable func matrix(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        guard PermissionMatrix.reach(of: principal, for: .setDeploymentStatus, in: nil) == .everyOrganisation else {
            return Redirect.to("/orgs")
        }
        let organisations = try await pages.dependencies.roles.organisations(for: principal).filter { $0.active && $0.kind != .county }
        let found = try await withThrowingTaskGroup(of: (UUID, [Deployment]).self) { group in
            for organisation in organisations {
                group.addTask { (organisation.id, try await deployments.deployments(in: organisation.code, for: principal)) }
            }
            return try await group.reduce(into: [UUID: [Deployment]]()) { $0[$1.0] = $1.1 }
        }
        let catalogue = pages.catalogue(context)
        let services = try await deployments.services()
        let view = DeploymentMatrix(
            organisations: organisations, regions: try await pages.dependencies.organisations.regions(), services: services,
            deployments: found, labels: Labels(catalogue: catalogue, services: services), catalogue: catalogue,
            days: Days(language: context.language))
        return try await pages.render("deployments", title: catalogue.text("deployments_title"), view: view, path: "/deployments", context: context)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let organisation = try await pages.dependencies.roles.organisation(try code(context), for: principal)
        let catalogue = pages.catalogue(context)
        let services = try await deployments.services()
        let labels = Labels(catalogue: catalogue, services: services)
        let days = Days(language: context.language)
        let rows = try await deployments.deployments(in: organisation.code, for: principal).map { deployment in
            DeploymentView.Summary(deployment, organisation: organisation, labels: labels, catalogue: catalogue, days: days)
        }
        let view = DeploymentView.List(
            heading: OrganisationTabs(organisation, principal: principal, current: "deployments", catalogue: catalogue),
            rows: rows, hasRows: !rows.isEmpty)
        return try await pages.render(
            "org_deployments", title: "\(catalogue.text("deployments_title")) · \(organisation.name)", view: view,
            path: "/orgs/\(organisation.code)/deployments", context: context)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let notice = request.uri.queryParameters["done"] == "moved" ? pages.catalogue(context).text("deployment_moved") : nil
        return try await render(try code(context), try service(context), refusal: nil, notice: notice, context: context)
    }

    @Sendable func move(_ request: Request, context: Context) async throws -> Response {
        let code = try code(context), service = try service(context), principal = try context.requireSignedIn().principal
        let form = context.form
        do {
            _ = try await deployments.changeStatus(
                of: service, to: form["status"] ?? "", note: form["note"], expectedVersion: Int(form["version"] ?? ""),
                overrideReason: form.trimmed("override_reason"), in: code, by: principal)
            return Redirect.to("/orgs/\(code)/deployments/\(service)?done=moved")
        } catch {
            guard let refusal = pages.refusal(error, catalogue: pages.catalogue(context)) else { throw error }
            return try await render(code, service, refusal: refusal.errors, notice: nil, context: context, status: refusal.status,
                                    typed: (form["note"] ?? "", form["override_reason"] ?? ""))
        }
    }

    private func render(
        _ code: String, _ service: String, refusal: [String: String]?, notice: String?, context: Context,
        status: HTTPResponse.Status = .ok, typed: (note: String, override: String) = ("", "")
    ) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let organisation = try await pages.dependencies.roles.organisation(code, for: principal)
        let deployment = try await deployments.deployment(of: service, in: organisation.code, for: principal)
        let history = try await deployments.history(of: service, in: organisation.code, for: principal)
        let catalogue = pages.catalogue(context)
        let services = try await deployments.services()
        let view = DeploymentView(
            deployment: deployment, history: history, organisation: organisation, principal: principal,
            labels: Labels(catalogue: catalogue, services: services), catalogue: catalogue, language: context.language,
            errors: refusal ?? [:], notice: notice, typedNote: typed.note, typedOverride: typed.override)
        return try await pages.render(
            "deployment", title: "\(view.summary.service) · \(organisation.name)", view: view,
            path: "/orgs/\(organisation.code)/deployments/\(service)", context: context, status: status)
    }

    private func code(_ context: Context) throws -> String {
        guard let code = context.parameters.get("code")?.uppercased() else { throw BackOfficeError.notFound("organisation") }
        return code
    }

    private func service(_ context: Context) throws -> String {
        guard let service = context.parameters.get("service"), !service.isEmpty else { throw BackOfficeError.notFound("deployment") }
        return service
    }
}
