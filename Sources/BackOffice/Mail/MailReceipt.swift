import Foundation

/// What became of a received mail.
public enum MailReceipt: Sendable, Equatable {
    /// A new ticket with channel `email`.
    case created(Ticket)
    /// A public comment on the ticket it answers.
    case commented(Ticket)
    /// The same `Message-ID` was received before, for this ticket: nothing new.
    case duplicate(Ticket)
    /// Not turned into a ticket (an auto-reply, a bounce, the desk's own mail), and why.
    case ignored(String)
}
