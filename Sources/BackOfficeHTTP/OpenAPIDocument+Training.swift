import BackOffice
import Hummingbird

/// The `/api/v1` operations of `TrainingController`, in the order it adds them, with the
/// parameters and schemas only they use.
extension OpenAPIDocument {
    static var trainingOperations: [Operation] {
        let page = [parameter("limit"), parameter("cursor")]
        let filters = ["trainingStatus", "course", "overdue", "expiring_within_days"].map(parameter)
        let task = [parameter("code"), parameter("taskId"), parameter("ifMatch")]
        let moved = "The task in its new status, with its version as `ETag`"
        return [
            Operation(
                method: .get, path: "/api/v1/me/training", id: "myTraining", tag: "training",
                summary: "The caller's training tasks in every organisation where they hold a role, by due date",
                parameters: filters + page,
                answers: [.init(status: 200, description: "A page of tasks", schema: ref("TrainingTaskPage"))],
                problems: [422]),
            Operation(
                method: .get, path: "/api/v1/orgs/{code}/training", id: "listTraining", tag: "training",
                summary: "The organisation's training tasks, by due date",
                description: "Those who may not assign training (professionals) get only their own tasks.",
                parameters: [parameter("code"), parameter("person")] + filters + page,
                answers: [.init(status: 200, description: "A page of tasks", schema: ref("TrainingTaskPage"))],
                problems: [403, 404, 422]),
            Operation(
                method: .post, path: "/api/v1/orgs/{code}/training", id: "assignTraining", tag: "training",
                summary: "Assign a course to a member (org admins, Omaolo contacts, county admins)",
                description: "An open task of the same course for the same person is a 409.",
                parameters: [parameter("code"), parameter("idempotencyKey")], body: "TrainingAssignment",
                answers: .made("The task, with its version as `ETag`", schema: ref("TrainingTask")),
                problems: [403, 404, 409, 422]),
            Operation(
                method: .post, path: "/api/v1/orgs/{code}/training/bulk", id: "bulkAssignTraining", tag: "training",
                summary: "Assign a course to every holder of a role in the organisation",
                description: """
                    Skips those who have the course covered: an open or waived task, or a completion still valid. \
                    Running it again assigns nothing new.
                    """,
                parameters: [parameter("code")], body: "TrainingBulkAssignment",
                answers: [.init(status: 200, description: "The tasks made now (none when everyone was covered)", schema: ref("TrainingTaskList"))],
                problems: [403, 404, 422]),
            Operation(
                method: .get, path: "/api/v1/orgs/{code}/training/progress", id: "trainingProgress", tag: "training",
                summary: "Progress per course and role in the organisation, today",
                parameters: [parameter("code")],
                answers: [.init(status: 200, description: "One row per course and role", schema: ref("TrainingProgressList"))],
                problems: [403, 404]),
            Operation(
                method: .post, path: "/api/v1/orgs/{code}/training/{taskId}/start", id: "startTraining", tag: "training",
                summary: "Start a task (one's own, or anyone's for those who assign training)",
                parameters: task, answers: [.init(status: 200, description: moved, schema: ref("TrainingTask"))],
                problems: [400, 403, 404, 409, 412]),
            Operation(
                method: .post, path: "/api/v1/orgs/{code}/training/{taskId}/complete", id: "completeTraining", tag: "training",
                summary: "Complete a task with evidence; it expires the course's validity later",
                parameters: task, body: "TrainingCompletion",
                answers: [.init(status: 200, description: moved, schema: ref("TrainingTask"))],
                problems: [403, 404, 409, 412, 422]),
            Operation(
                method: .post, path: "/api/v1/orgs/{code}/training/{taskId}/waive", id: "waiveTraining", tag: "training",
                summary: "Waive someone else's task, with a reason",
                parameters: task, body: "TrainingWaiver",
                answers: [.init(status: 200, description: moved, schema: ref("TrainingTask"))],
                problems: [403, 404, 409, 412, 422]),
            Operation(
                method: .get, path: "/api/v1/training/courses", id: "listCourses", tag: "training",
                summary: "The county's course catalogue", parameters: [parameter("include_inactive")],
                answers: [.init(status: 200, description: "The courses, by code", schema: ref("CourseList"))], problems: [422]),
            Operation(
                method: .post, path: "/api/v1/training/courses", id: "createCourse", tag: "training",
                summary: "Add a course to the catalogue (county admins)", body: "NewCourse",
                answers: [.init(status: 201, description: "The course", schema: ref("Course"))],
                problems: [403, 409, 422]),
        ]
    }

