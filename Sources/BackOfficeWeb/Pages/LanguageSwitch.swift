import Hummingbird

/// `/language/{fi|en}?back=…`: remembers the language in a cookie and goes back to the page.
struct LanguageSwitch<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let cookies: WebCookies

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("language/:language") { request, context in
            guard let language = context.parameters.get("language").flatMap(Language.init(rawValue:)) else {
                throw HTTPError(.notFound)
            }
            var response = Redirect.to(Redirect.local(request.uri.queryParameters["back"].map(String.init), fallback: "/tickets"))
            response.setCookie(cookies.language(language))
            return response
        }
    }
}
