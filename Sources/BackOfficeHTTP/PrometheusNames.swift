/// Names as Prometheus wants them: Hummingbird's request metrics under the usual HTTP names
/// (`http_requests_total{route, method, status}`, `http_request_duration_seconds`), and any
/// other dotted name with underscores.
enum PrometheusNames {
    static let metrics = [
        "hb.requests": "http_requests_total",
        "hb.request.errors": "http_request_errors_total",
        "http.server.request.duration": "http_request_duration_seconds",
        "http.server.active_requests": "http_active_requests",
    ]
    static let labels = [
        "http.route": "route",
        "http.request.method": "method",
        "http.response.status_code": "status",
        "error.type": "status",
    ]

    @Sendable static func sanitized(_ name: String, _ labels: [(String, String)]) -> (String, [(String, String)]) {
        (metrics[name] ?? underscored(name), labels.map { (Self.labels[$0.0] ?? underscored($0.0), $0.1) })
    }

    private static func underscored(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" ? $0 : "_" })
    }
}
