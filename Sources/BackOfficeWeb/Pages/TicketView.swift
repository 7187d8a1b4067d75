import BackOffice
import Foundation

/// The ticket page's view: the ticket, its SLA clocks, the thread, the composer, the moves
/// the status machine allows, the side form, the history and the resident's contact.
struct TicketView {
    /// What the page shows besides the ticket: what the person typed into a refused form,
    /// the messages to show, the contact details just read.
    struct State {
        var composerBody = ""
        var composerInternal = true
        var composerError: String?
        var notice: String?
        var noticeIsError = false
        var changedMeanwhile: [String] = []
        var fieldErrors: [String: String] = [:]
        var contact: ResidentContact?
        var purpose = ""
        /// The composer's canned-reply picker, for those who work the ticket.
        var cannedReplies: CannedReplyPicker?
        /// A refused merge: the reference typed.
        var mergeInto = ""
    }

    struct Clock {
        let label: String
        let badge: SLABadge
    }

    struct Comment {
        let anchor: String
        let author: String
        let when: String
        let body: String
        let isInternal: Bool
        /// The duplicate merged into this ticket that the comment was written on.
        let from: String?
    }

    struct Move {
        let value: String
        let label: String
    }

    struct Contact {
        let name: String
        let email: String?
        let phone: String?
        let anonymised: Bool
    }

    let reference: String
    let subject: String
    let description: String
    let organisation: String
    let status: String
    let statusClass: String
    let priority: String
    let priorityClass: String
    let category: String
    let channel: String
    let service: String?
    let reporter: String
    let isResidents: Bool
    let assignee: String?
    let created: String
    let updated: String
    let clocks: [Clock]
    let comments: [Comment]
    let works: Bool
    let moves: [Move]
    let version: Int
    /// The last entry of the history the page shows: a stale form lists what came after it.
    let lastEvent: String
    let priorities: [Option]
    let categories: [Option]
    let services: [Option]
    let assigneeEmail: String
    let history: [HistoryLine]
    let state: State
    let contact: Contact?
    /// Merging and presence.
    let desk: TicketDeskTools

    init(
        ticket: Ticket, organisation: Organisation, comments: [TicketComment], history: [TicketEvent], works: Bool,
        state: State, labels: Labels, time: HelsinkiTime, calendar: SLACalendar
    ) {
        let catalogue = labels.catalogue
        reference = ticket.reference
        subject = ticket.subject
        description = ticket.description
        self.organisation = "\(organisation.code) – \(organisation.name)"
        status = labels.status(ticket.status)
        statusClass = "status-\(ticket.status.rawValue)"
        priority = labels.priority(ticket.priority)
        priorityClass = "priority-\(ticket.priority.rawValue)"
        category = labels.category(ticket.category)
        channel = labels.channel(ticket.channel)
        service = labels.service(ticket.serviceCode)
        switch ticket.reporter {
        case .resident: reporter = catalogue.text("reporter_resident")
        case .professional(_, let email): reporter = catalogue.text("reporter_professional", ["email": email])
        }
        isResidents = ticket.reporter == .resident
        assignee = ticket.assigneeEmail
        created = time.moment(ticket.createdAt)
        updated = time.moment(ticket.updatedAt)
        let now = Date()
        clocks = [
            Clock(label: catalogue.text("sla_first_response"), badge: SLABadge(
                SLAStanding.firstResponse(of: ticket, at: now, calendar: calendar), due: ticket.firstResponseDue, time: time,
                catalogue: catalogue, calendar: calendar)),
            Clock(label: catalogue.text("sla_resolution"), badge: SLABadge(
                SLAStanding.resolution(of: ticket, at: now, calendar: calendar), due: ticket.resolutionDue, time: time,
                catalogue: catalogue, calendar: calendar)),
        ]
        self.comments = comments.map {
            Comment(anchor: "c-\($0.id.uuidString.lowercased())", author: $0.authorEmail ?? catalogue.text("reporter_resident"), when: time.moment($0.createdAt),
                    body: $0.body, isInternal: $0.visibility == .internal, from: $0.fromReference)
        }
        self.works = works
        moves = ticket.status.allowedNext.map { Move(value: $0.rawValue, label: catalogue.text("move_to_\($0.rawValue)")) }
        version = ticket.version
        lastEvent = history.last?.id.uuidString.lowercased() ?? ""
        priorities = labels.options(TicketPriority.allCases, selected: ticket.priority.rawValue, label: labels.priority)
        categories = labels.options(TicketCategory.allCases, selected: ticket.category.rawValue, label: labels.category)
        services = labels.serviceOptions(selected: ticket.serviceCode)
        assigneeEmail = ticket.assigneeEmail ?? ""
        self.history = history.map { HistoryLine($0, labels: labels, time: time) }
        self.state = state
        desk = TicketDeskTools(ticket: ticket, works: works, mergeInto: state.mergeInto, mergeError: state.fieldErrors["into"])
        contact = state.contact.map {
            Contact(name: $0.name ?? "", email: $0.email, phone: $0.phone, anonymised: $0.anonymisedAt != nil)
        }
    }
}
