import BackOffice
import Foundation
import Testing

/// The deployment status machine of SPEC.md: `planned → piloting → live ⇄ paused`, any → `retired`.
@Suite("Deployment status transitions")
struct DeploymentStatusTests {
    static let allowed: Set<[DeploymentStatus]> = [
        [.planned, .piloting], [.piloting, .live], [.live, .paused], [.paused, .live],
        [.planned, .retired], [.piloting, .retired], [.live, .retired], [.paused, .retired],
    ]

    @Test(arguments: DeploymentStatus.allCases, DeploymentStatus.allCases)
    func aMoveIsAllowedExactlyWhenTheSpecSaysSo(from: DeploymentStatus, to: DeploymentStatus) {
        let expected = Self.allowed.contains([from, to])
        #expect(from.next.contains(to) == expected)
        if expected {
            #expect(throws: Never.self) { try from.check(moveTo: to) }
        } else {
            #expect(throws: BackOfficeError.self) { try from.check(moveTo: to) }
        }
    }

    @Test func aRefusalIsAConflictNamingTheAllowedMoves() {
        #expect(throws: BackOfficeError.conflict("a deployment cannot move from planned to live; allowed: piloting, retired")) {
            try DeploymentStatus.planned.check(moveTo: .live)
        }
        #expect(throws: BackOfficeError.conflict("a deployment cannot move from retired to live; allowed: none: retired is final")) {
            try DeploymentStatus.retired.check(moveTo: .live)
        }
    }

    @Test func daysParseOnlyRealCalendarDays() {
        #expect(LocalDate("2024-02-29")?.description == "2024-02-29")
        #expect(LocalDate("2023-02-29") == nil)
        #expect(LocalDate("2024-13-01") == nil)
        #expect(LocalDate("2024-1-01") == nil)
        #expect(LocalDate("24-01-01") == nil)
        // 2024-06-30 21:30 UTC is already 1 July in Helsinki.
        #expect(LocalDate(inFinland: Date(timeIntervalSince1970: 1_719_783_000)).description == "2024-07-01")
    }
}
