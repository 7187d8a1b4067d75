import BackOffice
import Hummingbird

/// Reads the session cookie and the language of every page's request: the live session, if
/// the cookie names one, goes into the context; an unknown or expired one is ignored.
struct SessionMiddleware<Parent: RemoteAddressRequestContext>: RouterMiddleware {
    typealias Context = WebContext<Parent>
    let login: LoginService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.language = Language.chosen(
            cookie: request.cookies[WebCookies.language]?.value, acceptLanguage: request.headers[.acceptLanguage])
        if let secret = request.cookies[WebCookies.session]?.value {
            context.sessionSecret = secret
            context.signedIn = try await login.signedIn(secret: secret)
        }
        return try await next(request, context)
    }
}
