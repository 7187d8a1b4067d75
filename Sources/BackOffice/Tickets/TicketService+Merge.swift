import Foundation

/// Merging a duplicate into its original, support side only: the duplicate is closed with a
/// link to the original, its comments appear in the original's thread, and both keep a
/// history entry.
extension TicketService {
    /// Merges the ticket `reference` of the organisation `code` into the ticket `target` (a
    /// reference of the same organisation, or its number), against the duplicate's
    /// `expectedVersion` (nil: the current one). Answers the closed duplicate and the target.
    public func merge(
        _ reference: String, into target: String, in code: String, expectedVersion: Int?, by principal: Principal
    ) async throws -> (merged: Ticket, into: Ticket) {
        let (organisation, ticket) = try await workedTicket(reference, in: code, for: principal)
        let named = target.trimmingCharacters(in: .whitespaces).uppercased()
        if let other = TicketReference.organisationCode(of: named), other != organisation.code {
            throw Ticket.mergeAcrossOrganisations(ticket.reference, organisationCode: organisation.code, target: named)
        }
        guard let number = TicketReference.number(of: named, in: organisation) else {
            throw BackOfficeError.invalid([FieldError(
                field: "into", reason: "give the reference of the ticket to merge into, such as \(organisation.code)-1",
                code: "merge_reference")])
        }
        guard try await store.ticket(number: number, in: organisation) != nil else {
            throw BackOfficeError.invalid([FieldError(
                field: "into", reason: "\(organisation.code) has no ticket \(organisation.code)-\(number)", code: "merge_not_found")])
        }
        let moment = clock()
        return try await store.merge(
            number: ticket.number, into: number, in: organisation, expectedVersion: expectedVersion, by: principal.personID,
            interface: principal.interface
        ) { duplicate, original in
            try duplicate.merge(into: original, at: moment)
        }
    }
}
