@testable import BackOfficeHTTP
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import PostgresTestSupport
import Prometheus
import Synchronization
import Testing

@Suite("/metrics through the real router")
struct MetricsEndpointTests {
    final class Scrapes: Sendable {
        let count = Mutex(0)
    }

    @Test func aClientThatIsNotLoopbackNeedsTheToken() async throws {
        let registry = PrometheusCollectorRegistry()
        registry.makeCounter(name: "test_things_total", help: "things").increment(by: Int64(3))
        let scrapes = Scrapes()
        let endpoint = MetricsEndpoint(registry: registry, token: "metrics-s3cret", sample: { scrapes.count.withLock { $0 += 1 } })
        let pool = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 1)
        let router = testRouter(pool: pool)
        endpoint.addRoutes(to: router)
        let answers = try await Application(router: router).test(.router) { client in
            var answers: [(HTTPResponse.Status, String, String?)] = []
            for authorization in [nil, "Bearer wrong-s3cret!", "Bearer metrics-s3cret"] {
                var headers = HTTPFields()
                if let authorization { headers[.authorization] = authorization }
                answers.append(try await client.execute(uri: "/metrics", method: .get, headers: headers) { response in
                    (response.status, String(buffer: response.body), response.headers[.contentType])
                })
            }
            return answers
        }
        await pool.close()
        #expect(answers.map(\.0) == [.unauthorized, .unauthorized, .ok])
        #expect(answers[0].2 == "application/problem+json")
        #expect(!answers[0].1.contains("test_things_total"))
        #expect(answers[2].1.contains("test_things_total 3"))
        #expect(answers[2].2?.hasPrefix("text/plain; version=0.0.4") == true)
        #expect(scrapes.count.withLock { $0 } == 1)
    }

    @Test func hummingbirdsNamesBecomePrometheusOnes() {
        let (name, labels) = PrometheusNames.sanitized(
            "hb.requests", [("http.route", "/api/v1/orgs/{code}/tickets"), ("http.request.method", "GET"), ("http.response.status_code", "200")])
        #expect(name == "http_requests_total")
        #expect(labels.map(\.0) == ["route", "method", "status"])
        #expect(PrometheusNames.sanitized("some.other-name", []).0 == "some_other_name")
    }
}
