import BackOffice
import Hummingbird

/// The `/api/v1` operations of the desk's tools (`SavedViewController`, then
/// `TicketMergeController`), with the parameters and schemas only they use.
extension OpenAPIDocument {
    static var deskOperations: [Operation] {
        let view = [parameter("viewId")]
        return [
            Operation(
                method: .get, path: "/api/v1/views", id: "listSavedViews", tag: "views",
                summary: "The caller's saved views of the queue and the desk's shared ones",
                description: "For those who work tickets. Apply a view's `filters` to `GET /api/v1/tickets` (or an organisation's queue).",
                answers: [.init(status: 200, description: "The views, own first, by name", schema: ref("SavedViewPage"))],
                problems: [403]),
            Operation(
                method: .post, path: "/api/v1/views", id: "saveView", tag: "views",
                summary: "Save the queue's filters under a name",
                description: "The caller's own view; `shared` (county admins only, else 403) shows it to the whole desk. A name the caller already uses is a 409.",
                body: "NewSavedView",
                answers: [.init(status: 201, description: "The view", schema: ref("SavedView"))],
                problems: [403, 409, 422]),
            Operation(
                method: .patch, path: "/api/v1/views/{viewId}", id: "renameView", tag: "views",
                summary: "Rename a view (its owner only)",
                description: "Someone else's shared view is a 403; a view the caller cannot see a 404.",
                parameters: view, body: "SavedViewRename",
                answers: [.init(status: 200, description: "The renamed view", schema: ref("SavedView"))],
                problems: [403, 404, 409, 422]),
            Operation(
                method: .delete, path: "/api/v1/views/{viewId}", id: "deleteView", tag: "views",
                summary: "Delete a view (its owner only)", parameters: view,
                answers: [.init(status: 204, description: "Deleted")],
                problems: [403, 404]),
            Operation(
                method: .post, path: "/api/v1/orgs/{code}/tickets/{ref}/merge", id: "mergeTicket", tag: "tickets",
                summary: "Merge a duplicate into its original (support side)",
                description: """
                    Closes the ticket `ref` with a link to `into` (a ticket of the same organisation), the one way a ticket \
                    reaches `closed` without being resolved; a history entry on both. Its comments appear in the original's \
                    thread; the original's SLA stays its own. Into itself or another organisation's ticket: 422; into a \
                    closed ticket, or of a closed one: 409; with `If-Match`, a stale version of `ref`: 412.
                    """,
                parameters: [parameter("code"), parameter("ref"), parameter("ifMatch")], body: "TicketMerge",
                answers: [.init(status: 200, description: "The closed duplicate (its version as `ETag`) and the original",
                                schema: ref("TicketMerged"))],
                problems: [403, 404, 409, 412, 422]),
        ]
    }

    static var deskParameters: JSON {
        [
            "viewId": [
                "name": "viewId", "in": "path", "required": true, "description": "The view's id",
                "schema": ["type": "string", "format": "uuid"],
            ],
        ]
    }

    static var deskSchemas: JSON {
        let filters = object(
            "A queue's filters; each absent when not set",
            required: [:],
            optional: [
                "queue": nullable(enumeration(NamedQueue.self)).described("A named queue"),
                "organisation": nullable(string).described("An organisation's code"),
                "status": nullable(enumeration(TicketStatus.self)).described("Absent: the unresolved tickets"),
                "priority": nullable(enumeration(TicketPriority.self)),
                "category": nullable(enumeration(TicketCategory.self)),
                "service": nullable(string).described("An Omaolo service code"),
                "text": nullable(string).merging(["maxLength": 200]).described("Words to search for"),
            ]).merging(["additionalProperties": false])
        return [
            "SavedView": object(required: [
                "id": uuid, "name": string, "shared": boolean.described("Seen by the whole desk"),
                "owner": email.described("Who saved it; only they rename or delete it"), "filters": filters,
                "created_at": dateTime,
            ]),
            "SavedViewPage": page(of: "SavedView"),
            "NewSavedView": object(
                required: ["name": string.limited(80)],
                optional: ["shared": nullable(boolean).described("County admins only; false when absent"), "filters": filters]),
            "SavedViewRename": object(required: ["name": string.limited(80)]),
            "TicketMerge": object(required: ["into": string.described("The original's reference, e.g. `OULU-TK-42`, or its number")]),
            "TicketMerged": object(required: ["merged": ref("Ticket"), "into": ref("Ticket")]),
        ]
    }
}
