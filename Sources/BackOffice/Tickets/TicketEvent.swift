import Foundation

/// One entry of a ticket's history: who changed what from what to what, when, and through
/// which interface. Append-only.
public struct TicketEvent: Sendable, Equatable {
    /// A field's value before and after (nil: none).
    public struct Change: Sendable, Equatable, Codable {
        public let from: String?
        public let to: String?

        public init(from: String?, to: String?) {
            self.from = from
            self.to = to
        }
    }

    public let id: UUID
    public let at: Date
    /// Nil for the system (the retention job).
    public let actorID: UUID?
    public let actorEmail: String?
    /// `created`, `updated`, `status_changed`, `assigned`, `commented`, `contact_anonymised`.
    public let kind: String
    /// Field name → change.
    public let changes: [String: Change]
    public let interface: Interface

    public init(id: UUID, at: Date, actorID: UUID?, actorEmail: String?, kind: String, changes: [String: Change], interface: Interface) {
        self.id = id
        self.at = at
        self.actorID = actorID
        self.actorEmail = actorEmail
        self.kind = kind
        self.changes = changes
        self.interface = interface
    }
}
