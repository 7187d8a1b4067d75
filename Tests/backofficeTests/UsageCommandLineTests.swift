import Foundation
import PostgresTestSupport
import Testing

@Suite("Usage import from the command line, on the demo county")
struct UsageCommandLineTests {
    let cli = CommandLineTests()
    static let countyAdmin = "tuula.tuotevastaava@pohde.example"

    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kaytto-\(UUID().uuidString.prefix(8)).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aBadFileIsExit1ListingEveryBadLineAndAGoodFileLoads() async throws {
        _ = try TestDatabase.configuration()
        #expect(try await cli.run(["seed", "demo"]).status == 0)
        let header = "organisation,service,month,started,completed,forwarded\n"
        let bad = try write(header + """
            OULU-TK,symptom_back_pain,2001-01,10,9,1
            OULU-TK,health_check,2001-1,4,4,0
            OULU-TK,own_plan,2001-01,-1,0,0

            """)
        let good = try write(header + "OULU-TK,symptom_back_pain,2001-01,10,9,1\nOULU-TK,health_check,2001-01,4,4,0\n")
        defer { for path in [bad, good] { try? FileManager.default.removeItem(atPath: path) } }

        let refused = try await cli.run(["usage", "import", bad, "--as", Self.countyAdmin])
        #expect(refused.status == 1)
        #expect(refused.output.isEmpty)
        #expect(refused.errors == """
            backoffice: checking 4 lines
            backoffice: \(bad) was not imported; nothing changed. 2 problem(s):
              line 3, month: must be a month YYYY-MM, not "2001-1"
              line 4, started: must not be negative

            """)

        let loaded = try await cli.run(["usage", "import", good, "--as", Self.countyAdmin, "--format", "csv"])
        #expect(loaded.status == 0, "\(loaded.errors)")
        #expect(loaded.errors.contains("backoffice: loading 2 rows\n"))
        let fields = loaded.output.split(separator: "\n").last?.split(separator: ",").map(String.init) ?? []
        #expect(fields.count == 7 && fields[2] == Self.countyAdmin && fields[3] == URL(fileURLWithPath: good).lastPathComponent)
        #expect(fields.count == 7 && fields[4] == "2" && fields[5] == "2001-01")

        let listed = try await cli.run(["usage", "list", "--as", Self.countyAdmin, "--format", "csv"])
        #expect(listed.output.contains(URL(fileURLWithPath: good).lastPathComponent))
        let professional = try await cli.run(["usage", "import", good, "--as", "professional.oulu-tk@pohde.example"])
        #expect(professional.status == 77)
        #expect(professional.errors.contains("may not keep catalogues"))
    }
}
