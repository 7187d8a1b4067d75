import BackOffice
import Hummingbird

/// `/login` and `/logout`: e-mail and password, a new session (and so a new cookie) at every
/// login, the same answer for an unknown e-mail as for a wrong password, 429 with
/// `Retry-After` while failed logins are being slowed down.
struct LoginPages<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let login: LoginService
    let renderer: PageRenderer
    let cookies: WebCookies

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("login", use: show)
        group.post("login", use: logIn)
        group.post("logout", use: logOut)
    }

    struct View {
        let email: String
        let next: String
        let token: String
        let error: String?
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let next = Redirect.local(request.uri.queryParameters["next"].map(String.init), fallback: "/tickets")
        if context.signedIn != nil { return Redirect.to(next) }
        return page(email: "", next: next, error: nil, request: request, context: context)
    }

    @Sendable func logIn(_ request: Request, context: Context) async throws -> Response {
        let form = context.form
        let email = form["email"] ?? ""
        let next = Redirect.local(form["next"], fallback: "/tickets")
        let catalogue = renderer.catalogues[context.language]
        do {
            let (secret, _) = try await login.logIn(email: email, password: form["password"] ?? "", clientAddress: context.clientAddress)
            var response = Redirect.to(next)
            response.setCookie(cookies.session(secret, maxAge: Int(login.settings.absoluteTimeout)))
            response.setCookie(cookies.expired(WebCookies.loginToken))
            return response
        } catch LoginRefusal.wrongCredentials {
            return page(email: email, next: next, error: catalogue.text("login_failed"), request: request, context: context)
        } catch LoginRefusal.throttled(let seconds) {
            let minutes = String((seconds + 59) / 60)
            var response = page(
                email: email, next: next, error: catalogue.text("login_throttled", ["minutes": minutes]), request: request,
                context: context, status: .tooManyRequests)
            response.headers[.retryAfter] = String(seconds)
            return response
        }
    }

    @Sendable func logOut(_ request: Request, context: Context) async throws -> Response {
        if let secret = context.sessionSecret { try await login.logOut(secret: secret) }
        var response = Redirect.to("/login")
        response.setCookie(cookies.expired(WebCookies.session))
        return response
    }

    /// The login form, with a login token: the one of the browser's cookie, or a new one.
    private func page(
        email: String, next: String, error: String?, request: Request, context: Context, status: HTTPResponse.Status = .ok
    ) -> Response {
        let catalogue = renderer.catalogues[context.language]
        let existing = request.cookies[WebCookies.loginToken]?.value
        let token = existing.flatMap { $0.count == 43 ? $0 : nil } ?? RandomSecret.make()
        var response = renderer.render(
            "login",
            Page(title: catalogue.text("login_title"), view: View(email: email, next: next, token: token, error: error),
                 layout: LayoutView(signedIn: nil, organisations: [], path: "/login", catalogue: catalogue), catalogue: catalogue),
            status: status)
        if token != existing { response.setCookie(cookies.loginToken(token)) }
        return response
    }
}
