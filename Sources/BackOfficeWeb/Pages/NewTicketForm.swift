import BackOffice
import Foundation

/// The new-ticket form as typed, kept whole so a refused form can be shown again.
struct NewTicketForm {
    var organisation = ""
    var reporterKind = "resident"
    var residentName = ""
    var residentPhone = ""
    var residentEmail = ""
    var reporterEmail = ""
    var category = TicketCategory.loginAndAccess.rawValue
    var channel = TicketChannel.phone.rawValue
    var priority = TicketPriority.normal.rawValue
    var service = ""
    var subject = ""
    var description = ""
    /// Made when the form is first shown; the same key twice makes one ticket.
    var idempotencyKey = "web-" + UUID().uuidString.lowercased()

    init() {}

    init(_ form: FormData) {
        organisation = (form.trimmed("organisation") ?? "").uppercased()
        reporterKind = form["reporter_kind"] == "professional" ? "professional" : "resident"
        residentName = form["resident_name"] ?? ""
        residentPhone = form["resident_phone"] ?? ""
        residentEmail = form["resident_email"] ?? ""
        reporterEmail = form["reporter_email"] ?? ""
        category = form["category"] ?? ""
        channel = form["channel"] ?? ""
        priority = form["priority"] ?? ""
        service = form["service"] ?? ""
        subject = form["subject"] ?? ""
        description = form["description"] ?? ""
        idempotencyKey = form.trimmed("idempotency_key") ?? idempotencyKey
    }

    /// The ticket to log; a professional who logs only their own tickets is their own reporter.
    func newTicket(reportsOwnTicketsOnly: Bool) -> NewTicket {
        let trimmed = { (text: String) -> String? in
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return value.isEmpty ? nil : value
        }
        let resident = !reportsOwnTicketsOnly && reporterKind == "resident"
        return NewTicket(
            subject: subject.trimmingCharacters(in: .whitespacesAndNewlines), description: description,
            category: category, channel: channel, priority: priority, serviceCode: trimmed(service),
            reporterEmail: resident || reportsOwnTicketsOnly ? nil : trimmed(reporterEmail) ?? "",
            resident: resident
                ? ResidentContact(name: residentName.trimmingCharacters(in: .whitespaces), email: trimmed(residentEmail), phone: trimmed(residentPhone))
                : nil)
    }
}
