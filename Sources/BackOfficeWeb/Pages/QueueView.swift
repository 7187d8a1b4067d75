import BackOffice
import Foundation

/// The queue page's view: the named queues with counts, the filter form, the rows, the link
/// to the next page.
struct QueueView {
    /// What the page was asked and what the services answered.
    struct Input {
        let parameters: QueueParameters
        let organisations: [Organisation]
        let countyWide: Bool
        let scope: String?
        let worksTickets: Bool
        let page: TicketPage
        /// The named queues' counts as text, in `NamedQueue.allCases` order (nil: not counted).
        let counts: [String?]
        let errors: [FieldError]
    }

    struct NamedQueueLink {
        let href: String
        let label: String
        /// Text, not a number (`999+` past the cap); nil when the queue could not be counted.
        let count: String?
        let current: Bool
    }

    struct Row {
        let href: String
        let reference: String
        let subject: String
        let organisation: String
        /// A resident, or the reporting professional's e-mail without its domain (`reporterEmail` in full).
        let reporter: String
        let reporterEmail: String?
        let priority: String
        let priorityClass: String
        let status: String
        let statusClass: String
        /// The assignee's e-mail without its domain (`assigneeEmail` in full).
        let assignee: String?
        let assigneeEmail: String?
        let sla: SLABadge
        let updated: String
        /// The version the row shows, ticked with it for a bulk action.
        let version: Int
    }

    let heading: String
    let worksTickets: Bool
    let queues: [NamedQueueLink]
    let allHref: String
    let allCurrent: Bool
    let organisations: [Option]
    let organisationChoice: Bool
    let countyWide: Bool
    let named: String?
    let statuses: [Option]
    let priorities: [Option]
    let categories: [Option]
    let services: [Option]
    let text: String
    let rows: [Row]
    /// Stored, not computed: templates see stored properties only.
    let hasRows: Bool
    let nextHref: String?
    let errors: [String]
    /// Whether the rows can be ticked for a bulk action (those who work the tickets).
    let bulk: Bool
    let bulkForm: BulkFormView?
    /// The saved views beside the named queues, for those who work tickets.
    var savedViews: SavedViewsPanel?

    init(_ input: Input, labels: Labels, time: HelsinkiTime, calendar: SLACalendar) {
        let catalogue = labels.catalogue
        let parameters = input.parameters
        heading = input.worksTickets ? catalogue.text("queue_title") : catalogue.text("nav_my_tickets")
        worksTickets = input.worksTickets
        queues = zip(NamedQueue.allCases, input.counts).map { named, count in
            NamedQueueLink(
                href: parameters.href(["queue": named.rawValue, "cursor": nil]), label: catalogue.text("queue_\(named.rawValue)"),
                count: count, current: parameters.named == named)
        }
        allHref = parameters.href(["queue": nil, "cursor": nil])
        allCurrent = parameters.named == nil
        let selectedOrganisation = input.countyWide ? parameters.organisation : input.scope
        organisations = input.organisations.map {
            Option(value: $0.code, label: "\($0.code) – \($0.name)", selected: $0.code == selectedOrganisation)
        }
        organisationChoice = input.countyWide || input.organisations.count > 1
        countyWide = input.countyWide
        named = parameters.named?.rawValue
        statuses = labels.options(TicketStatus.allCases, selected: parameters.status, label: labels.status)
        priorities = labels.options(TicketPriority.allCases, selected: parameters.priority, label: labels.priority)
        categories = labels.options(TicketCategory.allCases, selected: parameters.category, label: labels.category)
        services = labels.serviceOptions(selected: parameters.service)
        text = parameters.text ?? ""
        let now = Date()
        rows = input.page.tickets.map { ticket in
            let next = SLAStanding.next(of: ticket, at: now, calendar: calendar)
            let reporterEmail: String? = switch ticket.reporter {
            case .resident: nil
            case .professional(_, let email): email
            }
            return Row(
                href: "/tickets/\(ticket.reference)", reference: ticket.reference, subject: ticket.subject,
                organisation: ticket.organisationCode, reporter: reporterEmail.map(Self.localPart) ?? catalogue.text("reporter_resident"),
                reporterEmail: reporterEmail, priority: labels.priority(ticket.priority),
                priorityClass: "priority-\(ticket.priority.rawValue)", status: labels.status(ticket.status),
                statusClass: "status-\(ticket.status.rawValue)", assignee: ticket.assigneeEmail.map(Self.localPart),
                assigneeEmail: ticket.assigneeEmail,
                sla: SLABadge(next.standing, due: next.due, time: time, catalogue: catalogue, calendar: calendar),
                updated: time.moment(ticket.updatedAt), version: ticket.version)
        }
        hasRows = !rows.isEmpty
        nextHref = input.page.nextCursor.map { parameters.href(["cursor": $0]) }
        errors = input.errors.map { catalogue.text("queue_filter_invalid", ["field": $0.field, "reason": $0.reason]) }
        bulk = input.worksTickets && hasRows
        bulkForm = bulk ? BulkFormView(back: parameters.href(), pageTickets: rows.map { "\($0.reference)@\($0.version)" }, labels: labels) : nil
    }

    /// `teemu.tukipalvelu` of `teemu.tukipalvelu@pohde.example`: enough to tell people apart in a row.
    static func localPart(_ email: String) -> String {
        String(email.prefix { $0 != "@" })
    }
}
