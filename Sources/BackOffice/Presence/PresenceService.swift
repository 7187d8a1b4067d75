import Foundation

/// Who else is on a ticket: the page reports every few seconds, and learns who else has the
/// ticket open and who is writing a reply. Only for those who work the ticket, checked
/// against the ticket (and so its organisation) at every report.
public struct PresenceService: Sendable {
    let tickets: TicketService
    let board: PresenceBoard
    let clock: @Sendable () -> Date

    public init(tickets: TicketService, board: PresenceBoard, clock: @escaping @Sendable () -> Date = Date.init) {
        self.tickets = tickets
        self.board = board
        self.clock = clock
    }

    /// Notes that the principal (shown as `name`) has the ticket open, writing or not, and
    /// answers who else is on it.
    public func report(on reference: String, in code: String, name: String, writing: Bool, by principal: Principal) async throws -> [PresenceBoard.Presence] {
        let (_, ticket) = try await tickets.workedTicket(reference, in: code, for: principal)
        return await board.report(on: ticket.id, by: principal.personID, name: name, writing: writing, at: clock())
    }

    /// The principal left the ticket's page.
    public func leave(_ reference: String, in code: String, by principal: Principal) async throws {
        let (_, ticket) = try await tickets.workedTicket(reference, in: code, for: principal)
        await board.leave(ticket.id, by: principal.personID)
    }
}
