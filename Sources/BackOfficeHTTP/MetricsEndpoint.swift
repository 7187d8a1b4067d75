import BackOffice
import Hummingbird
import Metrics
import NIOCore
import Prometheus

/// `GET /metrics` in Prometheus's text format, for loopback clients or a bearer of the token
/// given in the environment (`METRICS_TOKEN`); everyone else gets 401. The figures kept only
/// at scrape time are refreshed by `sample` first.
public struct MetricsEndpoint: Sendable {
    let registry: PrometheusCollectorRegistry
    let token: String?
    let sample: @Sendable () async -> Void

    /// Makes swift-metrics record into a Prometheus registry of its own (once per process)
    /// and returns the endpoint that shows it.
    public static func bootstrap(token: String?, sample: @escaping @Sendable () async -> Void) -> MetricsEndpoint {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = PrometheusNames.sanitized
        MetricsSystem.bootstrap(factory)
        return MetricsEndpoint(registry: registry, token: token.flatMap { $0.isEmpty ? nil : $0 }, sample: sample)
    }

    public func addRoutes(to router: Router<BackOfficeRequestContext>) {
        router.get("metrics") { request, context in try await scrape(request, context) }
    }

    func scrape(_ request: Request, _ context: BackOfficeRequestContext) async throws -> Response {
        guard isLoopback(context.remoteAddress) || bearsToken(request) else {
            throw BackOfficeError.unauthenticated("the metrics answer loopback clients or the bearer of METRICS_TOKEN")
        }
        await sample()
        var text: [UInt8] = []
        registry.emit(into: &text)
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: text)))
    }

    private func isLoopback(_ address: SocketAddress?) -> Bool {
        guard let ip = address?.ipAddress else { return false }
        return ip.hasPrefix("127.") || ip == "::1"
    }

    /// Compares in time that does not depend on where the given token first differs.
    private func bearsToken(_ request: Request) -> Bool {
        guard let token, let given = request.headers[.authorization] else { return false }
        let expected = Array("Bearer \(token)".utf8), offered = Array(given.utf8)
        guard expected.count == offered.count else { return false }
        return zip(expected, offered).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
