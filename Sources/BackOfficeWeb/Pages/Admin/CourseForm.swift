import BackOffice

/// A course's form as typed (or as stored), with the role checkboxes for the template.
struct CourseForm {
    var code = ""
    var title = ""
    var description = ""
    var mandatoryFor: [String] = []
    var days = "30"
    var validity = ""
    var active = true
    var errors: [String: String] = [:]
    /// The edit form of this course is shown open (it was refused).
    var open = false
    var roles: [Option] = []
    var mandatoryText = ""
    /// Makes the ids of the form's fields unique on the page.
    var idPrefix = "new"

    init() {}

    init(_ course: Course) {
        code = course.code
        title = course.title
        description = course.description
        mandatoryFor = course.mandatoryFor.map(\.rawValue)
        days = String(course.daysToComplete)
        validity = course.validityMonths.map(String.init) ?? ""
        active = course.active
    }

    init(_ form: FormData) {
        code = form.trimmed("code") ?? ""
        title = form["title"] ?? ""
        description = form["description"] ?? ""
        mandatoryFor = form.all("mandatory_for")
        days = form.trimmed("days_to_complete") ?? ""
        validity = form.trimmed("validity_months") ?? ""
        active = form["active"] == "true"
    }

    /// The form with `code`, its field ids and its role choices in `catalogue`'s words.
    func with(code: String, idPrefix: String, catalogue: Catalogue) -> CourseForm {
        var form = self
        form.code = code
        form.idPrefix = idPrefix
        form.roles = OrganisationRole.allCases.map {
            Option(value: $0.rawValue, label: catalogue.text("role_\($0.rawValue)"), selected: mandatoryFor.contains($0.rawValue))
        }
        form.mandatoryText = mandatoryFor.map { catalogue.text("role_\($0)") }.joined(separator: ", ")
        return form
    }

    /// A whole number typed in `text`, nil when empty; a field refusal otherwise.
    func number(_ text: String, field: String) throws -> Int? {
        guard !text.isEmpty else { return nil }
        guard let value = Int(text) else {
            throw BackOfficeError.invalid([FieldError(field: field, reason: "must be a whole number", code: "not_number")])
        }
        return value
    }
}
