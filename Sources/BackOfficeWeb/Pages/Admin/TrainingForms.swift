import BackOffice

/// What a refused form on the training page brings back: the assign forms as typed, the
/// refusals by field, and a refused task form beside its task.
struct TrainingState {
    var course = ""
    var person = ""
    var role = OrganisationRole.professional.rawValue
    var dueDate = ""
    var assignErrors: [String: String] = [:]
    var bulkErrors: [String: String] = [:]
    var taskError: (id: String, message: String)?
    var notice: String?

    init() {}

    init(_ form: FormData) {
        course = form.trimmed("course") ?? ""
        person = form.trimmed("person") ?? ""
        role = form.trimmed("role") ?? ""
        dueDate = form.trimmed("due_date") ?? ""
    }

    /// The due date typed, nil for none; a field refusal when it is not a date.
    func due() throws -> LocalDate? {
        guard !dueDate.isEmpty else { return nil }
        guard let day = LocalDate(dueDate) else {
            throw BackOfficeError.invalid([FieldError(field: "due_date", reason: "must be a date YYYY-MM-DD", code: "not_date")])
        }
        return day
    }
}

/// The evidence form of a completion, as typed.
struct CompletionForm {
    let kind: String
    let reference: String
    let completedOn: String

    init(_ form: FormData) {
        kind = form["evidence_kind"] ?? ""
        reference = form["evidence_reference"] ?? ""
        completedOn = form.trimmed("completed_on") ?? ""
    }

    func day() throws -> LocalDate? {
        guard !completedOn.isEmpty else { return nil }
        guard let day = LocalDate(completedOn) else {
            throw BackOfficeError.invalid([FieldError(field: "completed_on", reason: "must be a date YYYY-MM-DD", code: "not_date")])
        }
        return day
    }

    /// The kinds of evidence as `<option>`s.
    static func kinds(_ catalogue: Catalogue) -> [Option] {
        TrainingEvidence.Kind.allCases.map { Option(value: $0.rawValue, label: catalogue.text("evidence_\($0.rawValue)"), selected: false) }
    }
}
