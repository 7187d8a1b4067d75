import Foundation

/// Working a ticket: editing it, moving it through its statuses, assigning it and
/// commenting on it. Each change is made against a version (nil: the current one) and kept
/// in the ticket's history.
extension TicketService {
    /// Changes subject, description, category, priority, service or assignee (support side only).
    public func update(
        _ reference: String, in code: String, with fields: TicketChanges, expectedVersion: Int?, by principal: Principal
    ) async throws -> Ticket {
        try await update(reference, in: code, with: fields, expectedVersion: expectedVersion, reason: nil, by: principal).ticket
    }

    /// `update`, with the `reason` of a bulk action kept in the history entry; `changed` is
    /// false when the ticket already was as asked.
    func update(
        _ reference: String, in code: String, with fields: TicketChanges, expectedVersion: Int?, reason: String?, by principal: Principal
    ) async throws -> (ticket: Ticket, changed: Bool) {
        let (organisation, ticket) = try await workedTicket(reference, in: code, for: principal)
        var errors = FieldErrors()
        let subject = fields.subject.flatMap {
            errors.check(Validation.text($0, field: "subject", length: 1...200).flatMap { Validation.withoutIdentityCode($0, field: "subject") })
        }
        let description = fields.description.flatMap {
            errors.check(Validation.paragraphs($0, field: "description", length: 0...20_000)
                .flatMap { Validation.withoutIdentityCode($0, field: "description") })
        }
        let category = fields.category.flatMap { errors.check(TicketCategory.named($0, field: "category")) }
        let priority = fields.priority.flatMap { errors.check(TicketPriority.named($0, field: "priority")) }
        var service: String??
        if let code = fields.serviceCode {
            if code.isEmpty {
                service = .some(nil)
            } else if let valid = errors.check(Validation.snakeCode(code, field: "service")) {
                service = .some(valid)
            }
        }
        var assignee: Principal??
        if let email = fields.assigneeEmail {
            if email.isEmpty {
                assignee = .some(nil)
            } else if let found = try await self.assignee(email, in: organisation, errors: &errors) {
                assignee = .some(found)
            }
        }
        if fields.isEmpty { errors.add("fields", "give at least one of subject, description, category, priority, service, assignee") }
        try errors.throwIfAny()
        return try await changing(ticket, in: organisation, expectedVersion: expectedVersion, by: principal) { ticket in
            var changes = ticket.edit(
                subject: subject, description: description, category: category, priority: priority, serviceCode: service,
                calendar: calendar)
            if let assignee { changes.merge(ticket.assign(to: assignee)) { $1 } }
            var change = TicketChange(
                kind: changes.keys.allSatisfy { $0 == "assignee" } ? "assigned" : "updated", changes: Self.giving(reason, to: changes))
            if changes["assignee"] != nil, let person = assignee??.personID, person != principal.personID {
                change.mails = mails(.assigned, to: .person(person), in: organisation)
            }
            return change
        }
    }

    /// Moves the ticket to `status` (support side only); a move the status machine does not
    /// allow is a conflict naming the allowed ones.
    public func changeStatus(_ reference: String, in code: String, to status: String, expectedVersion: Int?, by principal: Principal) async throws -> Ticket {
        let next = try TicketStatus.named(status, field: "status").mapError { BackOfficeError.invalid([$0]) }.get()
        return try await move(reference, in: code, to: next, expectedVersion: expectedVersion, reason: nil, by: principal).ticket
    }

    /// `changeStatus`, with the `reason` of a bulk action kept in the history entry.
    func move(
        _ reference: String, in code: String, to next: TicketStatus, expectedVersion: Int?, reason: String?, by principal: Principal
    ) async throws -> (ticket: Ticket, changed: Bool) {
        let (organisation, ticket) = try await workedTicket(reference, in: code, for: principal)
        let moment = clock()
        return try await changing(ticket, in: organisation, expectedVersion: expectedVersion, by: principal) { ticket in
            var change = TicketChange(kind: "status_changed", changes: Self.giving(reason, to: try ticket.move(to: next, at: moment, calendar: calendar)))
            if next == .resolved { change.mails = mails(.resolved, to: .reporter, in: organisation) }
            return change
        }
    }

