import BackOffice
import Hummingbird

/// The `/api/v1` operations of `TicketController`, in the order it adds them, with the
/// parameters and schemas only they use.
extension OpenAPIDocument {
    static var ticketOperations: [Operation] {
        let page = [parameter("limit"), parameter("cursor")]
        let filters = ["status", "priority", "category", "serviceFilter", "assignee", "breaching_within_hours", "q", "sort"].map(parameter)
        let ticket = [parameter("code"), parameter("ref")]
        return [
            Operation(
                method: .get, path: "/api/v1/tickets", id: "countyQueue", tag: "tickets",
                summary: "The county-wide queue (county support desk and county admins)",
                description: "Every organisation's tickets through the county scope, or one organisation's with `org`.",
                parameters: [parameter("org")] + filters + page,
                answers: [.init(status: 200, description: "A page of tickets", schema: ref("TicketPage"))],
                problems: [403, 404, 422]),
            bulkOperation,
            Operation(
                method: .get, path: "/api/v1/orgs/{code}/tickets", id: "listTickets", tag: "tickets",
                summary: "The organisation's queue", description: "Professionals get only the tickets they reported.",
                parameters: [parameter("code")] + filters + page,
                answers: [.init(status: 200, description: "A page of tickets", schema: ref("TicketPage"))],
                problems: [403, 404, 422]),
            Operation(
                method: .post, path: "/api/v1/orgs/{code}/tickets", id: "createTicket", tag: "tickets",
                summary: "Log a ticket",
                description: """
                    The reporter is a professional of the organisation (`reporter_email`, or the caller) or a resident \
                    (`resident` with a name and an e-mail or phone). A Finnish personal identity code in the subject or \
                    description is refused (422).
                    """,
                parameters: [parameter("code"), parameter("idempotencyKey")], body: "NewTicket",
                answers: .made("The ticket, with its version as `ETag`", schema: ref("Ticket")),
                problems: [403, 404, 409, 422]),
            Operation(
                method: .get, path: "/api/v1/orgs/{code}/tickets/{ref}", id: "showTicket", tag: "tickets",
                summary: "One ticket, with its version as `ETag`", parameters: ticket,
                answers: [.init(status: 200, description: "The ticket", schema: ref("Ticket"))],
                problems: [403, 404]),
            Operation(
                method: .patch, path: "/api/v1/orgs/{code}/tickets/{ref}", id: "updateTicket", tag: "tickets",
                summary: "Change a ticket's fields or assignee (support side)",
                description: """
                    Needs `If-Match` with the ticket's `ETag` (428 without); a version changed meanwhile is a 412. \
                    A new priority recomputes the due times from creation.
                    """,
                parameters: ticket + [parameter("ifMatchRequired")], body: "TicketChanges",
                answers: [.init(status: 200, description: "The ticket as changed", schema: ref("Ticket"))],
                problems: [403, 404, 412, 422, 428]),
            Operation(
                method: .post, path: "/api/v1/orgs/{code}/tickets/{ref}/status", id: "changeTicketStatus", tag: "tickets",
                summary: "Move a ticket to another status (support side)",
                description: "A move the status machine does not allow is a 409 naming the allowed ones; with `If-Match`, a stale version a 412.",
                parameters: ticket + [parameter("ifMatch")], body: "TicketStatusChange",
                answers: [.init(status: 200, description: "The ticket in its new status", schema: ref("Ticket"))],
                problems: [403, 404, 409, 412, 422]),
            Operation(
                method: .get, path: "/api/v1/orgs/{code}/tickets/{ref}/comments", id: "listTicketComments", tag: "tickets",
                summary: "The ticket's comments, oldest first", description: "Professionals see the public ones only.",
                parameters: ticket + page,
                answers: [.init(status: 200, description: "A page of comments", schema: ref("CommentPage"))],
                problems: [403, 404, 422]),
            Operation(
                method: .post, path: "/api/v1/orgs/{code}/tickets/{ref}/comments", id: "commentTicket", tag: "tickets",
                summary: "Comment on a ticket",
                description: "Internal by default from the support side; professionals comment publicly on their own tickets.",
                parameters: ticket + [parameter("idempotencyKey")], body: "NewComment",
                answers: .made("The comment", schema: ref("Comment")),
                problems: [403, 404, 409, 422]),
            Operation(
                method: .get, path: "/api/v1/orgs/{code}/tickets/{ref}/events", id: "listTicketEvents", tag: "tickets",
                summary: "The ticket's history, oldest first (support side)", parameters: ticket + page,
                answers: [.init(status: 200, description: "A page of history entries", schema: ref("EventPage"))],
                problems: [403, 404, 422]),
            Operation(
                method: .get, path: "/api/v1/orgs/{code}/tickets/{ref}/contact", id: "showResidentContact", tag: "tickets",
                summary: "A resident reporter's contact details; every read is logged",
                description: "Written to the access log with the caller, the time, the interface and `purpose`.",
                parameters: ticket + [parameter("purpose")],
                answers: [.init(status: 200, description: "The contact details (empty once anonymised)", schema: ref("ResidentContact"))],
                problems: [403, 404, 422]),
        ]
    }

