import BackOffice
import Hummingbird

/// The `/api/v1` operations of `CannedReplyController` and the bulk action of
/// `TicketController`, with the parameters and schemas only they use.
extension OpenAPIDocument {
    static var cannedReplyOperations: [Operation] {
        let reply = [parameter("replyId")]
        return [
            Operation(
                method: .get, path: "/api/v1/canned-replies", id: "listCannedReplies", tag: "canned-replies",
                summary: "Canned replies: one set, or every set the caller may read",
                description: """
                    Without `org`: the county-wide set (for the county's support desk and county admins) and the sets of \
                    the organisations where the caller holds a role. With `org`: that organisation's set (the county's own \
                    organisation's code names the county-wide set).
                    """,
                parameters: [parameter("replySet"), parameter("limit"), parameter("cursor")],
                answers: [.init(status: 200, description: "A page of canned replies, by title", schema: ref("CannedReplyPage"))],
                problems: [403, 404, 422]),
            Operation(
                method: .post, path: "/api/v1/canned-replies", id: "createCannedReply", tag: "canned-replies",
                summary: "Add a canned reply to a set",
                description: """
                    Without `org`: to the county-wide set (county admins and support agents); with `org`: to that \
                    organisation's set (its org admins, county admins). An unknown placeholder, a Finnish personal \
                    identity code or a title the set already has is refused.
                    """,
                body: "NewCannedReply",
                answers: [.init(status: 201, description: "The canned reply", schema: ref("CannedReply"))],
                problems: [403, 404, 409, 422]),
            Operation(
                method: .get, path: "/api/v1/canned-replies/{replyId}", id: "showCannedReply", tag: "canned-replies",
                summary: "One canned reply", parameters: reply,
                answers: [.init(status: 200, description: "The canned reply", schema: ref("CannedReply"))],
                problems: [404]),
            Operation(
                method: .put, path: "/api/v1/canned-replies/{replyId}", id: "replaceCannedReply", tag: "canned-replies",
                summary: "Change a canned reply (every field again)", parameters: reply, body: "CannedReplyFields",
                answers: [.init(status: 200, description: "The canned reply as changed", schema: ref("CannedReply"))],
                problems: [403, 404, 409, 422]),
            Operation(
                method: .delete, path: "/api/v1/canned-replies/{replyId}", id: "deleteCannedReply", tag: "canned-replies",
                summary: "Remove a canned reply", parameters: reply,
                answers: [.init(status: 204, description: "Removed")],
                problems: [403, 404]),
            Operation(
                method: .post, path: "/api/v1/canned-replies/{replyId}/render", id: "renderCannedReply", tag: "canned-replies",
                summary: "A canned reply filled from a ticket, to edit before sending; counts as a use",
                description: """
                    The placeholders (\(CannedReplyPlaceholder.namesListed)) take the ticket's and the caller's values. \
                    Nothing is sent: the text goes to the composer, and the comment is refused there too if it holds an \
                    identity code. A reply of another organisation's set is not found.
                    """,
                parameters: reply, body: "CannedReplyRender",
                answers: [.init(status: 200, description: "The filled text", schema: ref("FilledCannedReply"))],
                problems: [403, 404, 422]),
        ]
    }

    static var bulkOperation: Operation {
        Operation(
            method: .post, path: "/api/v1/tickets/bulk", id: "bulkTickets", tag: "tickets",
            summary: "One action on up to 200 tickets, each changed on its own",
            description: """
                Assign, change status or priority, or add the same internal note, with one reason kept in each ticket's \
                history. Each ticket changes in its own transaction, against its own `version` when given, through the \
                status machine; a refusal of one never undoes another, and the answer says what became of each. \
                More than \(TicketBulkAction.limit) tickets, no reason or an invalid action is refused whole (422).
                """,
            body: "TicketBulk",
            answers: [.init(status: 200, description: "What became of each ticket", schema: ref("TicketBulkResult"))],
            problems: [422])
    }

    static var cannedReplyParameters: JSON {
        [
            "replyId": [
                "name": "replyId", "in": "path", "required": true, "description": "The canned reply's id",
                "schema": ["type": "string", "format": "uuid"],
            ],
            "replySet": [
                "name": "org", "in": "query", "required": false,
                "description": "Only this organisation's set (its code); the county's own code names the county-wide set",
                "schema": string,
            ],
        ]
    }

    static var cannedReplySchemas: JSON {
        let body = string.merging(["minLength": 1, "maxLength": 10_000])
        return [
            "CannedReply": object(
                required: [
                    "id": uuid, "county_wide": boolean, "title": string, "body_fi": string,
                    "use_count": integer.described("How many times it was inserted into a composer"), "updated_at": dateTime,
                ],
                optional: [
                    "organisation": string.described("The code of the organisation whose set it is; absent for the county-wide set"),
                    "body_en": string, "last_used_at": dateTime,
                ]),
            "CannedReplyPage": page(of: "CannedReply"),
            "NewCannedReply": object(
                required: ["title": string.limited(120), "body_fi": body.described("Finnish, with placeholders such as `{{viite}}`")],
                optional: [
                    "org": nullable(string).described("The organisation's code; absent: the county-wide set"),
                    "body_en": nullable(string).described("English; absent or empty: none"),
                ]),
            "CannedReplyFields": object(
                required: ["title": string.limited(120), "body_fi": body],
                optional: ["body_en": nullable(string).described("Absent or empty: none")]),
            "CannedReplyRender": object(
                required: ["ticket": string.described("The ticket's reference, e.g. `OULU-TK-42`")],
                optional: ["language": nullable(["type": "string", "enum": ["fi", "en"]]).described("`fi` when absent")]),
            "FilledCannedReply": object(required: [
                "reply_id": uuid, "title": string,
                "language": ["type": "string", "enum": ["fi", "en"], "description": "`fi` where the reply has no English body"],
                "body": string,
            ]),
            "TicketBulk": object(
                required: [
                    "tickets": array(of: object(
                        required: ["reference": string.described("e.g. `OULU-TK-42`")],
                        optional: ["version": nullable(integer.merging(["minimum": 1])).described("The version it was ticked at; a changed one is refused")]))
                        .merging(["minItems": 1, "maxItems": .integer(TicketBulkAction.limit)]),
                    "action": enumeration(TicketBulkAction.Name.self),
                    "reason": string.limited(1000),
                ],
                optional: [
                    "value": nullable(string).described("""
                        assign: an e-mail, `me`, or empty for nobody; status: \(TicketStatus.namesListed); \
                        priority: \(TicketPriority.namesListed); note: the note's text
                        """),
                ]),
            "TicketBulkResult": object(required: [
                "changed": integer, "unchanged": integer, "refused": integer,
                "results": array(of: object(
                    required: ["reference": string, "outcome": ["type": "string", "enum": ["changed", "unchanged", "refused"]]],
                    optional: [
                        "version": integer.described("The ticket's new version, when changed"),
                        "refusal": ["type": "string", "enum": ["not_found", "forbidden", "stale", "conflict", "invalid", "failed"]],
                        "reason": string.described("Why it was refused, led by the reference"),
                    ])),
            ]),
        ]
    }
}
