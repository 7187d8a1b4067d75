import ArgumentParser
import BackOffice
import BackOfficePostgres
import Foundation

/// `backoffice training …`: the course catalogue and the training tasks of the organisations' people.
struct TrainingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training",
        abstract: "Keep the course catalogue, assign courses and follow people's training.",
        discussion: """
            Days are YYYY-MM-DD, in Finland. Granting a role assigns its mandatory courses by itself; a task is named by its id
            (from `training list` or `training mine`).
            """,
        subcommands: [CourseCommand.self, Assign.self, BulkAssign.self, Start.self, Complete.self, Waive.self, List.self, Mine.self,
                      Progress.self, Renew.self])

    /// The filters of `list` and `mine`.
    struct Filters: ParsableArguments {
        @Option(help: "Statuses, comma-separated: assigned, in_progress, completed, waived.") var status: String?
        @Option(help: "Only this course's tasks (its code).") var course: String?
        @Flag(help: "Only open tasks past their due date.") var overdue = false
        @Option(help: "Only completions still valid that expire within this many days.") var expiringWithin: Int?

        func query(person: String? = nil) -> TrainingQuery {
            TrainingQuery(
                statuses: status.map { $0.split(separator: ",").map(String.init) } ?? [], person: person, course: course,
                overdue: overdue, expiringWithinDays: expiringWithin)
        }
    }

    /// The task a command moves, and the version it was read at.
    struct TaskLocator: ParsableArguments {
        @Argument(help: "The task's id.") var task: String
        @Option(help: "Organisation code.") var org: String
        @Option(help: "The version you read; refused if it changed meanwhile.") var version: Int?

        var id: UUID {
            get throws {
                guard let id = UUID(uuidString: task) else { throw BackOfficeError.notFound("training task \(task)") }
                return id
            }
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Assign a course to a member of an organisation.")
        @OptionGroup var acting: ActingOptions
        @Option(help: "Organisation code.") var org: String
        @Option(help: "The course's code.") var course: String
        @Option(help: "The member's e-mail.") var person: String
        @Option(help: "Due date (default: the course's days to complete from today).") var due: String?

        func run() async throws {
            try await reportingFailures {
                let dueDate = try LocalDate.parsed(due, field: "due")
                try await acting.withTrainingService { service, principal in
                    let task = try await service.assign(course, to: person, in: org, dueDate: dueDate, by: principal).task
                    acting.format.print(record: TrainingTable.fields(task))
                }
            }
        }
    }

    struct BulkAssign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bulk-assign",
            abstract: "Assign a course to every holder of a role in an organisation who has not covered it yet; safe to run again.")
        @OptionGroup var acting: ActingOptions
        @Option(help: "Organisation code.") var org: String
        @Option(help: "The course's code.") var course: String
        @Option(help: "org_admin, omaolo_contact or professional.") var role: String
        @Option(help: "Due date (default: the course's days to complete from today).") var due: String?

        func run() async throws {
            try await reportingFailures {
                let dueDate = try LocalDate.parsed(due, field: "due")
                try await acting.withTrainingService { service, principal in
                    let tasks = try await service.bulkAssign(course, toHoldersOf: role, in: org, dueDate: dueDate, by: principal)
                    acting.format.print(columns: TrainingTable.taskColumns, rows: tasks.map(TrainingTable.row))
                    printError("backoffice: \(tasks.count) tasks assigned")
                }
            }
        }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start a task: your own, or anyone's if you assign training.")
        @OptionGroup var acting: ActingOptions
        @OptionGroup var locator: TaskLocator

        func run() async throws {
            try await reportingFailures {
                let id = try locator.id
                try await acting.withTrainingService { service, principal in
                    let task = try await service.start(id, in: locator.org, expectedVersion: locator.version, by: principal)
                    acting.format.print(record: TrainingTable.fields(task))
                }
            }
        }
    }

    struct Complete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Complete a task with evidence; it expires the course's validity later.")
        @OptionGroup var acting: ActingOptions
        @OptionGroup var locator: TaskLocator
        @Option(help: "webinar, e_learning, exam or other.") var evidenceKind: String
        @Option(help: "What the evidence is found by, e.g. a certificate number.") var evidenceRef: String
        @Option(help: "Completion day (default today; not in the future).") var on: String?

        func run() async throws {
            try await reportingFailures {
                let id = try locator.id
                let day = try LocalDate.parsed(on, field: "on")
                try await acting.withTrainingService { service, principal in
                    let task = try await service.complete(
                        id, in: locator.org, on: day, evidenceKind: evidenceKind, evidenceReference: evidenceRef,
                        expectedVersion: locator.version, by: principal)
                    acting.format.print(record: TrainingTable.fields(task))
                }
            }
        }
    }

    struct Waive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Waive someone else's task, with a reason.")
        @OptionGroup var acting: ActingOptions
        @OptionGroup var locator: TaskLocator
        @Option(help: "Why the person need not take the course.") var reason: String

        func run() async throws {
            try await reportingFailures {
                let id = try locator.id
                try await acting.withTrainingService { service, principal in
                    let task = try await service.waive(id, in: locator.org, reason: reason, expectedVersion: locator.version, by: principal)
                    acting.format.print(record: TrainingTable.fields(task))
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "An organisation's tasks by due date (your own only, unless you assign training there).")
        @OptionGroup var acting: ActingOptions
        @Option(help: "Organisation code.") var org: String
        @Option(help: "Only this person's tasks (their e-mail).") var person: String?
        @OptionGroup var filters: Filters

        func run() async throws {
            try await reportingFailures {
                try await acting.withTrainingService { service, principal in
                    let tasks = try await service.tasks(filters.query(person: person), in: org, for: principal)
                    acting.format.print(columns: TrainingTable.taskColumns, rows: tasks.map(TrainingTable.row))
                }
            }
        }
    }

    struct Mine: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Your own tasks in every organisation where you hold a role.")
        @OptionGroup var acting: ActingOptions
        @OptionGroup var filters: Filters

        func run() async throws {
            try await reportingFailures {
                try await acting.withTrainingService { service, principal in
                    let tasks = try await service.myTasks(filters.query(), for: principal)
                    acting.format.print(columns: TrainingTable.taskColumns, rows: tasks.map(TrainingTable.row))
                }
            }
        }
    }

    struct Progress: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tasks per course and role today: assigned, in progress, completed and valid, expired, waived, overdue.")
        @OptionGroup var acting: ActingOptions
        @Option(help: "Organisation code; leave out for every organisation (county admins).") var org: String?

        func run() async throws {
            try await reportingFailures {
                try await acting.withTrainingService { service, principal in
                    let rows = try await service.progress(in: org, for: principal)
                    acting.format.print(columns: TrainingTable.progressColumns, rows: rows.map(TrainingTable.row))
                }
            }
        }
    }

    struct Renew: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a renewal task for each completion that expires within --within-days days and has none yet; safe to run again.")
        @OptionGroup var acting: ActingOptions
        @Option(help: "Organisation code; leave out for every organisation (county admins).") var org: String?
        @Option(help: "Completions expiring within this many days (or expired) are renewed.") var withinDays = 30

        func run() async throws {
            try await reportingFailures {
                try await acting.withTrainingService { service, principal in
                    let tasks = try await service.renew(in: org, withinDays: withinDays, by: principal)
                    acting.format.print(columns: TrainingTable.taskColumns, rows: tasks.map(TrainingTable.row))
                    printError("backoffice: \(tasks.count) renewal tasks opened")
                }
            }
        }
    }
}

