import BackOffice
import BackOfficeHTTP
import BackOfficePostgres
import BackOfficeTestSupport
import BackOfficeWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import PostgresTestSupport

/// The real router with the web pages over the real stores of the test database, and a
/// browser-like client for it: it keeps cookies, reads form tokens and posts forms.
struct WebTestApp {
    let pool: ConnectionPool
    let login: LoginService
    /// Where the queues' counts stop: small in a test that shows "2+" without a thousand tickets.
    let countCap: Int

    /// bcrypt at its lowest cost, so that tests log in quickly; verification is the same.
    static let hasher = BcryptPasswordHasher(cost: 4)

    /// The app on `pool` (default: the test database as the server's login).
    init(pool: ConnectionPool? = nil, settings: SessionSettings = .standard, countCap: Int = QueueCount.standardCap) throws {
        self.pool = try pool ?? TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 2)
        self.countCap = countCap
        login = LoginService(
            store: PostgresWebSessionStore(pool: self.pool), access: RoleService(store: PostgresAccessStore(pool: self.pool)),
            hasher: Self.hasher, settings: settings)
    }

    func router() async throws -> Router<BackOfficeRequestContext> {
        let roles = RoleService(store: PostgresAccessStore(pool: pool))
        let cursors = HMACCursorSeal(secret: RandomSecret.make())
        let tickets = TicketService(store: PostgresTicketStore(pool: pool), access: roles, cursors: cursors, countCap: countCap)
        let cannedReplies = CannedReplyService(store: PostgresCannedReplyStore(pool: pool), access: roles, tickets: tickets)
        let deployments = DeploymentService(store: PostgresDeploymentStore(pool: pool), access: roles)
        let training = TrainingService(store: PostgresTrainingStore(pool: pool), access: roles)
        let usage = UsageImportService(store: PostgresUsageImportStore(pool: pool))
        let organisations = OrganisationService(store: PostgresOrganisationStore(pool: pool), access: roles)
        let outbox = MailOutboxService(store: PostgresMailOutbox(pool: pool), access: roles, cursors: cursors)
        let views = SavedViewService(store: PostgresSavedViewStore(pool: pool))
        let router = buildRouter(HTTPDependencies(
            readiness: DatabaseReadiness(pool: pool, migrations: []), roles: roles,
            tokens: TokenService(store: PostgresTokenStore(pool: pool)),
            organisations: organisations, tickets: tickets, cannedReplies: cannedReplies, deployments: deployments, usage: usage,
            training: training, privacy: PrivacyService(store: PostgresPrivacyStore(pool: pool)), outbox: outbox,
            views: views, cursors: cursors))
        try await WebPages.load(WebDependencies(
            login: login, roles: roles, tickets: tickets, cannedReplies: cannedReplies, deployments: deployments,
            training: training, usage: usage, organisations: organisations, outbox: outbox,
            reports: ReportService(store: PostgresReportStore(pool: pool), access: roles), views: views,
            calendar: .support, secureCookies: false
        )).addRoutes(to: router)
        return router
    }

    /// Runs `body` with a browser-like client of the app, then closes the app's connections.
    func withBrowser<T: Sendable>(_ body: @escaping @Sendable (inout Browser) async throws -> T) async throws -> T {
        do {
            let value = try await Application(router: try await router()).test(.router) { client in
                var browser = Browser(client: client)
                return try await body(&browser)
            }
            await pool.close()
            return value
        } catch {
            await pool.close()
            throw error
        }
    }
}

/// A page as the browser got it.
struct Page {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let html: String

    /// The value of the first hidden field `name` (a form token, a version).
    func hidden(_ name: String) -> String? {
        let marker = "name=\"\(name)\" value=\""
        guard let start = html.range(of: marker) else { return nil }
        return String(html[start.upperBound...].prefix { $0 != "\"" })
    }

    /// Every `Set-Cookie` header.
    var setCookies: [String] { headers[values: .setCookie] }

    /// The value a `Set-Cookie` header gives `name`, if one does.
    func cookie(_ name: String) -> String? {
        setCookies.lazy.compactMap { header -> String? in
            guard header.hasPrefix("\(name)=") else { return nil }
            return String(header.dropFirst(name.count + 1).prefix { $0 != ";" })
        }.first
    }
}

/// Sends requests as a browser would: with the cookies it was given, and forms urlencoded.
struct Browser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    mutating func get(_ path: String) async throws -> Page {
        try await send(.get, path, body: nil)
    }

    /// Posts `fields` as a form; `token` nil adds none.
    mutating func post(_ path: String, _ fields: [(String, String)], headers: [HTTPField.Name: String] = [:]) async throws -> Page {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(.post, path, body: body, headers: headers)
    }

    /// Logs in through the login form; the answer is the redirect (or the refusal).
    mutating func logIn(_ email: String, _ password: String) async throws -> Page {
        let form = try await get("/login")
        return try await post("/login", [("csrf_token", form.hidden("csrf_token") ?? ""), ("email", email), ("password", password)])
    }

    private mutating func send(
        _ method: HTTPRequest.Method, _ path: String, body: String?, headers extra: [HTTPField.Name: String] = [:]
    ) async throws -> Page {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        headers[.acceptLanguage] = "fi"
        for (name, value) in extra { headers[name] = value }
        let page = try await client.execute(
            uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
        ) { response in
            Page(status: response.status, headers: response.headers, html: String(buffer: response.body))
        }
        for header in page.setCookies {
            let pair = header.prefix { $0 != ";" }
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals]), value = String(pair[pair.index(after: equals)...])
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return page
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
