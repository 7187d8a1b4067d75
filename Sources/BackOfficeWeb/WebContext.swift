import BackOffice
import Hummingbird

/// The context of a web page's request, made from the router's own context: who is signed
/// in (set by `SessionMiddleware`) and the language the page speaks.
public struct WebContext<Parent: RemoteAddressRequestContext>: ChildRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The live session named by the request's cookie, if any.
    var signedIn: SignedIn?
    /// The session cookie's secret, to end the session at logout.
    var sessionSecret: String?
    var language: Language = .fi
    /// The decoded form of a request that changes something, checked by `FormGuardMiddleware`.
    var form = FormData(fields: [])

    /// The client's IP address, for slowing down repeated failed logins.
    let clientAddress: String

    public init(context: Parent) throws {
        coreContext = context.coreContext
        clientAddress = context.remoteAddress?.ipAddress ?? LoginService.unknownAddress
    }

    /// Forms are small: a ticket's description is at most 20 000 characters.
    public var maxUploadSize: Int { 256 * 1024 }

    /// The signed-in person, or `.unauthenticated` (which sends a browser to the login page).
    func requireSignedIn() throws -> SignedIn {
        guard let signedIn else { throw BackOfficeError.unauthenticated("sign in first") }
        return signedIn
    }
}
