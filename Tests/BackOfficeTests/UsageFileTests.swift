import BackOffice
import Foundation
import Testing

/// Reading and checking usage files, without a database.
@Suite("Usage files")
struct UsageFileTests {
    static let catalogue = UsageCatalogue(
        organisationCodes: ["OULU-TK", "KUUSAMO-TA"], serviceCodes: ["symptom_back_pain", "health_check"])
    static let header = "organisation,service,month,started,completed,forwarded\n"

    func parse(_ text: String) throws(BackOfficeError) -> UsageFile {
        try UsageFile.parse(Array(text.utf8), catalogue: Self.catalogue)
    }

    func problems(_ bytes: [UInt8]) -> [FieldError] {
        do {
            _ = try UsageFile.parse(bytes, catalogue: Self.catalogue)
            return []
        } catch {
            guard case .invalid(let errors) = error else { return [FieldError(field: "?", reason: "\(error)")] }
            return errors
        }
    }

    func problems(_ text: String) -> [FieldError] { problems(Array(text.utf8)) }

    @Test func aGoodFileReadsWithAByteOrderMarkCRLFQuotesSpacesAndBlankLines() throws {
        let file = try UsageFile.parse(
            [0xEF, 0xBB, 0xBF] + Array("""
                organisation,service,month,started,completed,forwarded\r
                OULU-TK,symptom_back_pain,2025-01,120,97,31\r
                \r
                "KUUSAMO-TA", health_check ,2024-12,0,0,0\r

                """.utf8),
            catalogue: Self.catalogue)
        #expect(file.rows.count == 2)
        #expect(file.rows.map { file.organisationCodes[$0.organisation] } == ["OULU-TK", "KUUSAMO-TA"])
        #expect(file.rows.map { file.serviceCodes[$0.service] } == ["symptom_back_pain", "health_check"])
        #expect(file.rows.map { [$0.started, $0.completed, $0.forwarded] } == [[120, 97, 31], [0, 0, 0]])
        #expect(file.months.map(\.description) == ["2024-12", "2025-01"])
    }

    @Test func everyBadLineIsNamedWithItsColumnAndReason() {
        let found = problems(Self.header + """
            OULU-TK,symptom_back_pain,2025-01,1,1,1
            OULU-XX,symptom_back_pain,2025-01,1,1,1
            OULU-TK,symptom_hiccups,2025-1,1,1,1
            OULU-TK,health_check,2025-01,-4,1.5,x
            OULU-TK,health_check,2025-01,1,1
            OULU-TK,symptom_back_pain,2025-01,2,2,2
            OULU-TK,health_check,2025-13,,1,99999999999
            """)
        #expect(found == [
            FieldError(field: "line 3, organisation", reason: "no organisation has the code OULU-XX"),
            FieldError(field: "line 4, service", reason: "no Omaolo service has the code symptom_hiccups"),
            FieldError(field: "line 4, month", reason: "must be a month YYYY-MM, not \"2025-1\""),
            FieldError(field: "line 5, started", reason: "must not be negative"),
            FieldError(field: "line 5, completed", reason: "must be a whole number, not \"1.5\""),
            FieldError(field: "line 5, forwarded", reason: "must be a whole number, not \"x\""),
            FieldError(field: "line 6, columns", reason: "has 5 columns, not 6"),
            FieldError(field: "line 7, month", reason: "OULU-TK symptom_back_pain 2025-01 is already on line 2"),
            FieldError(field: "line 8, month", reason: "must be a month YYYY-MM, not \"2025-13\""),
            FieldError(field: "line 8, started", reason: "is required"),
            FieldError(field: "line 8, forwarded", reason: "must be at most 2147483647"),
        ])
    }

    @Test func invalidUTF8IsNamedByLineAndColumn() {
        let bytes = Array((Self.header + "OULU-TK,symptom_back_pain,2025-01,1,1,1\nOULU-TK,").utf8)
            + [0x68, 0xFF, 0xFE] + Array(",2025-01,1,1,1\nOULU-TK,health_check,2025-02,1,1,1\n".utf8)
        #expect(problems(bytes) == [FieldError(field: "line 3, service", reason: "is not valid UTF-8")])
    }

    @Test func theHeaderIsRequiredExactly() {
        let rule = "the header must be exactly organisation,service,month,started,completed,forwarded"
        #expect(problems("OULU-TK,symptom_back_pain,2025-01,1,1,1\n") == [FieldError(field: "line 1", reason: rule)])
        #expect(problems("organisation,service,month,completed,started,forwarded\n") == [FieldError(field: "line 1", reason: rule)])
        #expect(problems("") == [FieldError(
            field: "line 1", reason: "the header row is missing: organisation,service,month,started,completed,forwarded")])
        #expect(problems(Self.header) == [FieldError(field: "file", reason: "has no rows after the header")])
    }

    @Test func monthsParseStrictly() {
        #expect(UsageMonth("2025-01")?.description == "2025-01")
        #expect(UsageMonth("2025-01")?.firstDay.description == "2025-01-01")
        #expect(UsageMonth("2025-00") == nil)
        #expect(UsageMonth("2025/01") == nil)
        #expect(UsageMonth("25-01") == nil)
        #expect(UsageMonth("2025-01-01") == nil)
    }
}
