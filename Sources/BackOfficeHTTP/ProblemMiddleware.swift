import BackOffice
import Logging
import NIOCore
import Hummingbird

/// Turns every error into a problem document: domain errors by kind, malformed or oversized
/// bodies as 400 and 413, a method a known path does not serve as 405, anything unexpected as a 500 that names no internals.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let methodNotAllowed: MethodNotAllowed<Context>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            throw problem
        } catch let error as BackOfficeError {
            if case .unavailable(let why) = error { context.logger.warning("database unavailable", metadata: ["why": "\(why)"]) }
            if case .outcomeUnknown(let why) = error { context.logger.error("commit outcome unknown", metadata: ["why": "\(why)"]) }
            throw Problem(error)
        } catch is NIOTooManyBytesError {
            throw Problem(.contentTooLarge, slug: "too-large", title: "Request body too large",
                          detail: "the body may be at most \(context.maxUploadSize) bytes")
        } catch let error as HTTPError {
            switch error.status {
            case .contentTooLarge:
                throw Problem(.contentTooLarge, slug: "too-large", title: "Request body too large",
                              detail: "the body may be at most \(context.maxUploadSize) bytes")
            case .notFound:
                if let refusal = try await methodNotAllowed.response(for: request, context: context) { return refusal }
                throw Problem(.notFound, slug: "not-found", title: "Not found", detail: "no such resource")
            case .badRequest:
                throw Problem(.badRequest, slug: "malformed", title: "Malformed request", detail: error.body ?? "the request could not be read")
            default:
                throw Problem(error.status, slug: "http", title: error.status.reasonPhrase, detail: error.body ?? error.status.reasonPhrase)
            }
        } catch {
            context.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            throw Problem(.internalServerError, slug: "internal", title: "Internal error", detail: "the request could not be completed")
        }
    }
}
