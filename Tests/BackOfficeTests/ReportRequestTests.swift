import BackOffice
import Testing

@Suite("Report requests and reporting login names")
struct ReportRequestTests {
    @Test func aValidRequestKeepsItsFilters() throws {
        let request = try ReportRequest.validated(name: "usage_monthly", organisation: "oulu-tk", region: "oulu", from: "2024-03", to: "2024-12")
        #expect(request.name == .usageMonthly)
        #expect(request.organisationCode == "OULU-TK")
        #expect(request.regionCode == "oulu")
        #expect(request.from?.description == "2024-03")
        #expect(request.to?.firstDayOfNext == LocalDate(year: 2025, month: 1, day: 1))
    }

    @Test func everyBadFieldIsNamedAtOnce() {
        #expect(throws: BackOfficeError.invalid([
            FieldError(field: "report", reason: "unknown report \"tickets; DROP TABLE tickets\"; the reports are: \(ReportName.allCases.map(\.rawValue).joined(separator: ", "))"),
            FieldError(field: "org", reason: "must be 2 to 32 letters A-Z and digits in groups joined by hyphens, e.g. OULU-TK"),
            FieldError(field: "from", reason: "must be a month YYYY-MM"),
            FieldError(field: "to", reason: "must be a month YYYY-MM"),
        ])) {
            try ReportRequest.validated(name: "tickets; DROP TABLE tickets", organisation: "Ö", from: "2024-13", to: "24-01")
        }
    }

    @Test func aFilterTheReportCannotApplyIsRefused() {
        #expect(throws: BackOfficeError.invalid("org", "the report deployment_coverage has no organisation to filter by")) {
            try ReportRequest.validated(name: "deployment_coverage", organisation: "OULU-TK")
        }
        #expect(throws: BackOfficeError.invalid("from", "the report training_progress has no months to filter by")) {
            try ReportRequest.validated(name: "training_progress", from: "2024-01")
        }
        #expect(throws: BackOfficeError.invalid("to", "must not be before from (2024-05)")) {
            try ReportRequest.validated(name: "usage_monthly", from: "2024-05", to: "2024-04")
        }
    }

    @Test(arguments: ["2024-1", "2024-001", "1899-12", "2024/01", "２０２４-01", "2024-00", ""])
    func notAMonth(_ text: String) {
        #expect(ReportMonth(text) == nil)
    }

    @Test(arguments: ["raportti_oulu", "it_hallinto2", "abc"])
    func aLoginNameThatPasses(_ name: String) throws {
        #expect(try ReportingLoginService.validatedName(name).get() == name)
    }

    @Test(arguments: ["ab", "Raportti", "1raportti", "raportti-oulu", "raportti oulu", "r\"; DROP ROLE x; --",
                      "pg_monitor", "backoffice_app", "rääpörtti", String(repeating: "a", count: 64)])
    func aLoginNameThatDoesNot(_ name: String) {
        #expect(throws: FieldError.self) { try ReportingLoginService.validatedName(name).get() }
    }
}