    static var ticketParameters: JSON {
        func query(_ name: String, _ description: String, _ schema: JSON = string) -> JSON {
            ["name": .string(name), "in": "query", "required": false, "description": .string(description), "schema": schema]
        }
        return [
            "ref": [
                "name": "ref", "in": "path", "required": true,
                "description": "The ticket's reference, e.g. `OULU-TK-42`, or its number", "schema": ["type": "string", "example": "X-1"],
            ],
            "org": query("org", "Only this organisation's tickets (its code)"),
            "status": query("status", "Statuses, comma-separated: \(TicketStatus.namesListed)"),
            "priority": query("priority", "Priorities, comma-separated: \(TicketPriority.namesListed)"),
            "category": query("category", "Categories, comma-separated: \(TicketCategory.namesListed)"),
            "serviceFilter": query("service", "Only tickets about this Omaolo service (its code)"),
            "assignee": query("assignee", "`me`, `unassigned`, or an assignee's e-mail"),
            "breaching_within_hours": query(
                "breaching_within_hours", "Only tickets whose first response or resolution falls due within this many hours, or is overdue",
                ["type": "integer", "minimum": 0, "maximum": 8760]),
            "q": query("q", "Words to find in subject, description and comments, in any inflection (Finnish stemming)"),
            "sort": query("sort", "`due` (resolution due, soonest first; the default) or `newest`", enumeration(TicketFilter.Order.self)),
            "purpose": query("purpose", "Why the contact details are read; written to the access log"),
            "idempotencyKey": [
                "name": "Idempotency-Key", "in": "header", "required": false,
                "description": """
                    Makes a create at most once: a retry with the same key answers 200 with what the first request \
                    made; the same key with other content is a 409. Keys are kept per organisation and kind of create.
                    """,
                "schema": ["type": "string", "minLength": 1, "maxLength": 255],
            ],
            "ifMatch": [
                "name": "If-Match", "in": "header", "required": false,
                "description": "The ticket's `ETag` (its version, e.g. `\"3\"`), compared strongly",
                "schema": ["type": "string", "pattern": "^\"[0-9]{1,9}\"$"],
            ],
            "ifMatchRequired": [
                "name": "If-Match", "in": "header", "required": true,
                "description": "The ticket's `ETag` (its version, e.g. `\"3\"`), compared strongly; 428 without it",
                "schema": ["type": "string", "pattern": "^\"[0-9]{1,9}\"$"],
            ],
        ]
    }

