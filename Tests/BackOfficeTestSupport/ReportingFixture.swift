import BackOffice
import BackOfficePostgres
import Foundation
import Postgres
import PostgresTestSupport

/// A region of its own (random code) with two organisations, A (2 000 residents) and B (3 000),
/// and a small fixed data set whose report figures are worked out by hand in the tests: tickets
/// with fixed times and business minutes, training tasks, deployments and usage. Global rows go
/// in through the app role, tenant rows through the app role in each organisation's tenant scope.
public struct ReportingFixture: Sendable {
    public let regionCode: String
    public let orgA: UUID
    public let orgB: UUID
    public let codeA: String
    public let codeB: String
    public let courseCode: String

    public static func make(app: ConnectionPool) async throws -> ReportingFixture {
        let suffix = UUID().uuidString.prefix(8).uppercased()
        let regionCode = "rep_\(suffix.lowercased())"
        let (codeA, codeB, courseCode) = ("RA-\(suffix)", "RB-\(suffix)", "rep_course_\(suffix.lowercased())")
        let people = (0..<8).map { _ in UUID() }
        let (orgA, orgB, course, usageImport) = try await app.withTransaction { transaction in
            let region = try await transaction.query(
                "INSERT INTO regions (code, name) VALUES (\(regionCode), 'Raportointialue') RETURNING id"
            ).single().decode(UUID.self, "id")
            var orgs: [UUID] = []
            for (code, population) in [(codeA, 2000), (codeB, 3000)] {
                orgs.append(try await transaction.query("""
                    INSERT INTO organisations (code, name, region_id, kind, population_served)
                    VALUES (\(code), \("Raportoinnin testi \(code)"), \(region), 'health_centre', \(population))
                    RETURNING id
                    """).single().decode(UUID.self, "id"))
            }
            for (index, person) in people.enumerated() {
                try await transaction.execute("""
                    INSERT INTO people (id, email, full_name)
                    VALUES (\(person), \("reporting-\(index)-\(suffix)@example.fi"), 'Testi Koulutettava')
                    """)
            }
            let course = try await transaction.query("""
                INSERT INTO training_courses (code, title, validity_months) VALUES (\(courseCode), 'Omaolon perusteet', 12)
                RETURNING id
                """).single().decode(UUID.self, "id")
            let usageImport = try await transaction.query("""
                INSERT INTO usage_imports (imported_by, file_name, file_sha256, row_count, months)
                VALUES (\(people[0]), 'kaytto.csv', \(String(repeating: "ab", count: 32)), 4, '{2024-03-01,2024-04-01}')
                RETURNING id
                """).single().decode(UUID.self, "id")
            return (orgs[0], orgs[1], course, usageImport)
        }
        try await app.withTenant(orgA) { transaction in
            try await insertTickets(orgA, in: transaction, [
                // number, status, created, first response, its due, resolved, its due, closed, first response minutes, resolution minutes
                (1, "resolved", "2024-03-04 10:00+00", "2024-03-04 10:30+00", "2024-03-05 10:00+00", "2024-03-06 10:00+00", "2024-03-11 10:00+00", nil, 30, 960),
                (2, "closed", "2024-03-05 08:00+00", "2024-03-07 08:00+00", "2024-03-06 08:00+00", "2024-04-02 08:00+00", "2024-03-12 08:00+00", "2024-04-03 08:00+00", 480, 2400),
                (3, "resolved", "2024-03-20 09:00+00", "2024-04-01 06:00+00", "2024-04-02 09:00+00", "2024-04-03 10:00+00", "2024-04-10 09:00+00", nil, 600, 1200),
                (4, "new", "2024-04-10 10:00+00", nil, "2024-04-11 10:00+00", nil, "2024-04-17 10:00+00", nil, nil, nil),
                // 22:30 UTC on 31 March is 01:30 on 1 April in Helsinki: an April ticket
                (5, "new", "2024-03-31 22:30+00", nil, "2999-01-01 10:00+00", nil, "2999-01-08 10:00+00", nil, nil, nil),
            ])
            try await insertTasks(orgA, course: course, people: Array(people[1...6]), in: transaction)
            try await insertDeployments(orgA, [("health_check", "live"), ("own_plan", "piloting")], in: transaction)
            try await insertUsage(orgA, importID: usageImport, [
                ("health_check", "2024-03-01", 100, 80, 10), ("own_plan", "2024-03-01", 50, 40, 5),
                ("health_check", "2024-04-01", 30, 20, 3),
            ], in: transaction)
        }
        try await app.withTenant(orgB) { transaction in
            try await insertTickets(orgB, in: transaction, [
                (1, "new", "2024-03-10 10:00+00", nil, "2999-01-01 10:00+00", nil, "2999-01-08 10:00+00", nil, nil, nil),
            ])
            try await transaction.execute("INSERT INTO org_members (org_id, person_id) VALUES (\(orgB), \(people[7]))")
            try await transaction.execute("""
                INSERT INTO training_tasks (org_id, person_id, course_id, due_date) VALUES (\(orgB), \(people[7]), \(course), '2999-01-01')
                """)
            try await insertDeployments(orgB, [("health_check", "paused"), ("own_plan", "live")], in: transaction)
            try await insertUsage(orgB, importID: usageImport, [("health_check", "2024-03-01", 300, 200, 60)], in: transaction)
        }
        return ReportingFixture(regionCode: regionCode, orgA: orgA, orgB: orgB, codeA: codeA, codeB: codeB, courseCode: courseCode)
    }

