import BackOffice
import Testing

/// The desk's capped counts: exact up to the cap, "more than the cap" beyond it.
@Suite struct QueueCountTests {
    @Test func aCountIsExactUpToTheCapAndMoreThanTheCapBeyondIt() {
        #expect(QueueCount(counted: 0, cap: 999) == .exact(0))
        #expect(QueueCount(counted: 998, cap: 999) == .exact(998))
        #expect(QueueCount(counted: 999, cap: 999) == .exact(999))
        // the store stops at cap + 1: one more than the cap is all it tells
        #expect(QueueCount(counted: 1_000, cap: 999) == .moreThan(999))
        #expect(QueueCount(counted: 3, cap: 2) == .moreThan(2))
        #expect(QueueCount(counted: 2, cap: 2) == .exact(2))
    }
}
