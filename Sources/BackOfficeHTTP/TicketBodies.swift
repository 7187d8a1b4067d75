import BackOffice
import Foundation
import Hummingbird

/// The JSON shapes of the ticket API (snake_case on the wire).
enum TicketBodies {
    /// A ticket: the answer of its GET, POST and changes, written by `JSONWriter`; `Encodable`
    /// where it is part of an encoded answer (a merge).
    struct TicketBody: Encodable, JSONWritable {
        struct Reporter: Encodable {
            let kind: String
            let email: String?
        }

        let id: String
        let reference: String
        let organisation: String
        let number: Int
        let subject: String
        let description: String
        let category: String
        let channel: String
        let priority: String
        let service: String?
        let reporter: Reporter
        let assignee: String?
        let status: String
        let version: Int
        let createdAt: Date
        let updatedAt: Date
        let firstResponseAt: Date?
        let firstResponseDueAt: Date
        let resolutionDueAt: Date
        let resolvedAt: Date?
        let closedAt: Date?
        let waitingSince: Date?
        let pausedMinutes: Int
        let firstResponseMinutes: Int?
        let resolutionMinutes: Int?
        /// The reference of the ticket this duplicate was merged into.
        let mergedInto: String?

        enum CodingKeys: String, CodingKey {
            case id, reference, organisation, number, subject, description, category, channel, priority, service,
                reporter, assignee, status, version, createdAt = "created_at", updatedAt = "updated_at",
                firstResponseAt = "first_response_at", firstResponseDueAt = "first_response_due_at",
                resolutionDueAt = "resolution_due_at", resolvedAt = "resolved_at", closedAt = "closed_at",
                waitingSince = "waiting_since", pausedMinutes = "paused_minutes",
                firstResponseMinutes = "first_response_minutes", resolutionMinutes = "resolution_minutes",
                mergedInto = "merged_into"
        }

        init(_ ticket: Ticket) {
            id = ticket.id.wire
            reference = ticket.reference
            organisation = ticket.organisationCode
            number = ticket.number
            subject = ticket.subject
            description = ticket.description
            category = ticket.category.rawValue
            channel = ticket.channel.rawValue
            priority = ticket.priority.rawValue
            service = ticket.serviceCode
            switch ticket.reporter {
            case .professional(_, let email): reporter = Reporter(kind: "professional", email: email)
            case .resident: reporter = Reporter(kind: "resident", email: nil)
            }
            assignee = ticket.assigneeEmail
            status = ticket.status.rawValue
            version = ticket.version
            createdAt = ticket.createdAt
            updatedAt = ticket.updatedAt
            firstResponseAt = ticket.firstResponseAt
            firstResponseDueAt = ticket.firstResponseDue
            resolutionDueAt = ticket.resolutionDue
            resolvedAt = ticket.resolvedAt
            closedAt = ticket.closedAt
            waitingSince = ticket.waitingSince
            pausedMinutes = ticket.pausedMinutes
            firstResponseMinutes = ticket.firstResponseMinutes
            resolutionMinutes = ticket.resolutionMinutes
            mergedInto = ticket.mergedInto?.reference
        }

        /// The keys in sorted order (what `JSONEncoder` writes with `.sortedKeys`; without it,
        /// the encoder's order changes from one answer to the next), omitted when nil.
        func write(to json: inout JSONWriter) {
            json.beginObject()
            json.field("assignee", assignee)
            json.field("category", category)
            json.field("channel", channel)
            json.field("closed_at", closedAt)
            json.field("created_at", createdAt)
            json.field("description", description)
            json.field("first_response_at", firstResponseAt)
            json.field("first_response_due_at", firstResponseDueAt)
            json.field("first_response_minutes", firstResponseMinutes)
            json.field("id", id)
            json.field("merged_into", mergedInto)
            json.field("number", number)
            json.field("organisation", organisation)
            json.field("paused_minutes", pausedMinutes)
            json.field("priority", priority)
            json.field("reference", reference)
            json.key("reporter")
            json.beginObject()
            json.field("email", reporter.email)
            json.field("kind", reporter.kind)
            json.endObject()
            json.field("resolution_due_at", resolutionDueAt)
            json.field("resolution_minutes", resolutionMinutes)
            json.field("resolved_at", resolvedAt)
            json.field("service", service)
            json.field("status", status)
            json.field("subject", subject)
            json.field("updated_at", updatedAt)
            json.field("version", version)
            json.field("waiting_since", waitingSince)
            json.endObject()
        }
    }

