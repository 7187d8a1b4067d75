import BackOffice
import Testing

@Suite("The demo county's training plan")
struct DemoTrainingTests {
    @Test func theDemoPlanHasEveryOutcomeForTheDemoPeople() {
        var kinds: Set<String> = []
        for organisation in DemoData.organisations.indices {
            for slot in 0..<4 {
                for course in DemoTraining.courses.indices {
                    switch DemoTraining.outcome(organisation: organisation, slot: slot, course: course) {
                    case .completed(let days, _) where days > 730: kinds.insert("expired")
                    case .completed(let days, _) where days > 700: kinds.insert("expiring")
                    case .completed: kinds.insert("completed")
                    case .inProgress: kinds.insert("in_progress")
                    case .assigned(let days) where days > 60: kinds.insert("overdue")
                    case .assigned: kinds.insert("assigned")
                    case .waived: kinds.insert("waived")
                    }
                }
            }
        }
        #expect(kinds == ["expired", "expiring", "completed", "in_progress", "overdue", "assigned", "waived"])
        #expect(DemoTraining.courses.contains { $0.code == "tietosuoja_asiakastietolaki" && $0.validityMonths == 24 })
    }
}
