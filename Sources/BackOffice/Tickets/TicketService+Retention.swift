import Foundation

/// Data minimisation: residents' contact details are kept only for a while after a ticket closes.
extension TicketService {
    /// How long residents' contact details stay after their ticket closed, by default.
    public static let defaultRetentionMonths = 12

    /// Anonymises the contact details of resident tickets closed more than `months` months
    /// ago (with `dryRun`, only lists them). Tickets done earlier are not touched again, so a
    /// second run changes nothing. Returns the references of the tickets.
    public func anonymiseResidentContacts(closedMoreThan months: Int, dryRun: Bool) async throws -> [String] {
        guard (1...120).contains(months) else { throw BackOfficeError.invalid("months", "must be 1 to 120") }
        var helsinki = Calendar(identifier: .gregorian)
        helsinki.timeZone = calendar.timeZone
        let now = clock()
        guard let cutoff = helsinki.date(byAdding: .month, value: -months, to: now) else {
            throw BackOfficeError.invalid("months", "gives no date before \(now)")
        }
        return try await store.anonymiseResidentContacts(closedBefore: cutoff, dryRun: dryRun) { references in
            AuditEntry(
                actorID: nil, action: "contact.anonymise", objectType: "ticket", objectID: "\(references.count) tickets",
                before: nil, after: ["tickets": references.joined(separator: " ")],
                reason: "residents' contact details kept \(months) months after closing", interface: .system)
        }
    }
}
