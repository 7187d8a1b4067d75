import BackOffice
import Foundation
import Hummingbird

/// `/courses` (county admins): the training catalogue; a new course and each course's edit
/// form (title, description, the roles it is mandatory for, days to complete, validity,
/// in use). Refusals beside the fields of the form that was sent.
struct CoursesPage<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let pages: AdminRendering
    var training: TrainingService { pages.dependencies.training }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("courses", use: show)
        group.post("courses", use: create)
        group.post("courses/:course", use: update)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let notice = request.uri.queryParameters["done"].map { pages.catalogue(context).text($0 == "created" ? "courses_created" : "courses_saved") }
        return try await render(CourseForm(), errors: [:], editing: nil, notice: notice, context: context)
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let form = CourseForm(context.form)
        do {
            let new = NewCourse(
                code: form.code, title: form.title, description: form.description, mandatoryFor: form.mandatoryFor,
                daysToComplete: try form.number(form.days, field: "days_to_complete"),
                validityMonths: try form.number(form.validity, field: "validity_months"))
            _ = try await training.createCourse(new, by: principal)
            return Redirect.to("/courses?done=created")
        } catch {
            guard let refusal = pages.refusal(error, catalogue: pages.catalogue(context)) else { throw error }
            return try await render(form, errors: refusal.errors, editing: nil, notice: nil, context: context, status: refusal.status)
        }
    }

    @Sendable func update(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        guard let code = context.parameters.get("course") else { throw BackOfficeError.notFound("course") }
        let form = CourseForm(context.form)
        do {
            let changes = CourseChanges(
                title: form.title, description: form.description, mandatoryFor: form.mandatoryFor,
                daysToComplete: try form.number(form.days, field: "days_to_complete"),
                validityMonths: try form.number(form.validity, field: "validity_months") ?? 0, active: form.active)
            _ = try await training.updateCourse(code, with: changes, by: principal)
            return Redirect.to("/courses?done=saved")
        } catch {
            guard let refusal = pages.refusal(error, catalogue: pages.catalogue(context)) else { throw error }
            return try await render(CourseForm(), errors: refusal.errors, editing: (code, form), notice: nil, context: context, status: refusal.status)
        }
    }

    private func render(
        _ new: CourseForm, errors: [String: String], editing: (code: String, form: CourseForm)?, notice: String?, context: Context,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        try PermissionMatrix.require(principal, .keepCatalogues)
        let catalogue = pages.catalogue(context)
        let courses = try await training.courses(includeInactive: true, for: principal).sorted { $0.title < $1.title }
        let rows = courses.map { course -> CourseForm in
            if let editing, editing.code == course.code {
                var form = editing.form
                form.errors = errors
                form.open = true
                return form.with(code: course.code, idPrefix: "c-\(course.code)", catalogue: catalogue)
            }
            return CourseForm(course).with(code: course.code, idPrefix: "c-\(course.code)", catalogue: catalogue)
        }
        var newForm = new.with(code: new.code, idPrefix: "new", catalogue: catalogue)
        if editing == nil { newForm.errors = errors }
        let view = CoursesView(courses: rows, new: newForm)
        return try await pages.render("courses", title: catalogue.text("courses_title"), view: view, path: "/courses", context: context, status: status)
    }
}

struct CoursesView {
    let courses: [CourseForm]
    let new: CourseForm
}
