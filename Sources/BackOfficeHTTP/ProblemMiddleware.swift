import BackOffice
import Logging
import NIOCore
import Hummingbird

/// Turns every error into a problem document: domain errors by kind, malformed or oversized
/// bodies as 400 and 413, anything unexpected as a 500 that names no internals.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            throw problem
        } catch let error as BackOfficeError {
            throw Problem(error)
        } catch is NIOTooManyBytesError {
            throw Problem(.contentTooLarge, slug: "too-large", title: "Request body too large",
                          detail: "the body may be at most \(context.maxUploadSize) bytes")
        } catch let error as DecodingError {
            throw Problem(.badRequest, slug: "malformed", title: "Malformed request body", detail: Self.describe(error))
        } catch let error as HTTPError {
            switch error.status {
            case .contentTooLarge:
                throw Problem(.contentTooLarge, slug: "too-large", title: "Request body too large",
                              detail: "the body may be at most \(context.maxUploadSize) bytes")
            case .notFound:
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

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "the body is not valid JSON" : "\(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is missing"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) must be \(String(describing: type).lowercased())"
        case .valueNotFound(_, let context):
            return "\(path(context.codingPath)) must not be null"
        @unknown default:
            return "the body could not be read"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
