import BackOffice

/// The bulk-action form under the queue (and again on the bulk page when it was refused
/// whole): the action with its value, one reason, and the tickets it applies to.
struct BulkFormView {
    /// What the person typed, kept when the form is shown again.
    struct Typed {
        var action = TicketBulkAction.Name.assign.rawValue
        var assignee = ""
        var status: String?
        var priority: String?
        var note = ""
        var reason = ""
    }

    struct Action {
        let value: String
        let label: String
        let checked: Bool
    }

    /// The queue to go back to.
    let back: String
    /// Every ticket of the queue's page (`OULU-TK-12@3`), for "all on this page".
    let pageTickets: [String]
    /// The tickets ticked before a refused form, carried along.
    let tickedTickets: [String]
    let actions: [Action]
    let statuses: [Option]
    let priorities: [Option]
    let typed: Typed
    let errors: [String: String]

    init(back: String, pageTickets: [String], tickedTickets: [String] = [], typed: Typed = Typed(), errors: [String: String] = [:], labels: Labels) {
        self.back = back
        self.pageTickets = pageTickets
        self.tickedTickets = tickedTickets
        actions = TicketBulkAction.Name.allCases.map {
            Action(value: $0.rawValue, label: labels.catalogue.text("bulk_action_\($0.rawValue)"), checked: $0.rawValue == typed.action)
        }
        statuses = labels.options(TicketStatus.allCases.filter { $0 != .new }, selected: typed.status, label: labels.status)
        priorities = labels.options(TicketPriority.allCases, selected: typed.priority, label: labels.priority)
        self.typed = typed
        self.errors = errors
    }
}