    static var ticketSchemas: JSON {
        [
            "Ticket": object(
                required: [
                    "id": uuid,
                    "reference": string.described("e.g. `OULU-TK-42`"),
                    "organisation": string.described("The organisation's code"),
                    "number": integer,
                    "subject": string,
                    "description": string,
                    "category": enumeration(TicketCategory.self),
                    "channel": enumeration(TicketChannel.self),
                    "priority": enumeration(TicketPriority.self),
                    "reporter": object(
                        required: ["kind": ["type": "string", "enum": ["professional", "resident"]]],
                        optional: ["email": email.described("The professional's; a resident's details are under `/contact`")]),
                    "status": enumeration(TicketStatus.self),
                    "version": integer.described("Also the `ETag`"),
                    "created_at": dateTime,
                    "updated_at": dateTime,
                    "first_response_due_at": dateTime.described("Moves later by the business minutes spent waiting"),
                    "resolution_due_at": dateTime.described("Moves later by the business minutes spent waiting"),
                    "paused_minutes": integer.described("Business minutes spent waiting, before the current wait"),
                ],
                optional: [
                    "service": string.described("An Omaolo service code"),
                    "assignee": email,
                    "first_response_at": dateTime,
                    "resolved_at": dateTime,
                    "closed_at": dateTime,
                    "waiting_since": dateTime.described("While waiting: the SLA clocks stand still"),
                    "first_response_minutes": integer.described("Business minutes to the first response, waiting excluded"),
                    "resolution_minutes": integer.described("Business minutes to resolution, waiting excluded"),
                    "merged_into": string.described("The ticket this duplicate was merged into (it is closed for good)"),
                ]),
            "TicketPage": page(of: "Ticket"),
            "NewTicket": object(
                required: [
                    "subject": string.limited(200),
                    "category": enumeration(TicketCategory.self),
                    "channel": enumeration(TicketChannel.self),
                ],
                optional: [
                    "description": nullable(string).merging(["maxLength": 20_000]),
                    "priority": nullable(enumeration(TicketPriority.self)).described("`normal` when absent"),
                    "service": nullable(string).described("An Omaolo service code"),
                    "reporter_email": nullable(email).described("A member of the organisation; the caller when absent and no resident"),
                    "resident": object(
                        "A resident reporter's minimal contact details",
                        required: ["name": string.limited(200)],
                        optional: ["email": nullable(email), "phone": nullable(string).described("e.g. `+358 40 123 4567`")]),
                    "assignee": nullable(email).described("Someone who works the organisation's tickets"),
                ]),
            "TicketChanges": object(required: [:], optional: [
                "subject": string.limited(200),
                "description": string.merging(["maxLength": 20_000]),
                "category": enumeration(TicketCategory.self),
                "priority": enumeration(TicketPriority.self),
                "service": string.described("An Omaolo service code; empty clears it"),
                "assignee": string.described("An e-mail; empty leaves the ticket unassigned"),
            ]),
            "TicketStatusChange": object(required: ["status": enumeration(TicketStatus.self)]),
            "Comment": object(
                required: [
                    "id": uuid, "author": string.described("The author's e-mail, or `resident`: the resident reporter's reply by mail"),
                    "visibility": enumeration(TicketComment.Visibility.self), "body": string,
                    "created_at": dateTime,
                ],
                optional: ["from_ticket": string.described("The duplicate merged into this ticket that the comment was written on")]),
            "CommentPage": page(of: "Comment"),
            "NewComment": object(
                required: ["body": string.limited(20_000)],
                optional: ["visibility": nullable(enumeration(TicketComment.Visibility.self)).described("`internal` from the support side when absent")]),
            "Event": object(
                required: [
                    "id": uuid, "at": dateTime,
                    "kind": string.described("created, updated, assigned, status_changed, commented, contact_anonymised, merged, merged_in"),
                    "changes": [
                        "type": "object", "description": "Field name → `{from, to}`; a value absent when there was none",
                        "additionalProperties": object(required: [:], optional: ["from": string, "to": string]),
                    ],
                    "interface": enumeration(Interface.self),
                ],
                optional: ["actor": email.described("Absent for the system")]),
            "EventPage": page(of: "Event"),
            "ResidentContact": object(
                required: [:],
                optional: ["name": string, "email": email, "phone": string, "anonymised_at": dateTime]),
        ]
    }
}
