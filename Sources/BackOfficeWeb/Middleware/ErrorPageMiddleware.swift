import BackOffice
import Hummingbird
import Logging

/// Turns what a page throws into an error page in the request's language: 404 for anything
/// unknown or not the person's (the same page either way), 403, 503 while the database is
/// away (or when it went away before a change was known to be saved), 500 without internals. A request without a session goes to the login page. Paths
/// under `/api/` are left to the API's problem documents.
struct ErrorPageMiddleware<Parent: RemoteAddressRequestContext>: RouterMiddleware {
    typealias Context = WebContext<Parent>
    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            if request.uri.path.hasPrefix("/api/") { throw error }
            return response(for: error, request: request, context: context)
        }
    }

    private func response(for error: any Error, request: Request, context: Context) -> Response {
        let (status, key): (HTTPResponse.Status, String)
        switch error {
        case BackOfficeError.unauthenticated:
            let back = request.method == .get ? request.uri.description : "/tickets"
            return Redirect.to("/login?next=\(Redirect.encoded(back))")
        case BackOfficeError.notFound: (status, key) = (.notFound, "not_found")
        case BackOfficeError.forbidden: (status, key) = (.forbidden, "forbidden")
        case BackOfficeError.unavailable: (status, key) = (.serviceUnavailable, "unavailable")
        case BackOfficeError.outcomeUnknown: (status, key) = (.serviceUnavailable, "outcome_unknown")
        case BackOfficeError.stale, BackOfficeError.conflict: (status, key) = (.conflict, "conflict")
        case BackOfficeError.invalid: (status, key) = (.unprocessableContent, "invalid")
        case WebRefusal.crossSite, WebRefusal.missingFormToken: (status, key) = (.forbidden, "form_expired")
        case WebRefusal.notAForm: (status, key) = (.unsupportedMediaType, "not_a_form")
        case WebRefusal.malformedForm: (status, key) = (.badRequest, "malformed_form")
        case let error as HTTPError where error.status == .contentTooLarge: (status, key) = (.contentTooLarge, "too_large")
        case let error as HTTPError where error.status.code < 500: (status, key) = (error.status, "not_found")
        default:
            context.logger.error("web page failed", metadata: ["error": "\(String(reflecting: error))"])
            (status, key) = (.internalServerError, "internal")
        }
        let catalogue = renderer.catalogues[context.language]
        let view = ErrorView(status: status.code, title: catalogue.text("error_\(key)_title"), message: catalogue.text("error_\(key)_text"))
        var response = renderer.render(
            "error",
            Page(title: view.title, view: view,
                 layout: LayoutView(signedIn: context.signedIn, organisations: [], path: request.uri.path, catalogue: catalogue),
                 catalogue: catalogue),
            status: status)
        if status == .serviceUnavailable { response.headers[.retryAfter] = "30" }
        return response
    }
}

/// An error page: its status, a title and a sentence on what to do.
struct ErrorView {
    let status: Int
    let title: String
    let message: String
}