    typealias TicketRow = (Int, String, String, String?, String, String?, String, String?, Int?, Int?)

    private static func insertTickets(_ org: UUID, in transaction: Transaction, _ tickets: [TicketRow]) async throws {
        for ticket in tickets {
            try await transaction.execute("""
                INSERT INTO tickets (org_id, number, subject, description, category, channel, priority, reporter_kind, status,
                                     created_at, first_response_at, first_response_due_at, resolved_at, resolution_due_at,
                                     closed_at, first_response_minutes, resolution_minutes)
                VALUES (\(org), \(ticket.0), 'Salainen aihe', 'Salainen kuvaus', 'login_and_access', 'phone', 'normal',
                        'resident', \(ticket.1), \(ticket.2)::timestamptz, \(ticket.3)::timestamptz, \(ticket.4)::timestamptz,
                        \(ticket.5)::timestamptz, \(ticket.6)::timestamptz, \(ticket.7)::timestamptz, \(ticket.8), \(ticket.9))
                """)
        }
        try await transaction.execute("INSERT INTO ticket_counters (org_id, last_number) VALUES (\(org), \(tickets.count))")
    }

    /// One course, six people: a completion expiring in 10 days, an expired one, an expired one
    /// renewed by an overdue task, a task in progress, a waived one and a valid completion.
    private static func insertTasks(_ org: UUID, course: UUID, people: [UUID], in transaction: Transaction) async throws {
        for person in people {
            try await transaction.execute("INSERT INTO org_members (org_id, person_id) VALUES (\(org), \(person))")
        }
        let today = "(now() AT TIME ZONE 'Europe/Helsinki')::date"
        let renewed = UUID()
        let tasks: [(UUID, UUID, String, String, String?, String?, String?, UUID?)] = [
            // id, person, status, due, completed, expires, waived reason, renewal of
            (UUID(), people[0], "completed", "\(today) - 60", "\(today) - 30", "\(today) + 10", nil, nil),
            (UUID(), people[1], "completed", "\(today) - 530", "\(today) - 500", "\(today) - 100", nil, nil),
            (renewed, people[2], "completed", "\(today) - 430", "\(today) - 400", "\(today) - 35", nil, nil),
            (UUID(), people[2], "assigned", "\(today) - 5", nil, nil, nil, renewed),
            (UUID(), people[3], "in_progress", "\(today) + 50", nil, nil, nil, nil),
            (UUID(), people[4], "waived", "\(today) + 20", nil, nil, "Koulutettu aiemmassa työpaikassa", nil),
            (UUID(), people[5], "completed", "\(today) - 20", "\(today) - 10", "\(today) + 400", nil, nil),
        ]
        for task in tasks {
            // The date expressions are fixed text of this test; the values are bound.
            var query = PostgresQuery("""
                INSERT INTO training_tasks (org_id, id, person_id, course_id, status, waived_reason, renewal_of, due_date,
                                            completed_on, expires_on)
                VALUES ($1, $2, $3, $4, $5, $6, $7,
                """, parameters: [org, task.0, task.1, course, task.2, task.6, task.7])
            query.append(PostgresQuery(stringLiteral: "(\(task.3)), (\(task.4 ?? "NULL"))::date, (\(task.5 ?? "NULL"))::date)"))
            try await transaction.execute(query)
        }
    }

