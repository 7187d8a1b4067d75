import Foundation

/// A bulk action on the queue as asked: the tickets ticked (each with the version the queue
/// showed, if known), one action with its value, and one reason.
public struct TicketBulkRequest: Sendable, Equatable {
    /// One ticked ticket: its reference (`OULU-TK-12`) and the version it was ticked at.
    public struct Item: Sendable, Equatable {
        public let reference: String
        public let version: Int?

        public init(reference: String, version: Int? = nil) {
            self.reference = reference
            self.version = version
        }
    }

    public var tickets: [Item]
    /// `assign`, `status`, `priority` or `note`.
    public var action: String
    /// The assignee's e-mail (`me`; empty: nobody), the status, the priority, or the note's text.
    public var value: String?
    public var reason: String?

    public init(tickets: [Item], action: String, value: String?, reason: String?) {
        self.tickets = tickets
        self.action = action
        self.value = value
        self.reason = reason
    }
}

/// A bulk request checked whole: the action it makes of each ticket, and the reason.
public struct TicketBulkAction: Sendable, Equatable {
    /// The most tickets one action may tick.
    public static let limit = 200

    public enum Change: Sendable, Equatable {
        /// To the person with this e-mail, or to nobody (nil).
        case assign(String?)
        case status(TicketStatus)
        case priority(TicketPriority)
        case note(String)
    }

    public enum Name: String, Sendable, CaseIterable, NamedCases {
        case assign, status, priority, note
    }

    public let tickets: [TicketBulkRequest.Item]
    public let change: Change
    public let reason: String

    /// Checks the request as a whole (`actor` stands for `me`): every refusal at once, before
    /// any ticket is touched. A ticket ticked twice counts once.
    public static func checked(_ request: TicketBulkRequest, actor: String) throws(BackOfficeError) -> TicketBulkAction {
        var errors = FieldErrors()
        var seen = Set<String>()
        let tickets = request.tickets.filter { seen.insert($0.reference.trimmingCharacters(in: .whitespaces).uppercased()).inserted }
        if tickets.isEmpty { errors.add("tickets", "tick at least one ticket") }
        if tickets.count > limit {
            errors.add("tickets", "at most \(limit) tickets per action, \(tickets.count) were ticked; narrow the queue and act in parts")
        }
        if tickets.contains(where: { ($0.version ?? 1) < 1 }) { errors.add("tickets", "a ticket's version is a positive number") }
        let reason = errors.check(Validation.reason(request.reason).flatMap { Validation.withoutIdentityCode($0, field: "reason") })
        let change = errors.check(Self.change(request.action, value: request.value ?? "", actor: actor))
        try errors.throwIfAny()
        return TicketBulkAction(tickets: tickets, change: change!, reason: reason!)
    }

    private static func change(_ action: String, value: String, actor: String) -> Result<Change, FieldError> {
        Name.named(action, field: "action").flatMap { name in
            switch name {
            case .assign:
                let email = value.trimmingCharacters(in: .whitespaces)
                if email.isEmpty { return .success(.assign(nil)) }
                if email.lowercased() == "me" { return .success(.assign(actor)) }
                return Validation.email(email, field: "value").map { .assign($0) }
            case .status: return TicketStatus.named(value, field: "value").map { .status($0) }
            case .priority: return TicketPriority.named(value, field: "value").map { .priority($0) }
            case .note:
                return Validation.paragraphs(value, field: "value", length: 1...20_000)
                    .flatMap { Validation.withoutIdentityCode($0, field: "value") }.map { .note($0) }
            }
        }
    }
}