    /// A page of tickets (the queues and the search): `{"items": [...], "next_cursor": "…" | null}`
    /// as `AccessBodies.Page` encodes it, written by `JSONWriter`.
    struct TicketPageBody: JSONWritable {
        let items: [TicketBody]
        let nextCursor: String?

        init(_ page: TicketPage) {
            items = page.tickets.map(TicketBody.init)
            nextCursor = page.nextCursor
        }

        func write(to json: inout JSONWriter) {
            json.beginObject()
            json.key("items")
            json.beginArray()
            for item in items { item.write(to: &json) }
            json.endArray()
            json.key("next_cursor")
            json.stringOrNull(nextCursor)
            json.endObject()
        }
    }

    struct CommentBody: ResponseEncodable {
        let id: String
        let author: String
        let visibility: String
        let body: String
        let createdAt: Date
        /// The duplicate merged into this ticket that the comment was written on.
        let fromTicket: String?

        enum CodingKeys: String, CodingKey {
            case id, author, visibility, body, createdAt = "created_at", fromTicket = "from_ticket"
        }

        init(_ comment: TicketComment) {
            id = comment.id.wire
            author = comment.authorEmail ?? TicketReporter.resident.kind
            visibility = comment.visibility.rawValue
            body = comment.body
            createdAt = comment.createdAt
            fromTicket = comment.fromReference
        }
    }

    struct EventBody: ResponseEncodable {
        let id: String
        let at: Date
        let actor: String?
        let kind: String
        let changes: [String: TicketEvent.Change]
        let interface: String

        init(_ event: TicketEvent) {
            id = event.id.wire
            at = event.at
            actor = event.actorEmail
            kind = event.kind
            changes = event.changes
            interface = event.interface.rawValue
        }
    }

    struct ContactBody: ResponseEncodable {
        let name: String?
        let email: String?
        let phone: String?
        let anonymisedAt: Date?

        enum CodingKeys: String, CodingKey {
            case name, email, phone, anonymisedAt = "anonymised_at"
        }

        init(_ contact: ResidentContact) {
            name = contact.name
            email = contact.email
            phone = contact.phone
            anonymisedAt = contact.anonymisedAt
        }
    }

    /// `POST …/tickets`.
    struct NewTicketBody: Decodable {
        struct Resident: Decodable {
            let name: String?
            let email: String?
            let phone: String?
        }

        let subject: String
        let description: String?
        let category: String
        let channel: String
        let priority: String?
        let service: String?
        let reporterEmail: String?
        let resident: Resident?
        let assignee: String?

        var ticket: NewTicket {
            NewTicket(
                subject: subject, description: description ?? "", category: category, channel: channel, priority: priority,
                serviceCode: service, reporterEmail: reporterEmail,
                resident: resident.map { ResidentContact(name: $0.name, email: $0.email, phone: $0.phone) }, assigneeEmail: assignee)
        }
    }

    /// `PATCH …/tickets/{ref}`: the fields to change.
    struct TicketChangesBody: Decodable {
        let subject: String?
        let description: String?
        let category: String?
        let priority: String?
        /// An Omaolo service code; "" clears it.
        let service: String?
        /// An e-mail; "" leaves the ticket unassigned.
        let assignee: String?

        var changes: TicketChanges {
            TicketChanges(subject: subject, description: description, category: category, priority: priority,
                          serviceCode: service, assigneeEmail: assignee)
        }
    }

    /// `POST …/status`.
    struct StatusBody: Decodable {
        let status: String
    }

    /// `POST …/comments`.
    struct NewCommentBody: Decodable {
        let body: String
        let visibility: String?
    }
}
