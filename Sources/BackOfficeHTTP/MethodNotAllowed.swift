import Hummingbird

/// Answers a method that a known path does not serve with 405 and `Allow` naming the methods
/// it does serve (RFC 9110 §15.5.6), where the router alone would say 404. Its own small
/// router holds only these answers, so the real router lists only real routes.
struct MethodNotAllowed<Context: RequestContext>: Sendable {
    private let responder: RouterResponder<Context>

    /// For the routes of `served`, a router with every route already added.
    init(served: [Router<Context>.RouteDescription]) {
        let refusals = Router(context: Context.self)
        for (_, routes) in Dictionary(grouping: served, by: { $0.path.description }) {
            let methods = Set(routes.map(\.method))
            let allow = methods.map(\.rawValue).sorted().joined(separator: ", ")
            for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete] where !methods.contains(method) {
                refusals.on(routes[0].path, method: method) { _, _ -> Response in
                    throw Problem(
                        .methodNotAllowed, slug: "method-not-allowed", title: "Method not allowed",
                        detail: "\(method.rawValue) is not served here; allowed: \(allow)", allow: allow)
                }
            }
        }
        responder = refusals.buildResponder()
    }

    /// The 405 for `request`, or nil when no route has its path.
    func response(for request: Request, context: Context) async throws -> Response? {
        let response = try await responder.respond(to: request, context: context)
        return response.status == .methodNotAllowed ? response : nil
    }
}
