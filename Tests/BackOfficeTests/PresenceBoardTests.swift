import BackOffice
import Foundation
import Testing

/// Who else is on a ticket: kept in memory with expiry, never showing oneself.
@Suite("Presence on a ticket")
struct PresenceBoardTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let ticket = UUID()
    let teemu = UUID()
    let tuula = UUID()

    @Test func othersAreListedButNeverOneself() async {
        let board = PresenceBoard(openFor: 20, writingFor: 8)
        #expect(await board.report(on: ticket, by: teemu, name: "Teemu", writing: false, at: start).isEmpty)
        let seen = await board.report(on: ticket, by: tuula, name: "Tuula", writing: false, at: start.addingTimeInterval(1))
        #expect(seen.map(\.name) == ["Teemu"])
        #expect(seen.first?.writing == false)
        // another ticket is another room
        #expect(await board.report(on: UUID(), by: tuula, name: "Tuula", writing: false, at: start).isEmpty)
    }

    @Test func writingShowsUntilTheTypingStopsForAWhile() async {
        let board = PresenceBoard(openFor: 20, writingFor: 8)
        _ = await board.report(on: ticket, by: teemu, name: "Teemu", writing: true, at: start)
        #expect(await board.report(on: ticket, by: tuula, name: "Tuula", writing: false, at: start.addingTimeInterval(5)).first?.writing == true)
        // Teemu's page keeps reporting, no longer typing
        _ = await board.report(on: ticket, by: teemu, name: "Teemu", writing: false, at: start.addingTimeInterval(6))
        let later = await board.report(on: ticket, by: tuula, name: "Tuula", writing: false, at: start.addingTimeInterval(9))
        #expect(later.map(\.name) == ["Teemu"])
        #expect(later.first?.writing == false)
    }

    @Test func aPageThatStopsReportingIsGoneAfterItsTime() async {
        let board = PresenceBoard(openFor: 20, writingFor: 8)
        _ = await board.report(on: ticket, by: teemu, name: "Teemu", writing: false, at: start)
        #expect(await board.report(on: ticket, by: tuula, name: "Tuula", writing: false, at: start.addingTimeInterval(19)).count == 1)
        #expect(await board.report(on: ticket, by: tuula, name: "Tuula", writing: false, at: start.addingTimeInterval(20)).isEmpty)
        // and the board forgets it, so memory holds only what is open
        _ = await board.report(on: ticket, by: tuula, name: "Tuula", writing: false, at: start.addingTimeInterval(45))
        #expect(await board.openPages == 1)
    }

    @Test func leavingRemovesAtOnce() async {
        let board = PresenceBoard()
        _ = await board.report(on: ticket, by: teemu, name: "Teemu", writing: true, at: start)
        await board.leave(ticket, by: teemu)
        #expect(await board.report(on: ticket, by: tuula, name: "Tuula", writing: false, at: start).isEmpty)
        #expect(await board.openPages == 1)
    }
}
