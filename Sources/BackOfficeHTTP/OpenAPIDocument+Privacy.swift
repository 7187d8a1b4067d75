import Hummingbird

/// The operation and schemas of `PrivacyController`.
extension OpenAPIDocument {
    static var privacyOperations: [Operation] {
        func query(_ name: String, _ description: String) -> JSON {
            ["name": .string(name), "in": "query", "required": false, "description": .string(description), "schema": string]
        }
        return [
            Operation(
                method: .get, path: "/api/v1/privacy/access-report", id: "residentAccessReport", tag: "privacy",
                summary: "A resident's extract of the access log (county admins)",
                description: """
                    Every ticket across the county whose resident contact matches `phone` (in any notation: \
                    `040 123 4567` and `+358401234567` are the same number) or `email` (exactly one of the two), and \
                    for each every read of the contact details: who, with which roles, in which organisation, when, \
                    through which interface and why (asiakastietolaki 703/2023). The report itself is written to \
                    the access log with `purpose`. Contacts already anonymised can no longer be matched; `note` says so.
                    """,
                parameters: [
                    query("phone", "The resident's phone number"), query("email", "The resident's e-mail address"), parameter("purpose"),
                ],
                answers: [.init(status: 200, description: "The extract", schema: ref("AccessReport"))],
                problems: [403, 422]),
        ]
    }

    static var privacySchemas: JSON {
        [
            "AccessReport": object(required: [
                "contact": string.described("The phone number in E.164 (`+358401234567`) or the e-mail in lower case"),
                "note": string.described("Why tickets with anonymised contact details are not listed"),
                "tickets": array(of: ref("AccessReportTicket")),
            ]),
            "AccessReportTicket": object(
                required: [
                    "reference": string, "organisation": string, "organisation_name": string, "created_at": dateTime,
                    "status": string, "reads": array(of: ref("AccessReportRead")),
                ],
                optional: ["closed_at": dateTime.described("Contact details are anonymised the retention period after this")]),
            "AccessReportRead": object(required: [
                "at": dateTime, "reader": string.described("The reader's full name"),
                "roles": array(of: string).described("The roles the reader held then, in that organisation and in the county"),
                "organisation": string, "interface": ["type": "string", "enum": ["cli", "http", "web", "system"]], "purpose": string,
            ]),
        ]
    }
}
