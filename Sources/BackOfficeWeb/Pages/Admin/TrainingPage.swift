import BackOffice
import Foundation
import Hummingbird

/// `/orgs/{CODE}/training`: progress per course and role with bars, the overdue and expiring
/// tasks, every open task with "mark done" (evidence) and "waive" (reason), and the forms to
/// assign a course to a person or to every holder of a role.
struct TrainingPage<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let pages: AdminRendering
    var training: TrainingService { pages.dependencies.training }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("orgs/:code/training", use: show)
        group.post("orgs/:code/training/assign", use: assign)
        group.post("orgs/:code/training/bulk", use: bulkAssign)
        group.post("orgs/:code/training/tasks/:task/complete", use: complete)
        group.post("orgs/:code/training/tasks/:task/waive", use: waive)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        var state = TrainingState()
        if let done = request.uri.queryParameters["done"], ["assigned", "bulk", "completed", "waived"].contains(done) {
            let count = request.uri.queryParameters["n"].map(String.init) ?? "1"
            state.notice = pages.catalogue(context).text("training_done_\(done)", ["count": count])
        }
        return try await render(try code(context), state: state, context: context)
    }

    @Sendable func assign(_ request: Request, context: Context) async throws -> Response {
        let code = try code(context), principal = try context.requireSignedIn().principal
        var state = TrainingState(context.form)
        do {
            _ = try await training.assign(state.course, to: state.person, in: code, dueDate: try state.due(), by: principal)
            return Redirect.to("/orgs/\(code)/training?done=assigned")
        } catch {
            guard let refusal = pages.refusal(error, catalogue: pages.catalogue(context)) else { throw error }
            state.assignErrors = refusal.errors
            return try await render(code, state: state, context: context, status: refusal.status)
        }
    }

    @Sendable func bulkAssign(_ request: Request, context: Context) async throws -> Response {
        let code = try code(context), principal = try context.requireSignedIn().principal
        var state = TrainingState(context.form)
        do {
            let tasks = try await training.bulkAssign(state.course, toHoldersOf: state.role, in: code, dueDate: try state.due(), by: principal)
            return Redirect.to("/orgs/\(code)/training?done=bulk&n=\(tasks.count)")
        } catch {
            guard let refusal = pages.refusal(error, catalogue: pages.catalogue(context)) else { throw error }
            state.bulkErrors = refusal.errors
            return try await render(code, state: state, context: context, status: refusal.status)
        }
    }

    @Sendable func complete(_ request: Request, context: Context) async throws -> Response {
        let code = try code(context), principal = try context.requireSignedIn().principal, id = try task(context)
        let form = CompletionForm(context.form)
        do {
            _ = try await training.complete(
                id, in: code, on: try form.day(), evidenceKind: form.kind, evidenceReference: form.reference,
                expectedVersion: Int(context.form["version"] ?? ""), by: principal)
            return Redirect.to("/orgs/\(code)/training?done=completed")
        } catch {
            return try await refusedTask(error, id: id, code: code, context: context)
        }
    }

    @Sendable func waive(_ request: Request, context: Context) async throws -> Response {
        let code = try code(context), principal = try context.requireSignedIn().principal, id = try task(context)
        do {
            _ = try await training.waive(
                id, in: code, reason: context.form["reason"], expectedVersion: Int(context.form["version"] ?? ""), by: principal)
            return Redirect.to("/orgs/\(code)/training?done=waived")
        } catch {
            return try await refusedTask(error, id: id, code: code, context: context)
        }
    }

    private func refusedTask(_ error: any Error, id: UUID, code: String, context: Context) async throws -> Response {
        guard let refusal = pages.refusal(error, catalogue: pages.catalogue(context)) else { throw error }
        var state = TrainingState()
        state.taskError = (id.uuidString.lowercased(), refusal.errors.sorted { $0.key < $1.key }.map(\.value).joined(separator: " "))
        return try await render(code, state: state, context: context, status: refusal.status)
    }

    private func render(_ code: String, state: TrainingState, context: Context, status: HTTPResponse.Status = .ok) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let organisation = try await pages.dependencies.roles.organisation(code, for: principal)
        let progress = try await training.progress(in: organisation.code, for: principal)
        let open = try await training.tasks(TrainingQuery(statuses: ["assigned", "in_progress"]), in: organisation.code, for: principal)
        let expiring = try await training.tasks(TrainingQuery(expiringWithinDays: 30), in: organisation.code, for: principal)
        let members = try await pages.dependencies.roles.members(of: organisation.code, for: principal)
        let courses = try await training.courses(for: principal)
        let catalogue = pages.catalogue(context)
        let view = TrainingView(
            organisation: organisation, principal: principal, progress: progress, open: open, expiring: expiring,
            members: members, courses: courses, state: state, catalogue: catalogue, days: Days(language: context.language))
        return try await pages.render(
            "training", title: "\(catalogue.text("training_title")) · \(organisation.name)", view: view,
            path: "/orgs/\(organisation.code)/training", context: context, status: status)
    }

    private func code(_ context: Context) throws -> String {
        guard let code = context.parameters.get("code")?.uppercased() else { throw BackOfficeError.notFound("organisation") }
        return code
    }

    private func task(_ context: Context) throws -> UUID {
        guard let text = context.parameters.get("task"), let id = UUID(uuidString: text) else { throw BackOfficeError.notFound("training task") }
        return id
    }
}
