import Foundation

/// The outbox as the desk works it: listed (no addresses, no text beyond the subject) and a
/// failed mail sent again, with a reason, audited. The county support desk and county admins
/// see every organisation's; those who work an organisation's tickets see that one's.
public struct MailOutboxService: Sendable {
    let store: any MailOutboxStore
    let access: RoleService
    /// Seals the list's cursors, so that a forged one is refused.
    let cursors: any CursorSeal
    let clock: @Sendable () -> Date

    /// Sent and failed mails are kept this long, then removed with their addresses.
    public static let retentionDays = 30

    public init(store: any MailOutboxStore, access: RoleService, cursors: any CursorSeal, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.access = access
        self.cursors = cursors
        self.clock = clock
    }

    /// One page of the outbox, newest first, and the cursor of the next if there is more:
    /// of the organisation `code`, or of every organisation (nil) for county roles; of
    /// `statuses` (every status when empty). `limit` 1 to 200 (nil: every mail, for the CLI).
    public func page(
        of code: String?, statuses: [OutboxStatus], limit: Int? = 50, cursor: String? = nil, for principal: Principal
    ) async throws -> (entries: [OutboxEntry], nextCursor: String?) {
        var errors = FieldErrors()
        if let limit, !(1...200).contains(limit) { errors.add("limit", "must be 1 to 200") }
        var after: OutboxFilter.Key?
        if let cursor {
            if let key = cursors.open(cursor).flatMap(Self.key) { after = key } else { errors.add("cursor", "is not a cursor from this list") }
        }
        try errors.throwIfAny()
        let organisation = try await scope(code, for: principal)
        var filter = OutboxFilter(organisation: organisation, statuses: statuses.isEmpty ? OutboxStatus.allCases : statuses, after: after)
        filter.limit = limit.map { $0 + 1 }
        let found = try await store.entries(filter)
        guard let limit, found.count > limit else { return (found, nil) }
        let page = Array(found.prefix(limit))
        return (page, page.last.map { cursors.seal(Self.text(of: $0)) })
    }

    /// Sends the failed mail `id` of the organisation `code` again: pending, due now, its
    /// attempts counted anew; the reason in the audit log. Only a failed mail; `.notFound`
    /// for a mail of another organisation.
    public func requeue(_ id: UUID, in code: String, reason: String?, by principal: Principal) async throws -> OutboxEntry {
        guard let organisation = try await scope(code, for: principal) else { throw BackOfficeError.notFound("organisation") }
        let reason = try Validation.reason(reason).mapError { BackOfficeError.invalid([$0]) }.get()
        return try await store.requeue(id: id, in: organisation, by: principal.personID, check: { mail in
            guard mail.status == .failed else {
                throw BackOfficeError.conflict("only a failed mail is sent again; this one is \(mail.status.rawValue)")
            }
        }, audit: { mail in
            AuditEntry(
                actorID: principal.personID, action: "mail.requeue", objectType: "mail_outbox", objectID: mail.id.uuidString.lowercased(),
                before: ["status": OutboxStatus.failed.rawValue, "attempts": String(mail.attempts), "last_error": mail.lastError ?? ""],
                after: ["status": OutboxStatus.pending.rawValue, "attempts": "0"], reason: reason, interface: principal.interface)
        })
    }

    /// Removes the sent and failed mails older than `retentionDays`, of every organisation or
    /// of one (the system's job: no principal); returns how many.
    public func removeFinished(in organisation: Organisation? = nil) async throws -> Int {
        try await store.removeFinished(createdBefore: clock().addingTimeInterval(-Double(Self.retentionDays) * 86_400), in: organisation)
    }

    /// The organisation `code` if the principal works its tickets; nil (every organisation)
    /// for the county support desk and county admins.
    private func scope(_ code: String?, for principal: Principal) async throws -> Organisation? {
        guard let code else {
            guard PermissionMatrix.reach(of: principal, for: .workTickets, in: nil) == .everyOrganisation else {
                throw BackOfficeError.forbidden("the county-wide outbox is for the county support desk and county admins; name an organisation")
            }
            return nil
        }
        let organisation = try await access.organisation(code, for: principal)
        guard [.ownOrganisation, .everyOrganisation].contains(PermissionMatrix.reach(of: principal, for: .workTickets, in: organisation.id)) else {
            throw BackOfficeError.forbidden("\(principal.email) does not work the tickets of \(organisation.code)")
        }
        return organisation
    }

    /// The key a cursor of the outbox holds, `outbox/<organisation>/<mail>`.
    static func text(of entry: OutboxEntry) -> String {
        "outbox/\(entry.organisationID.uuidString.lowercased())/\(entry.id.uuidString.lowercased())"
    }

    static func key(_ text: String) -> OutboxFilter.Key? {
        let parts = text.split(separator: "/")
        guard parts.count == 3, parts[0] == "outbox", let organisation = UUID(uuidString: String(parts[1])),
              let mail = UUID(uuidString: String(parts[2])) else { return nil }
        return OutboxFilter.Key(organisationID: organisation, mailID: mail)
    }
}
