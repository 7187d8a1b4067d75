import BackOffice
import Foundation
import Hummingbird

/// The JSON shapes of merging a duplicate ticket.
enum TicketMergeBodies {
    /// `POST …/tickets/{ref}/merge`.
    struct MergeBody: Decodable {
        let into: String
    }

    /// The answer of a merge: the closed duplicate and the ticket it went into.
    struct MergedBody: ResponseEncodable {
        let merged: TicketBodies.TicketBody
        let into: TicketBodies.TicketBody
    }
}
