import Foundation
import PostgresTestSupport
import Testing

@Suite("Saved views and merging from the command line, on the demo county")
struct DeskCommandLineTests {
    let cli = CommandLineTests()
    let agent = ["--as", "teemu.tukipalvelu@pohde.example"]

    private func rows(_ csv: String) -> [[String]] {
        csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func aViewIsSavedListedRenamedAndDeletedAndBadOnesAreOneLine() async throws {
        _ = try TestDatabase.configuration()
        #expect(try await cli.run(["seed", "demo"]).status == 0)
        let name = "Oulun kriittiset \(UUID().uuidString.prefix(6))"
        let saved = try await cli.run(["view", "save", "--name", name, "--org", "oulu-tk", "--priority", "critical", "--format", "csv"] + agent)
        #expect(saved.status == 0, "\(saved.errors)")
        let savedRows = rows(saved.output)
        #expect(savedRows.first == ["id", "name", "shared", "owner", "queue", "organisation", "status", "priority", "category", "service", "text"])
        let id = try #require(savedRows.last?.first)
        #expect(savedRows.last?[1] == name && savedRows.last?[5] == "OULU-TK" && savedRows.last?[7] == "critical")
        let listed = try await cli.run(["view", "list", "--format", "csv"] + agent)
        #expect(rows(listed.output).contains { $0.first == id })
        // only county admins share; someone else may not rename it
        let shared = try await cli.run(["view", "save", "--name", "Kaikille", "--shared"] + agent)
        #expect(shared.status == 77)
        #expect(shared.errors.contains("only county admins share views"))
        #expect(shared.errors.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1)
        // someone else's own view is not there for them at all
        let stolen = try await cli.run(["view", "rename", id, "--name", "Minun", "--as", "tuula.tuotevastaava@pohde.example"])
        #expect(stolen.status == 1 && stolen.output.isEmpty && stolen.errors.contains("not found"))
        let bad = try await cli.run(["view", "save", "--name", "Huono", "--status", "lost"] + agent)
        #expect(bad.status == 1 && bad.errors.contains("filters.status"))
        let renamed = try await cli.run(["view", "rename", id, "--name", "\(name) 2", "--format", "csv"] + agent)
        #expect(renamed.status == 0 && rows(renamed.output).last?[1] == "\(name) 2")
        #expect(try await cli.run(["view", "delete", id] + agent).status == 0)
        #expect(!rows(try await cli.run(["view", "list", "--format", "csv"] + agent).output).contains { $0.first == id })
    }

    @Test func aDuplicateIsMergedAndRefusalsAreOneLine() async throws {
        _ = try TestDatabase.configuration()
        #expect(try await cli.run(["seed", "demo"]).status == 0)
        var references: [String] = []
        for channel in ["phone", "email"] {
            let created = try await cli.run([
                "ticket", "create", "--org", "OULU-TK", "--subject", "Kirjautuminen ei onnistu", "--category", "login_and_access",
                "--channel", channel, "--resident-name", "Aino Asukas", "--resident-phone", "+358 40 123 4567", "--format", "json",
            ] + agent)
            #expect(created.status == 0, "\(created.errors)")
            references.append(try #require((try JSONSerialization.jsonObject(with: Data(created.output.utf8)) as? [[String: String]])?.first?["reference"]))
        }
        let (original, duplicate) = (references[0], references[1])
        let across = try await cli.run(["ticket", "merge", duplicate, "--into", "KUUSAMO-TA-1"] + agent)
        #expect(across.status == 1 && across.output.isEmpty)
        #expect(across.errors.contains("only into a ticket of OULU-TK"))
        #expect(across.errors.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1)
        let itself = try await cli.run(["ticket", "merge", duplicate, "--into", duplicate] + agent)
        #expect(itself.status == 1 && itself.errors.contains("into itself"))
        let merged = try await cli.run(["ticket", "merge", duplicate, "--into", original, "--format", "json"] + agent)
        #expect(merged.status == 0, "\(merged.errors)")
        let record = try #require((try JSONSerialization.jsonObject(with: Data(merged.output.utf8)) as? [[String: String]])?.first)
        #expect(record["status"] == "closed" && record["merged_into"] == original)
        #expect(merged.errors == "\(duplicate) merged into \(original)\n")
        let shown = try await cli.run(["ticket", "show", original, "--comments", "--history", "--format", "csv"] + agent)
        #expect(shown.status == 0 && shown.output.contains("merged_in"))
        let reopened = try await cli.run(["ticket", "status", duplicate, "--to", "open"] + agent)
        #expect(reopened.status == 1 && reopened.errors.contains("was merged into \(original)"))
    }
}
