import Hummingbird

/// The operations and schemas of `UsageController`, in the order it adds them.
extension OpenAPIDocument {
    static var usageOperations: [Operation] {
        [
            Operation(
                method: .get, path: "/api/v1/usage/imports", id: "listUsageImports", tag: "usage",
                summary: "The usage files imported so far (county admins)", description: "Oldest first.",
                parameters: [parameter("limit"), parameter("cursor")],
                answers: [.init(status: 200, description: "A page of imports", schema: ref("UsageImportPage"))],
                problems: [403, 422]),
            Operation(
                method: .post, path: "/api/v1/usage/imports", id: "importUsage", tag: "usage",
                summary: "Import a monthly usage file (county admins)",
                description: """
                    The body is the CSV file itself. It is checked whole first: any bad line (unknown organisation \
                    or service code, a month that is not `YYYY-MM`, a count that is negative or not a whole number, \
                    a repeated organisation, service and month, a wrong number of columns, bytes that are not UTF-8) \
                    is a 422 whose `errors` name every bad line (`line 17, month`), and nothing changes. A good file \
                    replaces, for each organisation in it, the months it covers. The body may be at most 1 MiB; \
                    larger files go through `backoffice usage import FILE`, which has no limit.
                    """,
                parameters: [[
                    "name": "file_name", "in": "query", "required": false,
                    "description": "The name recorded with the import; `upload.csv` when absent",
                    "schema": ["type": "string", "maxLength": 255],
                ], parameter("idempotencyKey")],
                body: "UsageFile", bodyMediaType: "text/csv",
                answers: .made("The import's record", schema: ref("UsageImport")),
                problems: [403, 409, 422]),
        ]
    }

    static var usageSchemas: JSON {
        [
            "UsageFile": [
                "type": "string",
                "description": """
                    UTF-8 CSV with the header `organisation,service,month,started,completed,forwarded` and one row per \
                    organisation code, service code and month (`YYYY-MM`); the counts are whole numbers of 0 or more.
                    """,
                "example": "organisation,service,month,started,completed,forwarded\nOULU-TK,symptom_back_pain,2025-01,120,97,31\n",
            ],
            "UsageImport": object(required: [
                "id": uuid,
                "imported_by": email,
                "imported_at": dateTime,
                "file_name": string,
                "sha256": string.described("SHA-256 of the file, lowercase hex"),
                "row_count": integer,
                "months": array(of: ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"]).described("The months the file replaced"),
            ]),
            "UsageImportPage": page(of: "UsageImport"),
        ]
    }
}
