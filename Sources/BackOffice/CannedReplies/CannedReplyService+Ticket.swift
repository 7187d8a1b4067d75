import Foundation

/// A canned reply filled for one ticket: what the agent gets in the composer to edit.
public struct FilledCannedReply: Sendable, Equatable {
    public let reply: CannedReply
    public let language: String
    public let body: String
}

/// Using canned replies on a ticket: which may be inserted there, and one filled from it.
extension CannedReplyService {
    /// The replies that may be inserted on the ticket: the county-wide set for the desk, then
    /// the ticket's organisation's own set; by title within each.
    public func usable(on reference: String, in code: String, for principal: Principal) async throws -> [CannedReply] {
        let (organisation, _) = try await tickets.workedTicket(reference, in: code, for: principal)
        var replies: [CannedReply] = []
        if CannedReplyRules.isDesk(principal) { replies += try await store.replies(of: try await access.countyOrganisation()) }
        if CannedReplyRules.mayUse(setOf: organisation, onTicketOf: organisation, principal) {
            replies += try await store.replies(of: organisation)
        }
        return replies
    }

    /// The reply `id` filled from the ticket in `language` (`fi`, or `en` where it has an
    /// English body), its use counted. A reply of another organisation's set is not found.
    public func fill(_ id: UUID, on reference: String, in code: String, language: String?, by principal: Principal) async throws -> FilledCannedReply {
        let language = language ?? "fi"
        guard ["fi", "en"].contains(language) else { throw BackOfficeError.invalid("language", "must be fi or en") }
        let (organisation, ticket) = try await tickets.workedTicket(reference, in: code, for: principal)
        let (owner, reply) = try await located(id, for: principal)
        guard CannedReplyRules.mayUse(setOf: owner, onTicketOf: organisation, principal) else {
            throw BackOfficeError.notFound("canned reply \(id.uuidString.lowercased())")
        }
        let today = LocalDate(inFinland: clock())
        let values = CannedReplyValues(
            reference: ticket.reference, subject: ticket.subject, organisation: organisation.name,
            agent: try await store.fullName(of: principal.personID) ?? principal.email, agentEmail: principal.email,
            date: "\(today.day).\(today.month).\(today.year)")
        let body = CannedReplyTemplate.filled(reply.body(in: language), with: values)
        _ = try Validation.withoutIdentityCode(body, field: "body").mapError { BackOfficeError.invalid([$0]) }.get()
        try await store.recordUse(of: id, of: owner, at: clock())
        return FilledCannedReply(reply: reply, language: reply.bodyEnglish == nil ? "fi" : language, body: body)
    }
}
