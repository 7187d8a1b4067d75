import Foundation
import PostgresTestSupport
import Testing

@Suite("A resident's access-log extract from the command line, on the demo county")
struct PrivacyCommandLineTests {
    let cli = CommandLineTests()

    @Test func aCountyAdminGetsEveryReadAndTheDeskIsRefused() async throws {
        _ = try TestDatabase.configuration()
        #expect(try await cli.run(["seed", "demo"]).status == 0)
        let digits = String(format: "%07d", Int.random(in: 0..<10_000_000))
        let agent = ["--as", "teemu.tukipalvelu@pohde.example"]
        let created = try await cli.run(["ticket", "create", "--org", "OULU-TK", "--subject", "Tietopyyntö", "--category", "data_protection",
                                         "--channel", "phone", "--resident-name", "Aino Asukas", "--resident-phone", "040 \(digits)",
                                         "--format", "json"] + agent)
        #expect(created.status == 0, "\(created.errors)")
        let reference = try #require((try JSONSerialization.jsonObject(with: Data(created.output.utf8)) as? [[String: String]])?.first?["reference"])
        let report = try await cli.run(["privacy", "access-report", "--as", "tuula.tuotevastaava@pohde.example",
                                        "--phone", "+358 40 \(digits)", "--format", "csv"])
        #expect(report.status == 0, "\(report.errors)")
        let rows = report.output.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["ticket", "organisation", "created_at", "status", "closed_at", "read_at", "reader", "roles", "read_in", "interface", "purpose"])
        #expect(rows.dropFirst().map { $0.first } == [reference])
        #expect(report.errors.contains("by design"))
        let refused = try await cli.run(["privacy", "access-report", "--phone", "040 \(digits)"] + agent)
        #expect(refused.status == 77, "\(refused.errors)")
    }
}