    static var trainingParameters: JSON {
        func query(_ name: String, _ description: String, _ schema: JSON = string) -> JSON {
            ["name": .string(name), "in": "query", "required": false, "description": .string(description), "schema": schema]
        }
        return [
            "taskId": [
                "name": "taskId", "in": "path", "required": true, "description": "The training task's id",
                "schema": ["type": "string", "format": "uuid"],
            ],
            "trainingStatus": query("status", "Statuses, comma-separated: \(TrainingStatus.namesListed)"),
            "person": query("person", "Only this person's tasks (their e-mail)"),
            "course": query("course", "Only this course's tasks (its code)"),
            "overdue": query("overdue", "`true`: only open tasks past their due date", ["type": "boolean", "default": false]),
            "expiring_within_days": query(
                "expiring_within_days", "Only completions still valid that expire within this many days",
                ["type": "integer", "minimum": 0, "maximum": 3650]),
            "include_inactive": query(
                "include_inactive", "`true` lists courses no longer in use too", ["type": "boolean", "default": false]),
        ]
    }

    static var trainingSchemas: JSON {
        let day: JSON = ["type": "string", "format": "date", "description": "YYYY-MM-DD"]
        let roles = array(of: enumeration(OrganisationRole.self))
        return [
            "TrainingTask": object(
                required: [
                    "id": uuid,
                    "organisation": string.described("The organisation's code"),
                    "person_email": email,
                    "person_name": string,
                    "course": string.described("The course's code"),
                    "course_title": string,
                    "due_date": day,
                    "status": enumeration(TrainingStatus.self),
                    "assigned_at": dateTime,
                    "version": integer.described("Also the `ETag`"),
                    "updated_at": dateTime,
                ],
                optional: [
                    "waived_reason": string,
                    "completed_on": day,
                    "evidence_kind": enumeration(TrainingEvidence.Kind.self),
                    "evidence_reference": string,
                    "expires_on": day.described("When the completion expires; absent if it never does"),
                    "renewal_of": uuid.described("The completed task this one renews"),
                    "assigned_by": email.described("Absent when the system assigned it (a role grant, the renewal job)"),
                ]),
            "TrainingTaskPage": page(of: "TrainingTask"),
            "TrainingTaskList": object(required: ["items": array(of: ref("TrainingTask"))]),
            "TrainingAssignment": object(
                required: ["course": string.described("The course's code"), "person": email.described("A member of the organisation")],
                optional: ["due_date": nullable(day).described("Default: the course's days to complete from today")]),
            "TrainingBulkAssignment": object(
                required: ["course": string.described("The course's code"), "role": enumeration(OrganisationRole.self)],
                optional: ["due_date": nullable(day).described("Default: the course's days to complete from today")]),
            "TrainingCompletion": object(
                required: ["evidence_kind": enumeration(TrainingEvidence.Kind.self), "evidence_reference": string.limited(500)],
                optional: ["completed_on": nullable(day).described("Default today; not in the future")]),
            "TrainingWaiver": object(required: ["reason": string.limited(1000)]),
            "TrainingProgress": object(
                required: [
                    "organisation": string, "course": string, "course_title": string,
                    "assigned": integer, "in_progress": integer,
                    "completed_valid": integer.described("Completed and not expired"),
                    "expired": integer.described("Completed, and the completion has expired"),
                    "waived": integer,
                    "overdue": integer.described("Assigned or in progress and past the due date (also counted there)"),
                ],
                optional: ["role": enumeration(OrganisationRole.self).described("Absent for people who hold no role now")]),
            "TrainingProgressList": object(required: ["items": array(of: ref("TrainingProgress"))]),
            "Course": object(
                required: [
                    "id": uuid, "code": string, "title": string, "description": string,
                    "mandatory_for": roles.described("Granting one of these roles assigns the course"),
                    "days_to_complete": integer, "active": boolean,
                    "waiver_counts": boolean.described("Whether a waived task counts as holding the course for deployment readiness"),
                ],
                optional: ["validity_months": integer.described("How long a completion stays valid; absent: forever")]),
            "CourseList": object(required: ["items": array(of: ref("Course"))]),
            "NewCourse": object(
                required: ["code": string.described("lowercase_snake_case, 2 to 40 characters"), "title": string.limited(200)],
                optional: [
                    "description": nullable(string).merging(["maxLength": 10_000]),
                    "mandatory_for": nullable(roles),
                    "days_to_complete": nullable(["type": "integer", "minimum": 1, "maximum": 3650, "default": 30]),
                    "validity_months": nullable(["type": "integer", "minimum": 1, "maximum": 600]),
                    "waiver_counts": nullable(["type": "boolean", "default": false]),
                ]),
        ]
    }
}
