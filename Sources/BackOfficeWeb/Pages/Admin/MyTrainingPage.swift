import BackOffice
import Foundation
import Hummingbird

/// `/me/training`: the person's own tasks in every organisation, the open ones with "mark
/// completed" and its evidence, the done ones with their expiry.
struct MyTrainingPage<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let pages: AdminRendering

    struct View {
        let open: [TaskLine]
        let hasOpen: Bool
        let done: [TaskLine]
        let hasDone: Bool
        let evidenceKinds: [Option]
        let today: String
        let notice: String?
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("me/training", use: show)
        group.post("me/training/:code/:task/complete", use: complete)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let notice = request.uri.queryParameters["done"] == "completed" ? pages.catalogue(context).text("training_done_completed") : nil
        return try await render(taskError: nil, notice: notice, context: context)
    }

    @Sendable func complete(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        guard let code = context.parameters.get("code")?.uppercased(), let text = context.parameters.get("task"),
              let id = UUID(uuidString: text) else { throw BackOfficeError.notFound("training task") }
        let form = CompletionForm(context.form)
        do {
            _ = try await pages.dependencies.training.complete(
                id, in: code, on: try form.day(), evidenceKind: form.kind, evidenceReference: form.reference,
                expectedVersion: Int(context.form["version"] ?? ""), by: principal)
            return Redirect.to("/me/training?done=completed")
        } catch {
            guard let refusal = pages.refusal(error, catalogue: pages.catalogue(context)) else { throw error }
            let message = refusal.errors.sorted { $0.key < $1.key }.map(\.value).joined(separator: " ")
            return try await render(taskError: (id.uuidString.lowercased(), message), notice: nil, context: context, status: refusal.status)
        }
    }

    private func render(
        taskError: (id: String, message: String)?, notice: String?, context: Context, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let catalogue = pages.catalogue(context)
        let days = Days(language: context.language)
        let today = LocalDate(inFinland: Date())
        let lines = try await pages.dependencies.training.myTasks(for: principal).map { task -> TaskLine in
            var line = TaskLine(task, today: today, days: days, catalogue: catalogue)
            if taskError?.id == line.id { line.error = taskError?.message }
            return line
        }
        let open = lines.filter(\.open), done = lines.filter { !$0.open }
        let view = View(
            open: open, hasOpen: !open.isEmpty, done: done, hasDone: !done.isEmpty, evidenceKinds: CompletionForm.kinds(catalogue),
            today: today.description, notice: notice)
        return try await pages.render(
            "my_training", title: catalogue.text("my_training_title"), view: view, path: "/me/training", context: context, status: status)
    }
}
