import BackOffice
import Foundation
import Hummingbird

/// `/regions` (county admins): the county's regions with their organisations and residents;
/// a new region and each region renamed.
struct RegionsPage<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let pages: AdminRendering

    struct Row {
        let code: String
        let name: String
        let organisations: Int
        let population: Int
        let error: String?
        let typedName: String
    }

    struct View {
        let rows: [Row]
        let newCode: String
        let newName: String
        let errors: [String: String]
        let notice: String?
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("regions", use: show)
        group.post("regions", use: create)
        group.post("regions/:region", use: rename)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let notice = request.uri.queryParameters["done"].map { pages.catalogue(context).text($0 == "created" ? "regions_created" : "regions_renamed") }
        return try await render(new: ("", ""), errors: [:], renaming: nil, notice: notice, context: context)
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let code = context.form.trimmed("code") ?? "", name = context.form["name"] ?? ""
        do {
            _ = try await pages.dependencies.organisations.createRegion(code: code, name: name, by: principal)
            return Redirect.to("/regions?done=created")
        } catch {
            guard let refusal = pages.refusal(error, catalogue: pages.catalogue(context)) else { throw error }
            return try await render(new: (code, name), errors: refusal.errors, renaming: nil, notice: nil, context: context, status: refusal.status)
        }
    }

    @Sendable func rename(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        guard let code = context.parameters.get("region") else { throw BackOfficeError.notFound("region") }
        let name = context.form["name"] ?? ""
        do {
            _ = try await pages.dependencies.organisations.renameRegion(code: code, to: name, by: principal)
            return Redirect.to("/regions?done=renamed")
        } catch {
            guard let refusal = pages.refusal(error, catalogue: pages.catalogue(context)) else { throw error }
            let message = refusal.errors.sorted { $0.key < $1.key }.map(\.value).joined(separator: " ")
            return try await render(new: ("", ""), errors: [:], renaming: (code, name, message), notice: nil, context: context, status: refusal.status)
        }
    }

    private func render(
        new: (code: String, name: String), errors: [String: String], renaming: (code: String, name: String, error: String)?,
        notice: String?, context: Context, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        try PermissionMatrix.require(principal, .keepCatalogues)
        let organisations = try await pages.dependencies.roles.organisations(for: principal).filter(\.active)
        let rows = try await pages.dependencies.organisations.regions().sorted { $0.name < $1.name }.map { region in
            let members = organisations.filter { $0.regionCode == region.code }
            let refused = renaming?.code == region.code ? renaming : nil
            return Row(code: region.code, name: region.name, organisations: members.count,
                       population: members.reduce(0) { $0 + $1.populationServed }, error: refused?.error,
                       typedName: refused?.name ?? region.name)
        }
        let catalogue = pages.catalogue(context)
        let view = View(rows: rows, newCode: new.code, newName: new.name, errors: errors, notice: notice)
        return try await pages.render("regions", title: catalogue.text("regions_title"), view: view, path: "/regions", context: context, status: status)
    }
}
