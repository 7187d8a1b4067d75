import Foundation

/// A comment on a ticket: public (the reporter sees it) or internal (the support side only).
public struct TicketComment: Sendable, Equatable {
    public enum Visibility: String, Sendable, CaseIterable, Codable, NamedCases {
        case `public`, `internal`
    }

    public let id: UUID
    /// Nil: the resident who reported the ticket (a reply by mail).
    public let authorID: UUID?
    public let authorEmail: String?
    public let visibility: Visibility
    public let body: String
    public let createdAt: Date
    /// The duplicate merged into this ticket that the comment was written on (nil: this ticket).
    public let fromReference: String?

    public init(
        id: UUID, authorID: UUID?, authorEmail: String?, visibility: Visibility, body: String, createdAt: Date,
        fromReference: String? = nil
    ) {
        self.id = id
        self.authorID = authorID
        self.authorEmail = authorEmail
        self.visibility = visibility
        self.body = body
        self.createdAt = createdAt
        self.fromReference = fromReference
    }
}
