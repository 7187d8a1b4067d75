import BackOffice
import Foundation
import Hummingbird

/// `/me/settings`: the signed-in person's language, for their mails (stored with them, as
/// `PATCH /api/v1/me` sets it) and for these pages (the header's switch's cookie), in one form.
struct MySettingsPage<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let pages: AdminRendering
    let cookies: WebCookies

    struct View {
        let languages: [Option]
        let error: String?
        let notice: String?
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("me/settings", use: show)
        group.post("me/settings", use: save)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let stored = try await pages.dependencies.roles.language(for: principal)
        let notice = request.uri.queryParameters["done"] == "saved" ? pages.catalogue(context).text("settings_done_saved") : nil
        return try await render(chosen: stored.rawValue, error: nil, notice: notice, context: context)
    }

    @Sendable func save(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let chosen = context.form["language"] ?? ""
        do {
            let language = try await pages.dependencies.roles.setLanguage(chosen, by: principal)
            var response = Redirect.to("/me/settings?done=saved")
            if let pageLanguage = Language(rawValue: language.rawValue) { response.setCookie(cookies.language(pageLanguage)) }
            return response
        } catch {
            guard let refusal = pages.refusal(error, catalogue: pages.catalogue(context)) else { throw error }
            return try await render(chosen: chosen, error: refusal.errors.values.sorted().joined(separator: " "), notice: nil,
                                    context: context, status: refusal.status)
        }
    }

    private func render(chosen: String, error: String?, notice: String?, context: Context, status: HTTPResponse.Status = .ok) async throws -> Response {
        let catalogue = pages.catalogue(context)
        let view = View(
            languages: MailLanguage.allCases.map {
                Option(value: $0.rawValue, label: catalogue.text("language_\($0.rawValue)"), selected: $0.rawValue == chosen)
            },
            error: error, notice: notice)
        return try await pages.render(
            "my_settings", title: catalogue.text("settings_title"), view: view, path: "/me/settings", context: context, status: status)
    }
}
