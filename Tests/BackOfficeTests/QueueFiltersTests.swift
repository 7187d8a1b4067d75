import BackOffice
import Testing

/// A saved view's filters: checked one by one, empty ones dropped, and the queue they make.
@Suite("Queue filters")
struct QueueFiltersTests {
    @Test func validFiltersAreKeptTrimmedWithCodesInCapitals() throws {
        var errors = FieldErrors()
        let filters = QueueFilters(queue: "mine", organisation: " oulu-tk ", status: "", priority: "high", text: " kirjautuminen ")
            .validated(noting: &errors)
        #expect(errors.errors.isEmpty)
        #expect(filters == QueueFilters(queue: "mine", organisation: "OULU-TK", priority: "high", text: "kirjautuminen"))
    }

    @Test func everyBadFilterIsNamed() {
        var errors = FieldErrors()
        _ = QueueFilters(queue: "someday", status: "lost", priority: "urgent", category: "misc").validated(noting: &errors)
        #expect(errors.errors.map(\.field) == ["filters.queue", "filters.status", "filters.priority", "filters.category"])
    }

    @Test func aNamedQueueNarrowedByAStatusAsksForThatStatus() {
        let query = QueueFilters(queue: "mine", status: "waiting", category: "other").query
        #expect(query.assignee == "me")
        #expect(query.statuses == ["waiting"])
        #expect(query.categories == ["other"])
        #expect(QueueFilters().query.statuses == NamedQueue.unresolved)
    }
}
