import BackOffice
import Foundation
import Postgres

/// Loads the demo tickets through the ticket service, replaying each one's past on a clock
/// set back to its moments, so that numbers, due times, first responses, pauses and history
/// are what the service itself would have made. Organisations that have tickets already are
/// left alone, so running it again adds nothing; two loads at once take turns (`holdingSeedLock`).
public struct DemoTicketSeed: Sendable {
    public init() {}

    /// Returns how many tickets were added.
    @discardableResult
    public func load(app: ConnectionPool, now: Date = Date()) async throws -> Int {
        try await app.holdingSeedLock { try await loadUnlocked(app: app, now: now) }
    }

    private func loadUnlocked(app: ConnectionPool, now: Date) async throws -> Int {
        let roles = RoleService(store: PostgresAccessStore(pool: app))
        let clock = SettableClock()
        // history, not news: the demo's past tickets write no mails to the outbox
        let service = TicketService(
            store: PostgresTicketStore(pool: app), access: roles, cursors: HMACCursorSeal(secret: RandomSecret.make()),
            mail: .silent, clock: { clock.now })
        guard let agentEmail = DemoData.people.first(where: { $0.role == CountyRole.supportAgent.rawValue })?.email else { return 0 }
        let agent = try await roles.principal(email: agentEmail, interface: .system)
        var principals: [String: Principal] = [:]
        var skipped: [String: Bool] = [:]
        var added = 0
        for demo in DemoTickets.all() {
            let code = demo.organisationCode
            if skipped[code] == nil {
                skipped[code] = !(try await service.tickets(TicketQuery(limit: 1), in: code, for: agent).tickets.isEmpty)
            }
            if skipped[code] == true { continue }
            let created = now.addingTimeInterval(-Double(demo.createdHoursAgo) * 3600)
            clock.set(created)
            let ticket = try await service.create(Self.newTicket(demo, assignee: demo.assignedToSupport ? agentEmail : nil), in: code, by: agent).ticket
            var reporter = agent
            if case .professional(let email) = demo.reporter {
                if principals[email] == nil { principals[email] = try await roles.principal(email: email, interface: .system) }
                reporter = principals[email]!
            }
            let steps = demo.moves.map { (hours: $0.afterHours, move: Optional($0), comment: DemoTicket.Comment?.none) }
                + demo.comments.map { (hours: $0.afterHours, move: DemoTicket.Move?.none, comment: Optional($0)) }
            for step in steps.sorted(by: { $0.hours < $1.hours }) {
                clock.set(created.addingTimeInterval(Double(step.hours) * 3600))
                if let move = step.move {
                    _ = try await service.changeStatus(ticket.reference, in: code, to: move.to, expectedVersion: nil, by: agent)
                } else if let comment = step.comment {
                    let residentSpeaks = comment.byReporter && ticket.reporter == .resident
                    _ = try await service.comment(
                        on: ticket.reference, in: code, body: residentSpeaks ? "Asukkaan vastaus: \(comment.body)" : comment.body,
                        visibility: comment.isPublic || comment.byReporter ? "public" : "internal",
                        by: comment.byReporter && !residentSpeaks ? reporter : agent)
                }
            }
            added += 1
        }
        return added
    }

    private static func newTicket(_ demo: DemoTicket, assignee: String?) -> NewTicket {
        var ticket = NewTicket(
            subject: demo.subject, description: demo.description, category: demo.category, channel: demo.channel,
            priority: demo.priority, serviceCode: demo.serviceCode, assigneeEmail: assignee)
        switch demo.reporter {
        case .professional(let email): ticket.reporterEmail = email
        case .resident(let name, let email, let phone): ticket.resident = ResidentContact(name: name, email: email, phone: phone)
        }
        return ticket
    }
}
