import Foundation

/// A resident contact that may be the one searched for, as the store narrowed it.
public struct ContactCandidate: Sendable, Equatable {
    public let organisationID: UUID
    public let ticketID: UUID
    public let phone: String?
    public let email: String?

    public init(organisationID: UUID, ticketID: UUID, phone: String?, email: String?) {
        self.organisationID = organisationID
        self.ticketID = ticketID
        self.phone = phone
        self.email = email
    }
}

/// What the access report needs from storage, county-wide.
public protocol PrivacyStore: Sendable {
    /// Contacts not yet anonymised whose phone number ends in `phoneDigits` (ignoring
    /// separators) or whose e-mail is `email` (ignoring case); the domain decides which match.
    func contactCandidates(phoneDigits: String?, email: String?) async throws -> [ContactCandidate]
    /// The tickets with every read of their contact details, oldest first; then writes one
    /// access-log row per ticket for this report, by `reader`, for `purpose`.
    func accessReport(of tickets: [ContactCandidate], readBy reader: UUID, interface: Interface, purpose: String) async throws -> [AccessReport.Ticket]
}