/// `backoffice training course …`: the county's catalogue.
struct CourseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course", abstract: "List, add and change the courses of the catalogue (changes: county admins).",
        subcommands: [List.self, Create.self, Update.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The courses, by code.")
        @OptionGroup var acting: ActingOptions
        @Flag(help: "Also the courses no longer in use.") var all = false

        func run() async throws {
            try await reportingFailures {
                try await acting.withTrainingService { service, principal in
                    let courses = try await service.courses(includeInactive: all, for: principal)
                    acting.format.print(columns: TrainingTable.courseColumns, rows: courses.map(TrainingTable.row))
                }
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a course.")
        @OptionGroup var acting: ActingOptions
        @Option(help: "lowercase_snake_case code.") var code: String
        @Option(help: "Title (1 to 200 characters).") var title: String
        @Option(help: "Description.") var description = ""
        @Option(help: "Roles it is mandatory for, comma-separated: org_admin, omaolo_contact, professional.") var mandatoryFor: String?
        @Option(help: "Days from assignment to the due date (default 30).") var daysToComplete: Int?
        @Option(help: "Months a completion stays valid (default: forever).") var validityMonths: Int?
        @Flag(help: "A waived task counts as holding the course (deployment readiness).") var waiverCounts = false

        func run() async throws {
            try await reportingFailures {
                let new = NewCourse(
                    code: code, title: title, description: description, mandatoryFor: CourseCommand.roles(mandatoryFor) ?? [],
                    daysToComplete: daysToComplete, validityMonths: validityMonths, waiverCounts: waiverCounts)
                try await acting.withTrainingService { service, principal in
                    let course = try await service.createCourse(new, by: principal)
                    acting.format.print(columns: TrainingTable.courseColumns, rows: [TrainingTable.row(course)])
                }
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a course; tasks already assigned keep their dates.")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The course's code.") var code: String
        @Option(help: "New title.") var title: String?
        @Option(help: "New description.") var description: String?
        @Option(help: "Roles it is mandatory for, comma-separated; \"\" for none.") var mandatoryFor: String?
        @Option(help: "Days from assignment to the due date.") var daysToComplete: Int?
        @Option(help: "Months a completion stays valid; 0 for forever.") var validityMonths: Int?
        @Flag(inversion: .prefixedNo, help: "Whether the course is in use (--no-active retires it).") var active: Bool?
        @Flag(inversion: .prefixedNo, help: "Whether a waived task counts as holding the course (deployment readiness).")
        var waiverCounts: Bool?

        func run() async throws {
            try await reportingFailures {
                let changes = CourseChanges(
                    title: title, description: description, mandatoryFor: CourseCommand.roles(mandatoryFor),
                    daysToComplete: daysToComplete, validityMonths: validityMonths, active: active, waiverCounts: waiverCounts)
                try await acting.withTrainingService { service, principal in
                    let course = try await service.updateCourse(code, with: changes, by: principal)
                    acting.format.print(columns: TrainingTable.courseColumns, rows: [TrainingTable.row(course)])
                }
            }
        }
    }

    /// `org_admin,professional` as a list; nil for nil, empty for "".
    static func roles(_ text: String?) -> [String]? {
        text.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }
}

extension ActingOptions {
    /// Runs `body` with the training service (its mails as the environment's mail settings
    /// say) and the acting principal.
    func withTrainingService(_ body: (TrainingService, Principal) async throws -> Void) async throws {
        let mail = try MailSettings.fromEnvironment(ProcessInfo.processInfo.environment)
        try await withAppPool { pool in
            let roles = RoleService(store: PostgresAccessStore(pool: pool), mail: mail)
            let service = TrainingService(store: PostgresTrainingStore(pool: pool), access: roles, mail: mail)
            try await body(service, try await roles.principal(email: actor, interface: .cli))
        }
    }
}
