import Foundation

/// Who has a ticket open right now, and who is writing a reply on it: kept in the memory of
/// one server process, never stored and never audited. Advisory only: the ticket's version
/// stays the guard against overwriting. A page that stops reporting is gone after
/// `openFor`; a writer who stops typing stops "writing" after `writingFor`.
public actor PresenceBoard {
    /// Someone else on the ticket.
    public struct Presence: Sendable, Equatable {
        public let personID: UUID
        public let name: String
        /// Typed into the reply within `writingFor`.
        public let writing: Bool
    }

    private struct Entry {
        var name: String
        var seenAt: Date
        var typedAt: Date?
    }

    /// How long an open page counts after its last report.
    public let openFor: TimeInterval
    /// How long after the last keystroke report someone counts as writing.
    public let writingFor: TimeInterval
    /// Ticket id → person id → their page.
    private var tickets: [UUID: [UUID: Entry]] = [:]
    private var lastSweep = Date.distantPast

    public init(openFor: TimeInterval = 20, writingFor: TimeInterval = 8) {
        self.openFor = openFor
        self.writingFor = writingFor
    }

    /// Notes that `person` has the ticket open at `now` (and is writing, if `writing`), and
    /// answers who else is on it, by name.
    public func report(on ticket: UUID, by person: UUID, name: String, writing: Bool, at now: Date) -> [Presence] {
        sweep(at: now)
        var entry = tickets[ticket]?[person] ?? Entry(name: name, seenAt: now)
        entry.name = name
        entry.seenAt = now
        if writing { entry.typedAt = now }
        tickets[ticket, default: [:]][person] = entry
        return others(on: ticket, than: person, at: now)
    }

    /// `person` closed the ticket's page.
    public func leave(_ ticket: UUID, by person: UUID) {
        tickets[ticket]?[person] = nil
        if tickets[ticket]?.isEmpty == true { tickets[ticket] = nil }
    }

    /// How many open pages the board holds (expired ones go at the next report).
    public var openPages: Int { tickets.values.reduce(0) { $0 + $1.count } }

    private func others(on ticket: UUID, than person: UUID, at now: Date) -> [Presence] {
        (tickets[ticket] ?? [:])
            .filter { $0.key != person && now.timeIntervalSince($0.value.seenAt) < openFor }
            .map { id, entry in
                Presence(personID: id, name: entry.name,
                         writing: entry.typedAt.map { now.timeIntervalSince($0) < writingFor } ?? false)
            }
            .sorted { ($0.name, $0.personID.uuidString) < ($1.name, $1.personID.uuidString) }
    }

    /// Drops the pages not reported within `openFor`, at most once per `openFor`, so that
    /// the board holds only what is open.
    private func sweep(at now: Date) {
        guard now.timeIntervalSince(lastSweep) >= openFor else { return }
        lastSweep = now
        for (ticket, pages) in tickets {
            let open = pages.filter { now.timeIntervalSince($0.value.seenAt) < openFor }
            tickets[ticket] = open.isEmpty ? nil : open
        }
    }
}
