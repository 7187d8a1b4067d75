import Foundation

/// Another ticket named by its id and its reference: where a merged duplicate went.
public struct TicketLink: Sendable, Equatable {
    public let id: UUID
    public let reference: String

    public init(id: UUID, reference: String) {
        self.id = id
        self.reference = reference
    }
}

/// Merging a duplicate (a resident who calls twice makes two tickets) into its original.
extension Ticket {
    /// Closes this ticket as a duplicate of `target` at `moment`, linked to it: the one way a
    /// ticket that is not resolved reaches `closed` at once (`TicketStatus.requireMerge`).
    /// Refused into itself or into a ticket of another organisation (`invalid` naming
    /// `into`), into a closed ticket, and for a ticket already closed (`conflict`). The
    /// target's SLA is not touched; this ticket's resolution stays unset (it was not solved
    /// here), so its SLA figures can be left out by the merge link.
    public mutating func merge(into target: Ticket, at moment: Date) throws(BackOfficeError) -> [String: TicketEvent.Change] {
        guard target.id != id else {
            throw .invalid([FieldError(field: "into", reason: "a ticket cannot be merged into itself", code: "merge_into_itself")])
        }
        guard target.organisationID == organisationID else {
            throw Self.mergeAcrossOrganisations(reference, organisationCode: organisationCode, target: target.reference)
        }
        guard target.status != .closed else {
            throw .conflict("\(target.reference) is closed: a duplicate is merged into an open ticket")
        }
        try status.requireMerge(of: reference)
        let before = self
        status = .closed
        closedAt = moment
        waitingSince = nil
        mergedInto = TicketLink(id: target.id, reference: target.reference)
        var changes = changes(since: before)
        changes["merged_into"] = TicketEvent.Change(from: nil, to: target.reference)
        return changes
    }

    /// The refusal of a merge into another organisation's ticket.
    static func mergeAcrossOrganisations(_ reference: String, organisationCode: String, target: String) -> BackOfficeError {
        .invalid([FieldError(
            field: "into", reason: "\(reference) can be merged only into a ticket of \(organisationCode), not into \(target)",
            code: "merge_other_organisation")])
    }
}

extension TicketStatus {
    /// A merge closes a duplicate from any status but `closed` (which is final): the one move
    /// to `closed` that does not pass through `resolved`.
    public func requireMerge(of reference: String) throws(BackOfficeError) {
        if self == .closed { throw .conflict("\(reference) is closed, which is final: a closed ticket cannot be merged") }
    }
}
