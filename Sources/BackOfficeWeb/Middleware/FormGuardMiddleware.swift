import BackOffice
import HTTPTypes
import Hummingbird

/// Guards every request that changes something against cross-site forgery: it must come
/// from our own origin (`Sec-Fetch-Site`, `Origin`) and carry the form token of its session
/// (or, on the login form, the token of the login cookie). The decoded form goes into the
/// context for the handler.
struct FormGuardMiddleware<Parent: RemoteAddressRequestContext>: RouterMiddleware {
    typealias Context = WebContext<Parent>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        guard Self.isSameOrigin(request) else { throw WebRefusal.crossSite }
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            throw WebRefusal.notAForm
        }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        guard let text = String(validating: body.readableBytesView, as: UTF8.self), let form = FormData(urlEncoded: text) else {
            throw WebRefusal.malformedForm
        }
        let expected = context.signedIn?.session.csrfToken ?? request.cookies[WebCookies.loginToken]?.value
        guard let expected, let sent = form[FormToken.field], FormToken.matches(sent, expected) else {
            throw WebRefusal.missingFormToken
        }
        var context = context
        context.form = form
        return try await next(request, context)
    }

    /// Whether the browser says the request comes from a page of ours; requests without
    /// either header (older browsers, plain clients) rely on the form token alone.
    static func isSameOrigin(_ request: Request) -> Bool {
        if let site = request.headers[.secFetchSite], site != "same-origin", site != "none" { return false }
        if let origin = request.headers[.origin] {
            guard let host = request.head.authority else { return false }
            return origin == "http://\(host)" || origin == "https://\(host)"
        }
        return true
    }
}

extension HTTPField.Name {
    static let secFetchSite = Self("Sec-Fetch-Site")!
}
