import Foundation
import PostgresTestSupport
import Testing

/// `backoffice mail receive`, as the mail system's pipe runs it.
@Suite("Mail from the command line, on the demo county", .serialized)
struct MailCommandLineTests {
    let cli = CommandLineTests()

    static var sample: String {
        get throws {
            try String(contentsOf: CommandLineTests.executable.deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("docs/sample-mail.eml"), encoding: .utf8)
        }
    }

    @Test func theSampleMailBecomesATicketOnceWithItsIdentityCodeRemoved() async throws {
        _ = try TestDatabase.configuration()
        let seeded = try await cli.run(["seed", "demo"])
        #expect(seeded.status == 0, "\(seeded.errors)")
        let mail = try Self.sample.replacingOccurrences(of: "<demo-1@example.fi>", with: "<\(UUID().uuidString)@example.fi>")
        let first = try await cli.run(["mail", "receive", "--org", "OULU-TK"], input: mail)
        #expect(first.status == 0, "\(first.errors)")
        let reference = first.output.trimmingCharacters(in: .newlines)
        #expect(reference.hasPrefix("OULU-TK-"))
        let again = try await cli.run(["mail", "receive", "--org", "OULU-TK"], input: mail)
        #expect(again.status == 0 && again.output == first.output)
        #expect(again.errors == "already received for \(reference): nothing new\n")
        let shown = try await cli.run(["ticket", "show", reference, "--history", "--as", "teemu.tukipalvelu@pohde.example", "--format", "json"])
        #expect(shown.status == 0, "\(shown.errors)")
        #expect(shown.output.contains("[henkilötunnus poistettu]") && !shown.output.contains("131052"))
        #expect(shown.output.contains("identity_codes_removed"))
        let outbox = try await cli.run(["mail", "outbox", "--org", "OULU-TK", "--as", "teemu.tukipalvelu@pohde.example", "--format", "csv"])
        #expect(outbox.status == 0, "\(outbox.errors)")
        let line = outbox.output.split(separator: "\n").first { $0.contains(",\(reference),received,pending,0,") }
        #expect(line?.contains("[\(reference)] Tukipyyntösi on vastaanotettu: Oirearvio ei lähde ammattilaiselle") == true)
        #expect(!outbox.output.contains("liisa.leppanen@example.fi"))
    }

    @Test func aMailOverOneMegabyteIsRefusedWith65AndOneLine() async throws {
        let big = try Self.sample + String(repeating: "selkäkipu ", count: 200_000)
        let outcome = try await cli.run(["mail", "receive", "--org", "OULU-TK"], input: big)
        #expect(outcome.status == 65)
        #expect(outcome.errors.hasPrefix("backoffice: message refused: ") && outcome.errors.split(separator: "\n").count == 1)
        #expect(outcome.output.isEmpty)
    }

    @Test func aMailWithoutATextPartIsRefusedWith65() async throws {
        let image = "From: aino@example.fi\r\nSubject: kuva\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n"
        let outcome = try await cli.run(["mail", "receive", "--org", "OULU-TK"], input: image)
        #expect(outcome.status == 65 && outcome.errors == "backoffice: message refused: it has no text part\n")
    }

    @Test func aPersonSetsTheLanguageOfTheirMailsAndOnlyACountyAdminSetsAnothers() async throws {
        _ = try TestDatabase.configuration()
        let seeded = try await cli.run(["seed", "demo"])
        #expect(seeded.status == 0, "\(seeded.errors)")
        let own = try await cli.run(["person", "set-language", "--as", "professional2.oulu-tk@pohde.example", "--language", "en"])
        #expect(own.status == 0 && own.errors == "the mails of professional2.oulu-tk@pohde.example are written in en\n", "\(own.errors)")
        let other = try await cli.run(["person", "set-language", "--as", "professional2.oulu-tk@pohde.example",
                                       "--email", "professional.oulu-tk@pohde.example", "--language", "en"])
        #expect(other.status == 77 && other.errors.split(separator: "\n").count == 1)
        let bad = try await cli.run(["person", "set-language", "--as", "professional2.oulu-tk@pohde.example", "--language", "sv"])
        #expect(bad.status == 1 && bad.errors.contains("language") && bad.errors.split(separator: "\n").count == 1, "\(bad.errors)")
        let county = try await cli.run(["person", "set-language", "--as", "tuula.tuotevastaava@pohde.example",
                                        "--email", "professional2.oulu-tk@pohde.example", "--language", "fi"])
        #expect(county.status == 0, "\(county.errors)")
    }
}
