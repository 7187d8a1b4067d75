import Foundation
import PostgresTestSupport
import Testing

@Suite("Deployment readiness from the command line, on the demo county")
struct DeploymentCommandLineTests {
    let cli = CommandLineTests()

    @Test func theDemoShowsARefusalAGoLiveAfterTrainingAnOverrideAndOneAtRisk() async throws {
        _ = try TestDatabase.configuration()
        let seeded = try await cli.run(["seed", "demo"])
        #expect(seeded.status == 0, "\(seeded.errors)")
        let county = ["--as", "tuula.tuotevastaava@pohde.example"]
        let admin = ["--as", "org-admin.taivalkoski-ta@pohde.example"]

        let atRisk = try await cli.run(["deployment", "at-risk", "--format", "csv"] + county)
        #expect(atRisk.status == 0, "\(atRisk.errors)")
        let demoRows = atRisk.output.split(separator: "\n").filter { $0.hasPrefix("OULU-SUU,") || $0.hasPrefix("JOKILAAKSOT-SUU,") }
        #expect(demoRows.map { $0.split(separator: ",").prefix(3).joined(separator: ",") }
            == ["JOKILAAKSOT-SUU,symptom_oral_health,live (override)", "OULU-SUU,symptom_oral_health,live"])

        let refused = try await cli.run(["deployment", "status", "--org", "TAIVALKOSKI-TA", "symptom_cough", "--to", "live"] + admin)
        #expect(refused.status == 1)
        #expect(refused.errors == """
            backoffice: symptom_cough in TAIVALKOSKI-TA cannot go live: 66.7 % of its 3 professionals and Omaolo contacts (2) \
            hold every required course, the threshold is 80 %; lacking: oirearvioiden_kasittely (1 person)

            """)
        let rules = try await cli.run(["deployment", "requirements", "--service", "symptom_cough", "--threshold", "50"] + admin)
        #expect(rules.status == 77, "\(rules.errors)")

        let open = try await cli.run(["training", "list", "--org", "TAIVALKOSKI-TA", "--course", "oirearvioiden_kasittely",
                                      "--status", "in_progress", "--format", "csv"] + admin)
        let task = try #require(open.output.split(separator: "\n").dropFirst().first?.split(separator: ",").first.map(String.init))
        let completed = try await cli.run(["training", "complete", task, "--org", "TAIVALKOSKI-TA", "--evidence-kind", "exam",
                                           "--evidence-ref", "Verkkotentti 92 %", "--as", "professional2.taivalkoski-ta@pohde.example"])
        #expect(completed.status == 0, "\(completed.errors)")
        let live = try await cli.run(["deployment", "status", "--org", "TAIVALKOSKI-TA", "symptom_cough", "--to", "live",
                                      "--format", "csv"] + admin)
        #expect(live.status == 0, "\(live.errors)")
        #expect(live.output.split(separator: "\n").last?.hasPrefix("symptom_cough,live,100.0 % (3/3),80 %,none,") == true)
    }
}
