import BackOffice
import Hummingbird

/// The operation and schemas of `MailController`.
extension OpenAPIDocument {
    static var mailOperations: [Operation] {
        func query(_ name: String, _ description: String) -> JSON {
            ["name": .string(name), "in": "query", "required": false, "description": .string(description), "schema": string]
        }
        return [
            Operation(
                method: .get, path: "/api/v1/mail/outbox", id: "listOutbox", tag: "mail",
                summary: "The mails the desk sends, newest first (the county support desk and county admins; with `org`, those who work its tickets)",
                description: """
                    Pending, sent and failed mails with their attempts and last error, keyset paged. No addresses \
                    and no text beyond the subject, which names the ticket or the course: never a comment, so never an \
                    internal note. Sent and failed mails are removed 30 days after they were written.
                    """,
                parameters: [
                    query("status", "Statuses, comma-separated or repeated: \(OutboxStatus.namesListed); every status when absent"),
                    query("org", "Only this organisation's mails (its code)"), parameter("limit"), parameter("cursor"),
                ],
                answers: [.init(status: 200, description: "A page of mails", schema: ref("OutboxMailPage"))],
                problems: [403, 404, 422]),
        ]
    }

    static var mailSchemas: JSON {
        [
            "OutboxMailPage": page(of: "OutboxMail"),
            "OutboxMail": object(
                required: [
                    "id": uuid, "organisation": string.described("The organisation's code"), "kind": enumeration(MailKind.self),
                    "status": enumeration(OutboxStatus.self), "attempts": ["type": "integer", "minimum": 0],
                    "subject": string, "created_at": dateTime, "next_attempt_at": dateTime,
                ],
                optional: [
                    "ticket": string.described("The ticket the mail is about (`OULU-TK-42`)"),
                    "course": string.described("The course of the training task the mail is about"),
                    "sent_at": dateTime, "last_error": string.described("What the mail system said at the last failed attempt"),
                ]),
        ]
    }
}
