import Foundation
import BackOffice
import Hummingbird

/// Identifies the caller from `Authorization: Bearer <token>`; no token, or an unknown,
/// expired or revoked one, is a 401.
struct BearerAuthMiddleware: RouterMiddleware {
    typealias Context = BackOfficeRequestContext
    let tokens: TokenService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw BackOfficeError.unauthenticated("send Authorization: Bearer <token>")
        }
        var context = context
        context.principal = try await tokens.principal(bearer: String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces), interface: .http)
        return try await next(request, context)
    }
}
