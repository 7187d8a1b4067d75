/// The fields of a ticket to change, as typed; nil fields stay as they are. An empty
/// `serviceCode` clears the service, an empty `assigneeEmail` the assignee.
public struct TicketChanges: Sendable, Equatable {
    public var subject: String?
    public var description: String?
    public var category: String?
    public var priority: String?
    public var serviceCode: String?
    public var assigneeEmail: String?

    public init(subject: String? = nil, description: String? = nil, category: String? = nil, priority: String? = nil,
                serviceCode: String? = nil, assigneeEmail: String? = nil) {
        self.subject = subject
        self.description = description
        self.category = category
        self.priority = priority
        self.serviceCode = serviceCode
        self.assigneeEmail = assigneeEmail
    }

    public var isEmpty: Bool {
        subject == nil && description == nil && category == nil && priority == nil && serviceCode == nil && assigneeEmail == nil
    }
}
