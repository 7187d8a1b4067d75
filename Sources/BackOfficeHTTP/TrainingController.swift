import BackOffice
import Foundation
import Hummingbird

/// `/api/v1/me/training`, `/api/v1/orgs/{code}/training…` and `/api/v1/training/courses`:
/// the course catalogue, assigning courses and moving tasks. A task's `ETag` is its version;
/// `If-Match` on a move refuses it if the task changed meanwhile.
struct TrainingController {
    typealias Context = BackOfficeRequestContext
    let training: TrainingService
    /// Signs the cursors of the lists.
    let cursors: any CursorSeal

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("me/training", use: mine)
        group.get("orgs/{code}/training", use: list)
        group.post("orgs/{code}/training", use: assign)
        group.post("orgs/{code}/training/bulk", use: bulkAssign)
        group.get("orgs/{code}/training/progress", use: progress)
        group.post("orgs/{code}/training/{taskId}/start", use: start)
        group.post("orgs/{code}/training/{taskId}/complete", use: complete)
        group.post("orgs/{code}/training/{taskId}/waive", use: waive)
        group.get("training/courses", use: courses)
        group.post("training/courses", use: createCourse)
    }

    @Sendable func mine(_ request: Request, context: Context) async throws -> AccessBodies.Page<TrainingBodies.TaskBody> {
        let query = try Self.query(request)
        if query.person != nil { throw BackOfficeError.invalid("person", "is not a filter of your own tasks") }
        return try page(try await training.myTasks(query, for: try context.requirePrincipal()), request)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> AccessBodies.Page<TrainingBodies.TaskBody> {
        try page(try await training.tasks(
            try Self.query(request), in: try context.parameters.require("code"), for: try context.requirePrincipal()), request)
    }

    @Sendable func assign(_ request: Request, context: Context) async throws -> Response {
        let body = try await request.decodeJSON(as: TrainingBodies.Assignment.self, context: context)
        let made = try await training.assign(
            body.course, to: body.person, in: try context.parameters.require("code"),
            dueDate: try LocalDate.parsed(body.dueDate, field: "due_date"), idempotencyKey: request.idempotencyKey,
            by: try context.requirePrincipal())
        var response = try Self.tagged(made.task, request: request, context: context)
        response.status = .made(made.created)
        return response
    }

    @Sendable func bulkAssign(_ request: Request, context: Context) async throws -> TrainingBodies.List<TrainingBodies.TaskBody> {
        let body = try await request.decodeJSON(as: TrainingBodies.BulkAssignment.self, context: context)
        let tasks = try await training.bulkAssign(
            body.course, toHoldersOf: body.role, in: try context.parameters.require("code"),
            dueDate: try LocalDate.parsed(body.dueDate, field: "due_date"), by: try context.requirePrincipal())
        return TrainingBodies.List(items: tasks.map(TrainingBodies.TaskBody.init))
    }

    @Sendable func progress(_ request: Request, context: Context) async throws -> TrainingBodies.List<TrainingBodies.ProgressBody> {
        let rows = try await training.progress(in: try context.parameters.require("code"), for: try context.requirePrincipal())
        return TrainingBodies.List(items: rows.map(TrainingBodies.ProgressBody.init))
    }

    @Sendable func start(_ request: Request, context: Context) async throws -> Response {
        let task = try await training.start(
            try Self.taskID(context), in: try context.parameters.require("code"), expectedVersion: try request.ifMatchVersion(),
            by: try context.requirePrincipal())
        return try Self.tagged(task, request: request, context: context)
    }

    @Sendable func complete(_ request: Request, context: Context) async throws -> Response {
        let body = try await request.decodeJSON(as: TrainingBodies.Completion.self, context: context)
        let task = try await training.complete(
            try Self.taskID(context), in: try context.parameters.require("code"),
            on: try LocalDate.parsed(body.completedOn, field: "completed_on"), evidenceKind: body.evidenceKind,
            evidenceReference: body.evidenceReference, expectedVersion: try request.ifMatchVersion(),
            by: try context.requirePrincipal())
        return try Self.tagged(task, request: request, context: context)
    }

    @Sendable func waive(_ request: Request, context: Context) async throws -> Response {
        let body = try await request.decodeJSON(as: TrainingBodies.Waiver.self, context: context)
        let task = try await training.waive(
            try Self.taskID(context), in: try context.parameters.require("code"), reason: body.reason,
            expectedVersion: try request.ifMatchVersion(), by: try context.requirePrincipal())
        return try Self.tagged(task, request: request, context: context)
    }

    @Sendable func courses(_ request: Request, context: Context) async throws -> TrainingBodies.List<TrainingBodies.CourseBody> {
        let all = try request.booleanQuery("include_inactive")
        let courses = try await training.courses(includeInactive: all, for: try context.requirePrincipal())
        return TrainingBodies.List(items: courses.map(TrainingBodies.CourseBody.init))
    }

    @Sendable func createCourse(_ request: Request, context: Context) async throws -> EditedResponse<TrainingBodies.CourseBody> {
        let body = try await request.decodeJSON(as: TrainingBodies.NewCourseBody.self, context: context)
        let course = try await training.createCourse(body.course, by: try context.requirePrincipal())
        return EditedResponse(status: .created, response: TrainingBodies.CourseBody(course))
    }

    private func page(_ tasks: [TrainingTask], _ request: Request) throws -> AccessBodies.Page<TrainingBodies.TaskBody> {
        try Pagination(request, cursors: cursors).page(tasks, key: { "\($0.dueDate)|\($0.organisationCode)|\($0.id.wire)" }, body: TrainingBodies.TaskBody.init)
    }

    /// The task as the answer, with its version as the `ETag`.
    private static func tagged(_ task: TrainingTask, request: Request, context: Context) throws -> Response {
        var response = try TrainingBodies.TaskBody(task).response(from: request, context: context)
        response.headers[.eTag] = "\"\(task.version)\""
        return response
    }

    private static func taskID(_ context: Context) throws -> UUID {
        guard let id = UUID(uuidString: try context.parameters.require("taskId")) else {
            throw BackOfficeError.notFound("training task \(context.parameters.get("taskId") ?? "")")
        }
        return id
    }

    /// The list's filters from the query string; statuses repeated or comma-separated.
    static func query(_ request: Request) throws -> TrainingQuery {
        let parameters = request.uri.queryParameters
        var errors = FieldErrors()
        var days: Int?
        if let text = parameters["expiring_within_days"] {
            days = Int(String(text))
            if days == nil { errors.add("expiring_within_days", "must be a whole number") }
        }
        let overdue = parameters["overdue"].map(String.init)
        if let overdue, overdue != "true", overdue != "false" { errors.add("overdue", "must be true or false") }
        try errors.throwIfAny()
        return TrainingQuery(
            statuses: parameters.getAll("status").flatMap { $0.split(separator: ",").map(String.init) },
            person: parameters["person"].map(String.init), course: parameters["course"].map(String.init),
            overdue: overdue == "true", expiringWithinDays: days)
    }
}
