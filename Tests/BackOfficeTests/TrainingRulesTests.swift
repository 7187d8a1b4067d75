import BackOffice
import Foundation
import Testing

@Suite("Training rules: expiry months and the status machine")
struct TrainingRulesTests {
    @Test(arguments: [
        ("2024-01-31", 1, "2024-02-29"), ("2023-01-31", 1, "2023-02-28"), ("2025-03-15", 24, "2027-03-15"),
        ("2025-11-30", 3, "2026-02-28"), ("2024-02-29", 12, "2025-02-28"), ("2025-05-10", -5, "2024-12-10"),
    ])
    func addingMonthsKeepsTheDayOrTakesTheLastOfAShorterMonth(start: String, months: Int, expected: String) throws {
        #expect(try #require(LocalDate(start)).adding(months: months) == LocalDate(expected))
    }

    @Test func aTaskMovesFromAssignedOrStartedToDoneAndNoFurther() throws {
        #expect(TrainingStatus.assigned.allowedNext == [.inProgress, .completed, .waived])
        #expect(TrainingStatus.inProgress.allowedNext == [.completed, .waived])
        #expect(throws: BackOfficeError.conflict("an in_progress task may move to completed or waived, not in_progress")) {
            try TrainingStatus.inProgress.requireTransition(to: .inProgress)
        }
        #expect(throws: BackOfficeError.conflict("a waived task is final and cannot move to completed")) {
            try TrainingStatus.waived.requireTransition(to: .completed)
        }
        #expect(TrainingStatus.allCases.filter(\.isOpen) == [.assigned, .inProgress])
    }

    @Test func aCourseExpiresItsValidityAfterTheCompletionOrNever() {
        let course = Course(id: .init(), code: "tietosuoja", title: "Tietosuoja", description: "", mandatoryFor: [.professional],
                            daysToComplete: 30, validityMonths: 24, active: true)
        #expect(course.expiry(ofCompletionOn: LocalDate(year: 2025, month: 6, day: 1)) == LocalDate(year: 2027, month: 6, day: 1))
        var forever = course
        forever.validityMonths = nil
        #expect(forever.expiry(ofCompletionOn: LocalDate(year: 2025, month: 6, day: 1)) == nil)
    }
}
