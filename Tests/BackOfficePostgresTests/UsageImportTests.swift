import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("Importing usage files, against the database")
struct UsageImportTests {
    let app: ConnectionPool
    let roles: RoleService
    let usage: UsageImportService

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 4)
        roles = RoleService(store: PostgresAccessStore(pool: app))
        usage = UsageImportService(store: PostgresUsageImportStore(pool: app))
    }

    static let header = "organisation,service,month,started,completed,forwarded"
    static let services = ["symptom_back_pain", "symptom_cough", "health_check", "wellbeing_check", "own_plan"]

    /// The organisation's usage as `service month: started/completed/forwarded`, by month and service.
    func rows(of organisation: Organisation) async throws -> [String] {
        try await app.withTenant(organisation.id) { transaction in
            try await transaction.query("""
                SELECT s.code, to_char(u.month, 'YYYY-MM') AS month, u.started, u.completed, u.forwarded
                FROM usage_monthly u JOIN omaolo_services s ON s.id = u.service_id
                WHERE u.org_id = \(organisation.id) ORDER BY u.month, s.code
                """).map { row in
                "\(try row.decode(String.self, "code")) \(try row.decode(String.self, "month")): "
                    + "\(try row.decode(Int.self, "started"))/\(try row.decode(Int.self, "completed"))/\(try row.decode(Int.self, "forwarded"))"
            }
        }
    }

    func csv(_ lines: [String]) -> [UInt8] {
        Array(([Self.header] + lines).joined(separator: "\n").utf8) + [UInt8(ascii: "\n")]
    }

    func fileName() -> String { "kaytto-\(UUID().uuidString.prefix(8).lowercased()).csv" }

    /// The problems of an import that must fail as invalid.
    func problems(_ contents: [UInt8], by principal: Principal) async throws -> [FieldError] {
        let refused = await #expect(throws: BackOfficeError.self) {
            try await usage.importFile(named: fileName(), contents: contents, by: principal).record
        }
        guard case .invalid(let errors)? = refused else {
            Issue.record("expected invalid, got \(String(describing: refused))")
            return []
        }
        return errors
    }

    @Test func aGoodFileLoadsAndIsRecordedWithItsSHA256() async throws {
        let fixture = try await AccessFixture.make(app: app)
        let county = try await roles.principal(email: fixture.countyAdmin.email, interface: .cli)
        let (a, b) = (fixture.orgA.code, fixture.orgB.code)
        let contents = csv([
            "\(a),symptom_back_pain,2025-01,120,97,31", "\(a),health_check,2025-01,40,38,2",
            "\(a),symptom_back_pain,2025-02,130,101,29", "\(b),own_plan,2025-02,7,7,0",
        ])
        let name = fileName()
        let record = try await usage.importFile(named: name, contents: contents, by: county).record
        #expect(record.rowCount == 4 && record.fileName == name && record.importedBy == fixture.countyAdmin.email)
        #expect(record.months.map(\.description) == ["2025-01", "2025-02"])
        let expectedDigest = try await app.withTransaction { transaction in
            try await transaction.query("SELECT encode(sha256(\(Data(contents))), 'hex') AS digest").single().decode(String.self, "digest")
        }
        #expect(record.sha256 == expectedDigest)
        #expect(try await rows(of: fixture.orgA) == [
            "health_check 2025-01: 40/38/2", "symptom_back_pain 2025-01: 120/97/31", "symptom_back_pain 2025-02: 130/101/29",
        ])
        #expect(try await rows(of: fixture.orgB) == ["own_plan 2025-02: 7/7/0"])
        #expect(try await usage.imports(for: county).contains(record))
        let audited = try await app.withCountyScope { transaction in
            try await transaction.query("SELECT action FROM audit_log WHERE object_id = \(record.id.uuidString.lowercased())")
                .map { try $0.decode(String.self, "action") }
        }
        #expect(audited == ["usage.import"])
        await app.close()
    }

    @Test func reImportingAMonthReplacesItForTheOrganisationsInTheFile() async throws {
        let fixture = try await AccessFixture.make(app: app)
        let county = try await roles.principal(email: fixture.countyAdmin.email, interface: .cli)
        let (a, b) = (fixture.orgA.code, fixture.orgB.code)
        _ = try await usage.importFile(named: fileName(), contents: csv([
            "\(a),symptom_back_pain,2025-01,120,97,31", "\(a),health_check,2025-01,40,38,2",
            "\(a),symptom_back_pain,2025-02,130,101,29", "\(b),symptom_back_pain,2025-01,7,7,0",
        ]), by: county)
        let again = try await usage.importFile(named: fileName(), contents: csv(["\(a),symptom_back_pain,2025-01,125,99,30"]), by: county).record
        #expect(again.months.map(\.description) == ["2025-01"])
        // A's January is the second file's alone; A's February and B's January stay.
        #expect(try await rows(of: fixture.orgA) == ["symptom_back_pain 2025-01: 125/99/30", "symptom_back_pain 2025-02: 130/101/29"])
        #expect(try await rows(of: fixture.orgB) == ["symptom_back_pain 2025-01: 7/7/0"])
        await app.close()
    }

    @Test func aThousandLineFileWithThreeBadLinesChangesNothingAndNamesExactlyThoseLines() async throws {
        let fixture = try await AccessFixture.make(app: app)
        let county = try await roles.principal(email: fixture.countyAdmin.email, interface: .cli)
        let organisations = [fixture.orgA.code, fixture.orgB.code]
        _ = try await usage.importFile(
            named: fileName(), contents: csv(["\(organisations[0]),symptom_back_pain,2025-01,1,1,1"]), by: county)
        // 999 rows after the header: two organisations × five services × 100 months from 2017-01,
        // A's back pain of 2025-01 among them; lines 17, 500 and 1000 are bad.
        var lines: [String] = []
        for index in 0..<999 {
            let month = UsageMonth(year: 2017 + index / 10 / 12, month: index / 10 % 12 + 1)!
            var fields = [organisations[index % 2], Self.services[index / 2 % 5], month.description, "\(index)", "\(index / 2)", "\(index / 4)"]
            switch index + 2 {
            case 17: fields[2] = "2024-13"
            case 500: fields[3] = "-5"
            case 1000: fields[0] = "EI-OLE-\(fixture.orgA.code)"
            default: break
            }
            lines.append(fields.joined(separator: ","))
        }
        #expect(lines.contains("\(organisations[0]),symptom_back_pain,2025-01,960,480,240"))
        let found = try await problems(csv(lines), by: county)
        #expect(found.map(\.field) == ["line 17, month", "line 500, started", "line 1000, organisation"])
        #expect(found.map(\.reason) == [
            "must be a month YYYY-MM, not \"2024-13\"", "must not be negative", "no organisation has the code EI-OLE-\(fixture.orgA.code)",
        ])
        #expect(try await rows(of: fixture.orgA) == ["symptom_back_pain 2025-01: 1/1/1"])
        #expect(try await rows(of: fixture.orgB) == [])

        // The same file with those three lines mended loads whole.
        lines[15] = lines[15].replacingOccurrences(of: "2024-13", with: "2017-02")
        lines[498] = lines[498].replacingOccurrences(of: ",-5,", with: ",498,")
        lines[998] = lines[998].replacingOccurrences(of: "EI-OLE-\(fixture.orgA.code)", with: fixture.orgA.code)
        let record = try await usage.importFile(named: fileName(), contents: csv(lines), by: county).record
        #expect(record.rowCount == 999 && record.months.count == 100)
        #expect(try await rows(of: fixture.orgA).count + (try await rows(of: fixture.orgB).count) == 999)
        #expect(try await rows(of: fixture.orgA).contains("symptom_back_pain 2025-01: 960/480/240"))
        await app.close()
    }

    @Test func invalidUTF8IsRefusedAndChangesNothing() async throws {
        let fixture = try await AccessFixture.make(app: app)
        let county = try await roles.principal(email: fixture.countyAdmin.email, interface: .cli)
        let contents = csv(["\(fixture.orgA.code),symptom_back_pain,2025-01,1,1,1"]) + Array("\(fixture.orgA.code),".utf8)
            + [0xC3, 0x28] + Array(",2025-01,1,1,1\n".utf8)
        #expect(try await problems(contents, by: county) == [FieldError(field: "line 3, service", reason: "is not valid UTF-8")])
        #expect(try await rows(of: fixture.orgA) == [])
        await app.close()
    }

    @Test func onlyCountyAdminsImportOrListImports() async throws {
        let fixture = try await AccessFixture.make(app: app)
        let admin = try await roles.principal(email: fixture.adminA.email, interface: .cli)
        let refused = await #expect(throws: BackOfficeError.self) {
            try await usage.importFile(named: fileName(), contents: csv(["\(fixture.orgA.code),own_plan,2025-01,1,1,1"]), by: admin).record
        }
        guard case .forbidden? = refused else { Issue.record("expected forbidden, got \(String(describing: refused))"); return }
        await #expect(throws: BackOfficeError.self) { try await usage.imports(for: admin) }
        #expect(try await rows(of: fixture.orgA) == [])
        await app.close()
    }
}
