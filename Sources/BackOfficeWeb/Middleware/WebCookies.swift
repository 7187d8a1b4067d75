import Foundation
import Hummingbird

/// The cookies of the web pages: all `HttpOnly` and `SameSite=Lax`, `Secure` when the pages
/// are served over https.
struct WebCookies: Sendable {
    /// The session's secret (256 random bits); the server keeps only its hash.
    static let session = "bo_session"
    /// The form token of the login page, before there is a session to hold one.
    static let loginToken = "bo_login"
    /// The chosen language, `fi` or `en`.
    static let language = "lang"

    let secure: Bool

    func session(_ secret: String, maxAge: Int) -> Cookie {
        cookie(Self.session, secret, maxAge: maxAge)
    }

    func loginToken(_ token: String) -> Cookie {
        cookie(Self.loginToken, token, maxAge: 3600)
    }

    func language(_ language: Language) -> Cookie {
        cookie(Self.language, language.rawValue, maxAge: 365 * 86_400)
    }

    /// A cookie that tells the browser to forget `name`.
    func expired(_ name: String) -> Cookie {
        cookie(name, "", maxAge: 0)
    }

    private func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