    /// Gives the ticket to a person who works the organisation's tickets, or to nobody (nil).
    public func assign(_ reference: String, in code: String, to email: String?, expectedVersion: Int?, by principal: Principal) async throws -> Ticket {
        try await update(reference, in: code, with: TicketChanges(assigneeEmail: email ?? ""), expectedVersion: expectedVersion, by: principal)
    }

    /// Adds a comment: public or internal (default) from the support side; professionals
    /// comment on their own tickets, publicly only. The first public comment from the support
    /// side is the ticket's first response. With an `idempotencyKey` already used for the same
    /// comment, the comment made then comes back with `created` false.
    public func comment(
        on reference: String, in code: String, body: String, visibility: String?, idempotencyKey: String? = nil, by principal: Principal
    ) async throws -> (comment: TicketComment, created: Bool) {
        let (organisation, ticket, works) = try await visibleTicket(reference, in: code, for: principal)
        var errors = FieldErrors()
        let body = errors.check(Validation.paragraphs(body, field: "body", length: 1...20_000)
            .flatMap { Validation.withoutIdentityCode($0, field: "body") })
        let visibility = errors.check(TicketComment.Visibility.named(visibility ?? (works ? "internal" : "public"), field: "visibility"))
        let key = IdempotencyKey(
            idempotencyKey, of: .comment, content: [ticket.id.uuidString.lowercased(), body, visibility?.rawValue], errors: &errors)
        try errors.throwIfAny()
        if !works, visibility == .internal {
            throw BackOfficeError.forbidden("\(principal.email) may only write public comments in \(organisation.code)")
        }
        let moment = clock()
        let answers = works && visibility == .public && !ticket.isReported(by: principal.personID)
        let result = try await change(ticket, in: organisation, expectedVersion: nil, idempotency: key, by: principal) { ticket in
            var changes = answers ? ticket.respond(at: moment, calendar: calendar) : [:]
            changes["comment"] = TicketEvent.Change(from: nil, to: visibility!.rawValue)
            var change = TicketChange(kind: "commented", changes: changes, comment: (visibility!, body!))
            if answers { change.mails = mails(.reply, to: .reporter, in: organisation, text: body!) }
            return change
        }
        guard let comment = result.comment else { throw BackOfficeError.conflict("the comment was not stored") }
        return (comment, result.created)
    }

    /// Adds an internal note against `expectedVersion`, with the `reason` of a bulk action in its history entry.
    func note(_ body: String, on reference: String, in code: String, expectedVersion: Int?, reason: String, by principal: Principal) async throws -> Ticket {
        let (organisation, ticket) = try await workedTicket(reference, in: code, for: principal)
        return try await change(ticket, in: organisation, expectedVersion: expectedVersion, by: principal) { _ in
            TicketChange(kind: "commented", changes: Self.giving(reason, to: ["comment": TicketEvent.Change(from: nil, to: "internal")]),
                         comment: (.internal, body))
        }.ticket
    }

    /// `changes` with the reason of a bulk action among them, unless they are none (a change
    /// that changes nothing stays one).
    private static func giving(_ reason: String?, to changes: [String: TicketEvent.Change]) -> [String: TicketEvent.Change] {
        guard let reason, !changes.isEmpty else { return changes }
        return changes.merging(["reason": TicketEvent.Change(from: nil, to: reason)]) { $1 }
    }

    private func change(
        _ ticket: Ticket, in organisation: Organisation, expectedVersion: Int?, idempotency: IdempotencyKey? = nil, by principal: Principal,
        _ change: (inout Ticket) throws -> TicketChange
    ) async throws -> (ticket: Ticket, comment: TicketComment?, created: Bool) {
        try await store.change(
            number: ticket.number, in: organisation, expectedVersion: expectedVersion, by: principal.personID,
            interface: principal.interface, idempotency: idempotency, change)
    }

    /// `change`, and whether it changed the ticket (a change that changes nothing stores nothing).
    private func changing(
        _ ticket: Ticket, in organisation: Organisation, expectedVersion: Int?, by principal: Principal,
        _ change: (inout Ticket) throws -> TicketChange
    ) async throws -> (ticket: Ticket, changed: Bool) {
        var changed = false
        let result = try await store.change(
            number: ticket.number, in: organisation, expectedVersion: expectedVersion, by: principal.personID,
            interface: principal.interface, idempotency: nil
        ) { ticket in
            let made = try change(&ticket)
            changed = !made.changes.isEmpty
            return made
        }
        return (result.ticket, changed)
    }
}
