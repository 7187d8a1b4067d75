import BackOffice
import Testing

/// The ticket status machine (SPEC.md, Tickets): `new → open | waiting | resolved`,
/// `open → waiting | resolved`, `waiting → open | resolved`, `resolved → open | closed`,
/// `closed` is final.
@Suite("Ticket status")
struct TicketStatusTests {
    /// Every (from, to) pair with the refusal expected, nil where the move is allowed.
    static let moves: [(TicketStatus, TicketStatus, String?)] = [
        (.new, .new, "a new ticket may move to open, waiting or resolved, not new"),
        (.new, .open, nil),
        (.new, .waiting, nil),
        (.new, .resolved, nil),
        (.new, .closed, "a new ticket may move to open, waiting or resolved, not closed"),
        (.open, .new, "an open ticket may move to waiting or resolved, not new"),
        (.open, .open, "an open ticket may move to waiting or resolved, not open"),
        (.open, .waiting, nil),
        (.open, .resolved, nil),
        (.open, .closed, "an open ticket may move to waiting or resolved, not closed"),
        (.waiting, .new, "a waiting ticket may move to open or resolved, not new"),
        (.waiting, .open, nil),
        (.waiting, .waiting, "a waiting ticket may move to open or resolved, not waiting"),
        (.waiting, .resolved, nil),
        (.waiting, .closed, "a waiting ticket may move to open or resolved, not closed"),
        (.resolved, .new, "a resolved ticket may move to open or closed, not new"),
        (.resolved, .open, nil),
        (.resolved, .waiting, "a resolved ticket may move to open or closed, not waiting"),
        (.resolved, .resolved, "a resolved ticket may move to open or closed, not resolved"),
        (.resolved, .closed, nil),
        (.closed, .new, "a closed ticket is final and cannot move to new"),
        (.closed, .open, "a closed ticket is final and cannot move to open"),
        (.closed, .waiting, "a closed ticket is final and cannot move to waiting"),
        (.closed, .resolved, "a closed ticket is final and cannot move to resolved"),
        (.closed, .closed, "a closed ticket is final and cannot move to closed"),
    ]

    @Test func theTableCoversEveryPairOnce() {
        let pairs = Self.moves.map { "\($0.0)→\($0.1)" }
        #expect(pairs.count == 25)
        #expect(Set(pairs).count == 25)
    }

    @Test(arguments: moves)
    func transition(from: TicketStatus, to: TicketStatus, refusal: String?) {
        if let refusal {
            #expect(throws: BackOfficeError.conflict(refusal)) { try from.requireTransition(to: to) }
        } else {
            #expect(throws: Never.self) { try from.requireTransition(to: to) }
        }
    }

    @Test func allowedNextFollowsTheSpecOrder() {
        #expect(TicketStatus.new.allowedNext == [.open, .waiting, .resolved])
        #expect(TicketStatus.open.allowedNext == [.waiting, .resolved])
        #expect(TicketStatus.waiting.allowedNext == [.open, .resolved])
        #expect(TicketStatus.resolved.allowedNext == [.open, .closed])
        #expect(TicketStatus.closed.allowedNext == [])
    }

    @Test func rawValuesAreTheStoredNames() {
        #expect(TicketStatus.allCases.map(\.rawValue) == ["new", "open", "waiting", "resolved", "closed"])
        #expect(TicketPriority.allCases.map(\.rawValue) == ["critical", "high", "normal", "low"])
    }

    @Test func priorityTargetsInBusinessMinutes() {
        #expect(TicketPriority.allCases.map(\.firstResponseTarget) == [60, 240, 480, 960])
        #expect(TicketPriority.allCases.map(\.resolutionTarget) == [480, 1440, 2400, 4800])
    }
}
