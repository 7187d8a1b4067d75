import BackOffice
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One log line per request, web pages and API alike, and its id on everything the request
/// causes: a sane `X-Request-Id` from the client is taken as it is, otherwise Hummingbird's
/// own id is kept; either is echoed in the response, carried by `context.id` into every log
/// line of the request and every problem document's `instance`, and by `RequestTrace` into the
/// store's lines. The line holds ids and codes only: never a name, an address or a body.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    static var header: HTTPField.Name { HTTPField.Name("X-Request-Id")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var context = context
        if let given = request.headers[Self.header], RequestTrace.isSane(given) {
            context.logger[metadataKey: "hb.request.id"] = .string(given)
        }
        let id = context.id
        let record = RequestTrace.Record()
        var response: Response
        do {
            response = try await RequestTrace.$id.withValue(id) {
                try await RequestTrace.$record.withValue(record) { try await next(request, context) }
            }
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch {
            log(request, context, status: 500, record, since: started)
            throw error
        }
        response.headers[Self.header] = id
        log(request, context, status: response.status.code, record, since: started)
        return response
    }

    private func log(_ request: Request, _ context: Context, status: Int, _ record: RequestTrace.Record, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        var metadata: Logger.Metadata = [
            "method": .string(request.method.rawValue),
            "route": .string(context.endpointPath ?? "unmatched"),
            "status": .stringConvertible(status),
            "duration_ms": .stringConvertible(Double(elapsed.components.attoseconds / 1_000_000_000_000) / 1000
                + Double(elapsed.components.seconds) * 1000),
        ]
        if let code = context.parameters.get("code"), code.count <= 32 { metadata["org"] = .string(code) }
        if let actor = record.actorID { metadata["actor_id"] = .string(actor.uuidString.lowercased()) }
        context.logger.info("request", metadata: metadata)
    }
}
