import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("Web passwords from the command line, on the demo county")
struct PasswordCommandLineTests {
    let cli = CommandLineTests()

    /// The stored password hash of the person with `email`, if any.
    func passwordHash(of email: String) async throws -> String? {
        try await TestDatabase.withConnection { connection in
            try await connection.query("""
                SELECT c.password_hash FROM person_credentials c JOIN people p ON p.id = c.person_id
                WHERE lower(p.email) = lower(\(email))
                """).first?.decode(String.self, "password_hash")
        }
    }

    @Test func theDemoSeedGivesEveryDemoPersonThePrintedPassword() async throws {
        _ = try TestDatabase.configuration()
        let seeded = try await cli.run(["seed", "demo"])
        #expect(seeded.status == 0, "\(seeded.errors)")
        #expect(seeded.errors.contains("\n  Omaolo-demo-2026\n"))
        let agent = try #require(try await passwordHash(of: "teemu.tukipalvelu@pohde.example"))
        #expect(agent.hasPrefix("$2b$12$"))
        #expect(try await passwordHash(of: "professional.kuusamo-ta@pohde.example") == agent, "one hash for all")
    }

    @Test func anOperatorSetsAPasswordFromStandardInput() async throws {
        _ = try TestDatabase.configuration()
        #expect(try await cli.run(["seed", "demo"]).status == 0)
        let email = "uusi-\(UUID().uuidString.prefix(8).lowercased())@pohde.example"
        let added = try await cli.run([
            "member", "add", "--as", "org-admin.oulu-tk@pohde.example", "--org", "OULU-TK", "--email", email, "--name", "Uusi Hoitaja"])
        #expect(added.status == 0, "\(added.errors)")

        let short = try await cli.run(["person", "set-password", "--email", email], input: "lyhyt\n")
        #expect(short.status == 1)
        #expect(short.errors == "backoffice: password: must be at least 12 characters\n")
        #expect(try await passwordHash(of: email) == nil)

        let set = try await cli.run(["person", "set-password", "--email", email], input: "Kesä-loma-alkaa-2026\n")
        #expect(set.status == 0, "\(set.errors)")
        #expect(set.errors == "backoffice: the password of \(email) is set; their sessions have ended\n")
        #expect(try await passwordHash(of: email)?.hasPrefix("$2b$12$") == true)

        let nobody = try await cli.run(["person", "set-password", "--email", "ei-ketaan@pohde.example"], input: "Kesä-loma-alkaa-2026\n")
        #expect(nobody.status == 1)
        #expect(nobody.errors == "backoffice: person ei-ketaan@pohde.example not found\n")
    }
}
