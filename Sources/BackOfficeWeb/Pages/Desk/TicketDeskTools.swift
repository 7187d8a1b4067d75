import BackOffice
import Foundation

/// The desk's tools on a ticket's page: where a merged duplicate went, the form that merges
/// this ticket into another, and the address the page reports its presence to.
struct TicketDeskTools {
    /// The ticket this one was merged into.
    let mergedInto: String?
    let mergedIntoHref: String?
    /// Open to a merge: worked by the person, not closed.
    let mayMerge: Bool
    /// What was typed into a refused merge form, and why it was refused.
    let mergeInto: String
    let mergeError: String?
    /// Where the page reports that it is open (and whether someone is writing).
    let presenceHref: String?

    init(ticket: Ticket, works: Bool, mergeInto: String, mergeError: String?) {
        mergedInto = ticket.mergedInto?.reference
        mergedIntoHref = ticket.mergedInto.map { "/tickets/\($0.reference)" }
        mayMerge = works && ticket.status != .closed
        self.mergeInto = mergeInto
        self.mergeError = mergeError
        presenceHref = works ? "/tickets/\(ticket.reference)/presence" : nil
    }
}
