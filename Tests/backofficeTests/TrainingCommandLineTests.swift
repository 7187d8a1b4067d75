import Foundation
import PostgresTestSupport
import Testing

@Suite("Training from the command line, on the demo county")
struct TrainingCommandLineTests {
    let cli = CommandLineTests()

    @Test func aCourseIsAssignedCompletedByItsHolderAndCounted() async throws {
        _ = try TestDatabase.configuration()
        let seeded = try await cli.run(["seed", "demo"])
        #expect(seeded.status == 0, "\(seeded.errors)")
        let county = ["--as", "tuula.tuotevastaava@pohde.example"]
        let admin = ["--as", "org-admin.kuusamo-ta@pohde.example"]
        let professional = ["--as", "professional.kuusamo-ta@pohde.example"]
        let code = "cli_\(UUID().uuidString.prefix(8).lowercased())"

        let courses = try await cli.run(["training", "course", "list", "--format", "csv"] + admin)
        #expect(courses.status == 0, "\(courses.errors)")
        #expect(courses.output.contains("tietosuoja_asiakastietolaki,Tietosuoja ja asiakastietolaki,org_admin omaolo_contact professional,30,24,true"))
        let created = try await cli.run(["training", "course", "create", "--code", code, "--title", "Komentorivikurssi",
                                         "--validity-months", "12"] + county)
        #expect(created.status == 0, "\(created.errors)")

        let badDay = try await cli.run(["training", "assign", "--org", "KUUSAMO-TA", "--course", code,
                                        "--person", "professional.kuusamo-ta@pohde.example", "--due", "1.6.2030"] + admin)
        #expect(badDay.status == 1 && badDay.errors == "backoffice: due: must be a date YYYY-MM-DD\n")
        let refused = try await cli.run(["training", "assign", "--org", "KUUSAMO-TA", "--course", code,
                                         "--person", "professional2.kuusamo-ta@pohde.example"] + professional)
        #expect(refused.status == 77, "\(refused.errors)")
        let assigned = try await cli.run(["training", "assign", "--org", "KUUSAMO-TA", "--course", code,
                                          "--person", "professional.kuusamo-ta@pohde.example", "--due", "2030-06-01", "--format", "json"] + admin)
        #expect(assigned.status == 0, "\(assigned.errors)")
        let task = try #require(try JSONSerialization.jsonObject(with: Data(assigned.output.utf8)) as? [[String: String]]).first
        let id = try #require(task?["id"])
        #expect(task?["due_date"] == "2030-06-01" && task?["status"] == "assigned")

        let mine = try await cli.run(["training", "mine", "--course", code, "--format", "csv"] + professional)
        #expect(mine.output.split(separator: "\n").count == 2 && mine.output.contains(id))
        let (completedOn, expiresOn) = Self.days(ago: 20, thenMonths: 12)
        let done = try await cli.run(["training", "complete", id, "--org", "KUUSAMO-TA", "--evidence-kind", "webinar",
                                      "--evidence-ref", "Webinaari", "--on", completedOn, "--format", "csv"] + professional)
        #expect(done.status == 0, "\(done.errors)")
        #expect(done.output.contains(",\(completedOn),webinar,Webinaari,\(expiresOn),"))
        let progress = try await cli.run(["training", "progress", "--org", "KUUSAMO-TA", "--format", "csv"] + admin)
        #expect(progress.output.contains("KUUSAMO-TA,\(code),professional,0,0,"))
        let first = try await cli.run(["training", "renew", "--org", "KUUSAMO-TA", "--within-days", "400", "--format", "csv"] + admin)
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains(",\(code),assigned,\(expiresOn),"))
        let second = try await cli.run(["training", "renew", "--org", "KUUSAMO-TA", "--within-days", "400"] + admin)
        #expect(second.errors == "backoffice: 0 renewal tasks opened\n")
        _ = try await cli.run(["training", "course", "update", code, "--no-active"] + county)
    }

    /// The day `days` days ago in Finland, and the day `months` months after it, as `YYYY-MM-DD`.
    static func days(ago days: Int, thenMonths months: Int) -> (String, String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Helsinki")!
        let start = calendar.date(byAdding: .day, value: -days, to: Date())!
        let end = calendar.date(byAdding: .month, value: months, to: start)!
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return (formatter.string(from: start), formatter.string(from: end))
    }
}
