import BackOffice
import Foundation
import Testing

/// Who sees which report in which organisations (the "reports" row of SPEC's matrix), the
/// narrowing to one organisation, and the months of a report page.
@Suite struct ReportAccessTests {
    static let organisations = [
        Organisation(id: Fixture.organisationA, code: "ORG-A", name: "A", regionCode: "oulu", kind: .healthCentre, populationServed: 100, active: true),
        Organisation(id: Fixture.organisationB, code: "ORG-B", name: "B", regionCode: "oulu", kind: .healthCentre, populationServed: 200, active: true),
    ]

    func scope(_ principal: Principal, _ report: ReportName) -> ReportingScope? {
        ReportAccess.scope(of: principal, for: report, among: Self.organisations)
    }

    @Test(arguments: ReportName.allCases)
    func countyAdminsAndReportersSeeEveryReportOfTheCounty(_ report: ReportName) {
        #expect(scope(Fixture.principal(county: [.countyAdmin]), report) == .county)
        #expect(scope(Fixture.principal(county: [.reporter]), report) == .county)
    }

    @Test(arguments: ReportName.allCases)
    func theSupportDeskSeesTheTicketReportsOnly(_ report: ReportName) {
        let agent = Fixture.principal(county: [.supportAgent])
        #expect(scope(agent, report) == (report.isAboutTickets ? .county : nil))
        #expect(ReportAccess.mayView(agent, report) == report.isAboutTickets)
        // An agent who is also an organisation's admin sees the other reports there.
        let both = Fixture.principal(county: [.supportAgent], organisation: [Fixture.organisationB: [.orgAdmin]])
        #expect(scope(both, report) == (report.isAboutTickets ? .county : .organisations(["ORG-B"])))
    }

    @Test(arguments: ReportName.allCases)
    func orgAdminsAndContactsSeeTheirOwnOrganisationsOnly(_ report: ReportName) {
        #expect(scope(Fixture.principal(organisation: [Fixture.organisationA: [.orgAdmin]]), report) == .organisations(["ORG-A"]))
        #expect(scope(Fixture.principal(organisation: [Fixture.organisationB: [.omaoloContact]]), report) == .organisations(["ORG-B"]))
        let two = Fixture.principal(organisation: [Fixture.organisationB: [.orgAdmin], Fixture.organisationA: [.omaoloContact]])
        #expect(scope(two, report) == .organisations(["ORG-A", "ORG-B"]))
        // A professional of B who is admin of A sees A only.
        let mixed = Fixture.principal(organisation: [Fixture.organisationA: [.orgAdmin], Fixture.organisationB: [.professional]])
        #expect(scope(mixed, report) == .organisations(["ORG-A"]))
    }

    @Test func professionalsAndPeopleWithoutRolesSeeNoReport() {
        for principal in [Fixture.principal(organisation: [Fixture.organisationA: [.professional]]), Fixture.principal()] {
            for report in ReportName.allCases {
                #expect(scope(principal, report) == nil)
                #expect(!ReportAccess.mayView(principal, report))
            }
        }
    }

    @Test func anotherOrganisationAnswersAsNotFound() throws {
        #expect(try ReportAccess.narrowed(.organisations(["ORG-A", "ORG-B"]), to: "ORG-B", exists: false) == .organisations(["ORG-B"]))
        #expect(try ReportAccess.narrowed(.county, to: "ORG-B", exists: true) == .organisations(["ORG-B"]))
        #expect(throws: BackOfficeError.notFound("organisation ORG-B")) {
            try ReportAccess.narrowed(.organisations(["ORG-A"]), to: "ORG-B", exists: true)
        }
        #expect(throws: BackOfficeError.notFound("organisation NO-SUCH")) {
            try ReportAccess.narrowed(.county, to: "NO-SUCH", exists: false)
        }
    }

    @Test func aPageAsksForTheLastMonthsUpToThisOne() throws {
        let march = try #require(ReportMonth("2026-03"))
        let twelve = try ReportService.period(lastMonths: "12", endingIn: march).get()
        #expect(twelve.from.description == "2025-04" && twelve.to.description == "2026-03")
        let one = try ReportService.period(lastMonths: " 1 ", endingIn: march).get()
        #expect(one.from == march && one.to == march)
        #expect(try ReportService.period(lastMonths: "60", endingIn: march).get().from.description == "2021-04")
        for bad in ["0", "61", "-3", "abc", "", "1.5"] {
            #expect(throws: FieldError.self, "\(bad)") { try ReportService.period(lastMonths: bad, endingIn: march).get() }
        }
        #expect(march.adding(months: -15).description == "2024-12")
        #expect(march.adding(months: 10).description == "2027-01")
    }
}
