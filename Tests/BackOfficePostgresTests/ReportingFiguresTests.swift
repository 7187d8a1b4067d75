import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

/// The figures of every view on `ReportingFixture`'s data set, worked out by hand (the
/// comments show the sums), read through `PostgresReportStore` as reporting logins.
@Suite("Reporting views: the figures")
struct ReportingFiguresTests {
    let app: ConnectionPool

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 2)
    }

    /// The values of `columns` in each row, as text (NULL as "-").
    func values(_ table: ReportTable, _ columns: [String]) -> [[String]] {
        table.records.map { record in columns.map { (record[$0] ?? nil) ?? "-" } }
    }

    @Test func ticketFactsHaveTheSLAFlagsAndHelsinkiMonths() async throws {
        let fixture = try await ReportingFixture.make(app: app)
        try await TestReportingLogin.with(organisations: [fixture.codeA]) { login in
            let facts = try await login.report(.ticketFacts)
            #expect(values(facts, ["reference", "created_month", "first_response_minutes", "resolution_minutes",
                                   "first_response_met", "resolution_met"]) == [
                ["\(fixture.codeA)-1", "2024-03-01", "30", "960", "t", "t"],
                ["\(fixture.codeA)-2", "2024-03-01", "480", "2400", "f", "f"],
                ["\(fixture.codeA)-3", "2024-03-01", "600", "1200", "t", "t"],
                // created 22:30 UTC on 31 March: 1 April in Helsinki; unanswered, not yet due
                ["\(fixture.codeA)-5", "2024-04-01", "-", "-", "-", "-"],
                // unanswered and unresolved past both due times
                ["\(fixture.codeA)-4", "2024-04-01", "-", "-", "f", "f"],
            ])
            #expect(Set(facts.column("region_code")) == [fixture.regionCode])
            #expect(Set(facts.column("reporter_kind")) == ["resident"])
            #expect(!facts.columns.contains("subject") && !facts.columns.contains("description"))

            let march = try await login.report(.ticketFacts, from: "2024-03", to: "2024-03")
            #expect(march.column("reference") == ["\(fixture.codeA)-1", "\(fixture.codeA)-2", "\(fixture.codeA)-3"])
        }
        await app.close()
    }

    @Test func ticketsMonthlyCountsOpenedRespondedAndResolvedInTheirMonths() async throws {
        let fixture = try await ReportingFixture.make(app: app)
        let columns = ["org_code", "month", "opened", "resolved", "first_responses", "first_response_met_pct",
                       "resolution_met_pct", "median_resolution_hours"]
        try await TestReportingLogin.with(organisations: [fixture.codeA]) { login in
            let monthly = try await login.report(.ticketsMonthly)
            #expect(values(monthly, columns) == [
                // March: opened 1, 2, 3; first responses 1 (met) and 2 (late): 50 %; resolved 1 (met, 960 min = 16 h)
                [fixture.codeA, "2024-03-01", "3", "1", "2", "50.0", "100.0", "16.0"],
                // April: opened 4, 5; first response 3 (met); resolved 2 (late, 40 h) and 3 (met, 20 h): median 30 h
                [fixture.codeA, "2024-04-01", "2", "2", "1", "100.0", "50.0", "30.0"],
            ])
            let fromApril = try await login.report(.ticketsMonthly, from: "2024-04")
            #expect(values(fromApril, columns).map(\.[1]) == ["2024-04-01"])
        }
        try await TestReportingLogin.with(county: true) { login in
            let table = try await login.report(.ticketsMonthly, region: fixture.regionCode)
            #expect(values(table, columns) == [
                [fixture.codeA, "2024-03-01", "3", "1", "2", "50.0", "100.0", "16.0"],
                // B: one ticket opened, nothing decided yet
                [fixture.codeB, "2024-03-01", "1", "0", "0", "-", "-", "-"],
                [fixture.codeA, "2024-04-01", "2", "2", "1", "100.0", "50.0", "30.0"],
            ])
            let onlyB = try await login.report(.ticketsMonthly, org: fixture.codeB)
            #expect(Set(onlyB.column("org_code")) == [fixture.codeB])
        }
        await app.close()
    }

    @Test func trainingProgressCountsTheCurrentTasks() async throws {
        let fixture = try await ReportingFixture.make(app: app)
        let columns = ["org_code", "course_code", "tasks", "assigned", "in_progress", "completed", "waived", "overdue",
                       "expiring_within_30_days", "expired", "completion_pct"]
        try await TestReportingLogin.with(county: true) { login in
            let table = try await login.report(.trainingProgress, region: fixture.regionCode)
            #expect(values(table, columns) == [
                // A: seven tasks, one of them a completion renewed by another, so six current ones;
                // valid completions 2 (expiring, valid) of 5 not waived = 40 %
                [fixture.codeA, fixture.courseCode, "6", "1", "1", "3", "1", "1", "1", "1", "40.0"],
                // B: one task, assigned, due in 2999
                [fixture.codeB, fixture.courseCode, "1", "1", "0", "0", "0", "0", "0", "0", "0.0"],
            ])
        }
        await app.close()
    }

    @Test func deploymentCoverageCountsTheOrganisationsInScope() async throws {
        let fixture = try await ReportingFixture.make(app: app)
        let columns = ["service_code", "organisations_live", "organisations_piloting", "organisations_total",
                       "population_covered", "population_total", "population_covered_pct"]
        func services(_ table: ReportTable) -> [[String]] {
            values(table, columns).filter { ["health_check", "own_plan", "wellbeing_check"].contains($0[0]) }
        }
        try await TestReportingLogin.with(organisations: [fixture.codeA]) { login in
            let ownCoverage = try await login.report(.deploymentCoverage, region: fixture.regionCode)
            #expect(services(ownCoverage) == [
                ["health_check", "1", "0", "1", "2000", "2000", "100.0"],
                ["own_plan", "0", "1", "1", "0", "2000", "0.0"],
                ["wellbeing_check", "0", "0", "1", "0", "2000", "0.0"],
            ])
        }
        try await TestReportingLogin.with(county: true) { login in
            let countyCoverage = try await login.report(.deploymentCoverage, region: fixture.regionCode)
            #expect(services(countyCoverage) == [
                // A live (2 000 residents); B paused, which is not live: 2 000 of 5 000
                ["health_check", "1", "0", "2", "2000", "5000", "40.0"],
                // B live (3 000), A piloting
                ["own_plan", "1", "1", "2", "3000", "5000", "60.0"],
                ["wellbeing_check", "0", "0", "2", "0", "5000", "0.0"],
            ])
        }
        await app.close()
    }

    @Test func usageIsCountedPerThousandResidents() async throws {
        let fixture = try await ReportingFixture.make(app: app)
        let columns = ["org_code", "service_code", "month", "started", "completed", "forwarded",
                       "started_per_1000", "completed_per_1000", "forwarded_per_1000"]
        let regional = ["region_code", "month", "started", "completed", "forwarded", "population_served",
                        "started_per_1000", "completed_per_1000", "forwarded_per_1000"]
        try await TestReportingLogin.with(organisations: [fixture.codeA]) { login in
            // A serves 2 000: 100 started = 50 per 1 000
            let usage = try await login.report(.usageMonthly)
            #expect(values(usage, columns) == [
                [fixture.codeA, "health_check", "2024-03-01", "100", "80", "10", "50.00", "40.00", "5.00"],
                [fixture.codeA, "own_plan", "2024-03-01", "50", "40", "5", "25.00", "20.00", "2.50"],
                [fixture.codeA, "health_check", "2024-04-01", "30", "20", "3", "15.00", "10.00", "1.50"],
            ])
            let perRegion = try await login.report(.usageRegionMonthly)
            #expect(values(perRegion, regional) == [
                [fixture.regionCode, "2024-03-01", "150", "120", "15", "2000", "75.00", "60.00", "7.50"],
                [fixture.regionCode, "2024-04-01", "30", "20", "3", "2000", "15.00", "10.00", "1.50"],
            ])
        }
        try await TestReportingLogin.with(county: true) { login in
            // the region: A and B serve 5 000; March 100 + 50 + 300 started = 450 = 90 per 1 000
            let countyPerRegion = try await login.report(.usageRegionMonthly, region: fixture.regionCode)
            #expect(values(countyPerRegion, regional) == [
                [fixture.regionCode, "2024-03-01", "450", "320", "75", "5000", "90.00", "64.00", "15.00"],
                [fixture.regionCode, "2024-04-01", "30", "20", "3", "5000", "6.00", "4.00", "0.60"],
            ])
            let april = try await login.report(.usageMonthly, region: fixture.regionCode, from: "2024-04", to: "2024-04")
            #expect(values(april, columns) == [
                [fixture.codeA, "health_check", "2024-04-01", "30", "20", "3", "15.00", "10.00", "1.50"],
            ])
        }
        await app.close()
    }
}
