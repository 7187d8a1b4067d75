import Foundation
import PostgresTestSupport
import Testing

@Suite("Canned replies and bulk actions from the command line, on the demo county")
struct DeskToolsCommandLineTests {
    let cli = CommandLineTests()

    @Test func aCannedReplyIsAddedListedEditedAndRemoved() async throws {
        _ = try TestDatabase.configuration()
        #expect(try await cli.run(["seed", "demo"]).status == 0)
        let agent = ["--as", "teemu.tukipalvelu@pohde.example"]
        let orgAdmin = ["--as", "org-admin.kuusamo-ta@pohde.example"]
        let title = "Komentorivi \(UUID().uuidString.prefix(8))"

        let unknown = try await cli.run(["canned-reply", "add", "--title", title, "--body-fi", "Hei {{asiakas}}"] + agent)
        #expect(unknown.status == 1)
        #expect(unknown.errors.hasPrefix("backoffice: body_fi: unknown placeholder {{asiakas}}; use one of {{viite}}"))
        let identity = try await cli.run(["canned-reply", "add", "--title", title, "--body-fi", "Hetu 131052-308T"] + agent)
        #expect(identity.status == 1 && identity.errors.contains("henkilötunnus"))
        let county = try await cli.run(["canned-reply", "add", "--title", "Yhteinen", "--body-fi", "Hei"] + orgAdmin)
        #expect(county.status == 77, "\(county.errors)")

        let added = try await cli.run(["canned-reply", "add", "--org", "KUUSAMO-TA", "--title", title, "--body-fi", "Hei {{viite}}",
                                       "--format", "json"] + orgAdmin)
        #expect(added.status == 0, "\(added.errors)")
        let reply = try #require(try JSONSerialization.jsonObject(with: Data(added.output.utf8)) as? [[String: String]]).first
        let id = try #require(reply?["id"])
        #expect(reply?["set"] == "KUUSAMO-TA" && reply?["uses"] == "0")

        let listed = try await cli.run(["canned-reply", "list", "--org", "KUUSAMO-TA", "--format", "csv"] + agent)
        #expect(listed.status == 0 && listed.output.contains("\(id),KUUSAMO-TA,\(title),0,"))
        let countySet = try await cli.run(["canned-reply", "list", "--format", "csv"] + agent)
        #expect(countySet.output.contains(",county,Vastaanottokuittaus,"))
        let edited = try await cli.run(["canned-reply", "edit", id, "--title", title + " B", "--body-fi", "Hei {{aihe}}", "--format", "csv"] + orgAdmin)
        #expect(edited.status == 0 && edited.output.contains(",\(title) B,0,,Hei {{aihe}},"), "\(edited.errors)")
        let removed = try await cli.run(["canned-reply", "remove", id] + orgAdmin)
        #expect(removed.status == 0 && removed.errors == "removed canned reply \(id)\n")
        let gone = try await cli.run(["canned-reply", "remove", id] + orgAdmin)
        #expect(gone.status == 1 && gone.errors == "backoffice: canned reply \(id) not found\n")
    }

    @Test func aBulkActionChangesEachTicketOnItsOwnAndListsTheRefused() async throws {
        _ = try TestDatabase.configuration()
        #expect(try await cli.run(["seed", "demo"]).status == 0)
        let agent = ["--as", "teemu.tukipalvelu@pohde.example"]
        var references: [String] = []
        for _ in 0..<2 {
            let created = try await cli.run(["ticket", "create", "--org", "SIIKAJOKI-TA", "--subject", "Tulostus ei toimi", "--category", "technical_fault",
                                             "--channel", "phone", "--reporter", "professional.siikajoki-ta@pohde.example", "--format", "json"] + agent)
            #expect(created.status == 0, "\(created.errors)")
            let ticket = try JSONSerialization.jsonObject(with: Data(created.output.utf8)) as? [[String: String]]
            references.append(try #require(ticket?.first?["reference"]))
        }
        let bulk = try await cli.run(["ticket", "bulk", "--action", "status", "--value", "waiting", "--reason", "Odotetaan toimittajaa",
                                      "--format", "csv", references[0] + "@1", references[1] + "@5", "SIIKAJOKI-TA-0"] + agent)
        #expect(bulk.status == 1)
        #expect(bulk.errors == "backoffice: 2 of 3 tickets refused\n")
        let lines = bulk.output.split(separator: "\n").map(String.init)
        #expect(lines == [
            "reference,outcome,version,reason",
            "\(references[0]),changed,2,",
            "\(references[1]),refused,,\(references[1]): it was changed after you ticked it; reload the queue and try again",
            "SIIKAJOKI-TA-0,refused,,\"SIIKAJOKI-TA-0: no such ticket, or not one you may see\"",
        ])
        let shown = try await cli.run(["ticket", "show", references[0], "--history", "--format", "csv"] + agent)
        #expect(shown.output.contains("Odotetaan toimittajaa"))
        let malformed = try await cli.run(["ticket", "bulk", "--action", "status", "--value", "open", "--reason", "x", references[0] + "@x"] + agent)
        #expect(malformed.status == 1 && malformed.errors == "backoffice: tickets: \(references[0])@x: the version after @ is a positive number\n")
    }
}
