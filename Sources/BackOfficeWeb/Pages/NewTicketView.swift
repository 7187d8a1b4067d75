import BackOffice

/// The new-ticket page's view: the form's values, the choices, and each field's error.
struct NewTicketView {
    let form: NewTicketForm
    /// Field name (the form's) → why it was refused.
    let errors: [String: String]
    let organisations: [Option]
    /// A professional logs only their own tickets: no reporter to choose.
    let professionalOnly: Bool
    let residentChosen: Bool
    let categories: [Option]
    let channels: [Option]
    let priorities: [Option]
    let services: [Option]

    init(form: NewTicketForm, errors: [String: String], organisations: [Organisation], professionalOnly: Bool, labels: Labels) {
        self.form = form
        self.errors = errors
        self.organisations = organisations.map { Option(value: $0.code, label: $0.name, selected: $0.code == form.organisation) }
        self.professionalOnly = professionalOnly
        residentChosen = form.reporterKind == "resident"
        categories = labels.options(TicketCategory.allCases, selected: form.category, label: labels.category)
        channels = labels.options(TicketChannel.allCases, selected: form.channel, label: labels.channel)
        priorities = labels.options(TicketPriority.allCases, selected: form.priority, label: labels.priority)
        services = labels.serviceOptions(selected: form.service)
    }
}
