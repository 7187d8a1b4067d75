import Foundation
import PostgresTestSupport
import Testing

@Suite("Reporting logins and reports from the command line")
struct ReportCommandLineTests {
    let cli = CommandLineTests()

    func run(_ arguments: [String], reportingURL: String?) async throws -> ChildProcess.Outcome {
        var environment = ProcessInfo.processInfo.environment
        environment["REPORTING_DATABASE_URL"] = reportingURL
        return try await ChildProcess.run(CommandLineTests.executable.path, arguments, environment: environment)
    }

    @Test func aGrantedLoginPrintsReportsAsItsInstructionsSay() async throws {
        _ = try TestDatabase.configuration()
        let name = "test_rep_cli_" + UUID().uuidString.prefix(8).lowercased()
        let passwordFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).txt")
        try "salasana-\(UUID().uuidString)\n".write(to: passwordFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: passwordFile) }

        let granted = try await cli.run(["reporting", "grant-login", name, "--county", "--password-file", passwordFile.path])
        #expect(granted.status == 0, "\(granted.errors)")
        do {
            try await checkReports(name: name, granted: granted.output, passwordFile: passwordFile)
        } catch {
            _ = try? await cli.run(["reporting", "revoke-login", name])
            throw error
        }
        let revoked = try await cli.run(["reporting", "revoke-login", name])
        #expect(revoked.status == 0, "\(revoked.errors)")
    }

    func checkReports(name: String, granted output: String, passwordFile: URL) async throws {
        #expect(!output.contains("shown once"), "a password from a file is not printed")
        let line = try #require(output.split(separator: "\n").first { $0.contains("REPORTING_DATABASE_URL=") })
        let password = try String(contentsOf: passwordFile, encoding: .utf8).trimmingCharacters(in: .newlines)
        // host=… port=… dbname=… user=<name> password=<the password in the file>
        let conninfo = try #require(line.split(separator: "\"").dropFirst().first)
            .replacingOccurrences(of: "<the password in the file>", with: password)
        #expect(conninfo.contains("user=\(name)"))

        let report = try await run(["report", "my_scope", "--format", "json"], reportingURL: conninfo)
        #expect(report.status == 0, "\(report.errors)")
        let scope = try JSONSerialization.jsonObject(with: Data(report.output.utf8)) as? [[String: Any]]
        #expect(scope?.isEmpty == false)
        #expect(scope?.allSatisfy { $0["county_scope"] as? String == "t" } == true)

        let csv = try await run(["report", "tickets_monthly", "--from", "2024-01", "--format", "csv"], reportingURL: conninfo)
        #expect(csv.status == 0, "\(csv.errors)")
        #expect(csv.output.hasPrefix("region_code,org_code,month,opened,resolved,"))

        let refused = try await run(["report", "deployment_coverage", "--org", "OULU-TK"], reportingURL: conninfo)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("has no organisation to filter by"))

        let listed = try await cli.run(["reporting", "list-logins", "--format", "csv"])
        #expect(listed.output.contains("\(name),county,"))
    }

    @Test func aReportNeedsAReportingLogin() async throws {
        let outcome = try await run(["report", "ticket_facts"], reportingURL: "")
        #expect(outcome.status == 64)
        #expect(outcome.errors.contains("REPORTING_DATABASE_URL"))
    }
}
