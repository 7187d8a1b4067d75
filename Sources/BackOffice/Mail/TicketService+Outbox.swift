import Foundation

/// The outbox as the desk sees it, and its retention.
extension TicketService {
    /// Sent and failed mails are kept this long, then removed with their addresses.
    public static let sentMailRetentionDays = 30

    /// The outbox of the organisation `code`, for those who work all its tickets; of every
    /// organisation (nil) for the county support desk and county admins.
    public func outbox(_ store: any MailOutboxStore, of code: String?, statuses: [OutboxStatus], for principal: Principal) async throws -> [OutboxEntry] {
        guard let code else {
            guard PermissionMatrix.reach(of: principal, for: .workTickets, in: nil) == .everyOrganisation else {
                throw BackOfficeError.forbidden("the county-wide outbox is for the county support desk and county admins; give --org")
            }
            return try await store.entries(of: nil, statuses: statuses)
        }
        let organisation = try await access.organisation(code, for: principal)
        guard [.ownOrganisation, .everyOrganisation].contains(PermissionMatrix.reach(of: principal, for: .workTickets, in: organisation.id)) else {
            throw BackOfficeError.forbidden("\(principal.email) does not work the tickets of \(organisation.code)")
        }
        return try await store.entries(of: organisation, statuses: statuses)
    }

    /// Removes the sent and failed mails older than `sentMailRetentionDays`, of every
    /// organisation or of one (the system's job: no principal); returns how many.
    public func removeFinishedMail(_ store: any MailOutboxStore, in organisation: Organisation? = nil) async throws -> Int {
        try await store.removeFinished(
            createdBefore: clock().addingTimeInterval(-Double(Self.sentMailRetentionDays) * 86_400), in: organisation)
    }
}