    private static func insertDeployments(_ org: UUID, _ deployments: [(String, String)], in transaction: Transaction) async throws {
        for (service, status) in deployments {
            try await transaction.execute("""
                INSERT INTO deployments (org_id, service_id, status, live_since)
                SELECT \(org), id, \(status), CASE WHEN \(status) IN ('live', 'paused') THEN date '2024-01-01' END
                FROM omaolo_services WHERE code = \(service)
                """)
        }
    }

    private static func insertUsage(
        _ org: UUID, importID: UUID, _ rows: [(String, String, Int, Int, Int)], in transaction: Transaction
    ) async throws {
        for (service, month, started, completed, forwarded) in rows {
            try await transaction.execute("""
                INSERT INTO usage_monthly (org_id, service_id, month, started, completed, forwarded, import_id)
                SELECT \(org), id, \(month)::date, \(started), \(completed), \(forwarded), \(importID)
                FROM omaolo_services WHERE code = \(service)
                """)
        }
    }
}

/// A reporting login made for one test through the same path as `backoffice reporting
/// grant-login`, with a random name and password, and always dropped again.
public struct TestReportingLogin: Sendable {
    public let name: String
    public let password: String
    public let configuration: ConnectionConfiguration

    /// Makes the login, runs `body` with it, and drops it however `body` ends.
    public static func with<T>(
        organisations: [String] = [], county: Bool = false, _ body: (TestReportingLogin) async throws -> T
    ) async throws -> T {
        let owner = try TestDatabase.pool(maximumConnections: 1)
        let service = ReportingLoginService(store: PostgresReportingLoginStore(pool: owner))
        let name = "test_rep_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        let granted = try await service.grant(name: name, organisationCodes: organisations, county: county, password: nil)
        guard let password = granted.password else { throw BackOfficeError.conflict("a new login gets a password") }
        let login = TestReportingLogin(
            name: name, password: password,
            configuration: ConnectionConfiguration(try TestDatabase.configuration().conninfo, overrides: ["user": name, "password": password]))
        do {
            let value = try await body(login)
            try await service.revoke(name: name)
            await owner.close()
            return value
        } catch {
            try? await service.revoke(name: name)
            await owner.close()
            throw error
        }
    }

    /// Runs `body` on a connection of the login's own.
    public func withConnection<T>(_ body: (Connection) async throws -> T) async throws -> T {
        try await TestDatabase.withConnection(configuration, body)
    }

    /// A report as this login sees it, through `PostgresReportStore`.
    public func report(_ name: ReportName, region: String? = nil, org: String? = nil, from: String? = nil, to: String? = nil) async throws -> ReportTable {
        let pool = try TestDatabase.pool(configuration, maximumConnections: 1)
        do {
            let request = try ReportRequest.validated(name: name.rawValue, organisation: org, region: region, from: from, to: to)
            let table = try await PostgresReportStore(pool: pool).table(for: request)
            await pool.close()
            return table
        } catch {
            await pool.close()
            throw error
        }
    }
}

extension ReportTable {
    /// The rows as dictionaries of column name to text (NULL as nil).
    public var records: [[String: String?]] {
        rows.map { Dictionary(uniqueKeysWithValues: zip(columns, $0)) }
    }

    /// The values of `column`, row by row.
    public func column(_ name: String) -> [String?] {
        guard let index = columns.firstIndex(of: name) else { return [] }
        return rows.map { $0[index] }
    }
}
