import Foundation

/// Logging, reading and working support tickets: the permission matrix, validation,
/// identity-code refusal and SLA due times applied before the store is asked.
public struct TicketService: Sendable {
    let store: any TicketStore
    let access: RoleService
    let calendar: SLACalendar
    /// Signs the cursors of queues, so that a forged one is refused.
    let cursors: any CursorSeal
    let clock: @Sendable () -> Date
    /// The desk's addresses and the kinds of mail turned off.
    let mail: MailSettings
    /// Where the queues' counts stop (`QueueCount`).
    let countCap: Int

    public init(store: any TicketStore, access: RoleService, cursors: any CursorSeal, calendar: SLACalendar = .support,
                mail: MailSettings = MailSettings(), countCap: Int = QueueCount.standardCap,
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.access = access
        self.cursors = cursors
        self.calendar = calendar
        self.mail = mail
        self.countCap = countCap
        self.clock = clock
    }

    /// The mail of `kind` to `recipient` about a ticket of `organisation`, unless that kind is turned off.
    func mails(_ kind: MailKind, to recipient: MailRequest.Recipient, in organisation: Organisation, text: String? = nil) -> [MailRequest] {
        mail.disabledKinds.contains(kind) ? [] : [MailRequest(kind: kind, recipient: recipient, text: text, from: mail.deskAddress(of: organisation.code))]
    }

    /// Logs a ticket in the organisation `code`. With an `idempotencyKey` already used for the
    /// same content, the ticket made then comes back with `created` false. The reporter and
    /// the assignee named by e-mail are checked inside the create's one transaction.
    public func create(_ new: NewTicket, in code: String, idempotencyKey: String? = nil, by principal: Principal) async throws -> (ticket: Ticket, created: Bool) {
        let organisation = try await access.organisation(code, for: principal)
        let reach = PermissionMatrix.reach(of: principal, for: .logTicket, in: organisation.id)
        if reach == .nowhere {
            try PermissionMatrix.require(principal, .logTicket, in: organisation.id, organisationCode: organisation.code)
        }
        var errors = FieldErrors()
        let subject = errors.check(Validation.text(new.subject, field: "subject", length: 1...200)
            .flatMap { Validation.withoutIdentityCode($0, field: "subject") })
        let description = errors.check(Validation.paragraphs(new.description, field: "description", length: 0...20_000)
            .flatMap { Validation.withoutIdentityCode($0, field: "description") })
        let category = errors.check(TicketCategory.named(new.category, field: "category"))
        let channel = errors.check(TicketChannel.named(new.channel, field: "channel"))
        let priority = errors.check(TicketPriority.named(new.priority ?? TicketPriority.normal.rawValue, field: "priority"))
        let serviceCode = new.serviceCode.flatMap { $0.isEmpty ? nil : errors.check(Validation.snakeCode($0, field: "service")) }
        let key = idempotencyKey.flatMap { errors.check(Validation.text($0, field: "idempotency_key", length: 1...255)) }
        let namedReporter = try reporter(of: new, in: organisation, reach: reach, by: principal, errors: &errors)
        var assigneeEmail: String?
        if let email = new.assigneeEmail {
            if reach == .ownTicketsOnly { throw BackOfficeError.forbidden("\(principal.email) may not assign tickets in \(organisation.code)") }
            assigneeEmail = errors.check(Validation.email(email, field: "assignee"))
        }
        let named = [namedReporter?.namedEmail, assigneeEmail].compactMap { $0 }
        let createdAt = clock()
        return try await store.create(naming: named, in: organisation, by: principal.personID, interface: principal.interface) { people in
            var checked = errors
            let reporter = namedReporter.flatMap { $0.resolved(among: people, in: organisation, errors: &checked) }
            let assigneeID = assigneeEmail.flatMap { Self.assignee($0, among: people, in: organisation, errors: &checked) }
            try checked.throwIfAny()
            return TicketDraft(
                subject: subject!, description: description!, category: category!, channel: channel!, priority: priority!,
                serviceCode: serviceCode, reporter: reporter!, assigneeID: assigneeID, createdAt: createdAt,
                sla: TicketSLA.due(createdAt: createdAt, priority: priority!, pausedMinutes: 0, calendar: calendar),
                idempotencyKey: key)
        }
    }

    /// The ticket `reference` (`OULU-TK-42`, or just `42`) of the organisation `code`, as the
    /// principal may see it: professionals only their own.
    public func ticket(_ reference: String, in code: String, for principal: Principal) async throws -> Ticket {
        try await visibleTicket(reference, in: code, for: principal).ticket
    }

    /// The comments the principal may read: professionals only the public ones.
    public func comments(of reference: String, in code: String, for principal: Principal) async throws -> [TicketComment] {
        let (organisation, ticket, works) = try await visibleTicket(reference, in: code, for: principal)
        return try await store.comments(ofTicket: ticket.id, in: organisation, includeInternal: works)
    }

    /// The ticket's history, for those who work it.
    public func events(of reference: String, in code: String, for principal: Principal) async throws -> [TicketEvent] {
        let (organisation, ticket) = try await workedTicket(reference, in: code, for: principal)
        return try await store.events(ofTicket: ticket.id, in: organisation)
    }

    /// A resident reporter's contact details; the read is written to the access log with its purpose.
    public func residentContact(of reference: String, in code: String, purpose: String?, for principal: Principal) async throws -> ResidentContact {
        let (organisation, ticket, _) = try await visibleTicket(reference, in: code, for: principal)
        try PermissionMatrix.require(principal, .readResidentContact, in: organisation.id, organisationCode: organisation.code)
        let purpose = try Validation.text(purpose ?? "tukipyynnön käsittely", field: "purpose", length: 1...500)
            .mapError { BackOfficeError.invalid([$0]) }.get()
        guard ticket.reporter == .resident,
              let contact = try await store.residentContact(
                  ofTicket: ticket.id, in: organisation, readBy: principal.personID, interface: principal.interface, purpose: purpose)
        else { throw BackOfficeError.notFound("resident contact of \(ticket.reference)") }
        return contact
    }

    /// The organisation and the ticket, if the principal may see it, and whether they work it
    /// (see every comment, change it) or only reported it.
    func visibleTicket(_ reference: String, in code: String, for principal: Principal) async throws -> (organisation: Organisation, ticket: Ticket, works: Bool) {
        let organisation = try await access.organisation(code, for: principal)
        let reach = PermissionMatrix.reach(of: principal, for: .workTickets, in: organisation.id)
        guard reach != .nowhere, let number = TicketReference.number(of: reference, in: organisation),
              let ticket = try await store.ticket(number: number, in: organisation),
              reach != .ownTicketsOnly || ticket.isReported(by: principal.personID)
        else {
            if reach == .nowhere {
                try PermissionMatrix.require(principal, .workTickets, in: organisation.id, organisationCode: organisation.code)
            }
            throw BackOfficeError.notFound("ticket \(reference)")
        }
        return (organisation, ticket, reach != .ownTicketsOnly)
    }

    /// The organisation and the ticket, if the principal works the organisation's tickets.
    func workedTicket(_ reference: String, in code: String, for principal: Principal) async throws -> (organisation: Organisation, ticket: Ticket) {
        let (organisation, ticket, works) = try await visibleTicket(reference, in: code, for: principal)
        guard works else { throw BackOfficeError.forbidden("\(principal.email) may only read and comment on their own tickets in \(organisation.code)") }
        return (organisation, ticket)
    }

    /// Who reported the new ticket: a professional is always their own reporter; otherwise a
    /// resident's contact details, a member named by e-mail (checked in the create's
    /// transaction), or the actor themselves.
    private func reporter(
        of new: NewTicket, in organisation: Organisation, reach: Reach, by principal: Principal, errors: inout FieldErrors
    ) throws -> NamedReporter? {
        if reach == .ownTicketsOnly {
            if new.resident != nil || new.reporterEmail.map({ $0.lowercased() != principal.email.lowercased() }) == true {
                throw BackOfficeError.forbidden("\(principal.email) may only log tickets of their own in \(organisation.code)")
            }
            return .known(.professional(principal.personID))
        }
        if let resident = new.resident {
            if new.reporterEmail != nil {
                errors.add("reporter_email", "give a professional's e-mail or a resident's contact details, not both")
                return nil
            }
            return Self.validated(resident, errors: &errors).map { .known(.resident($0)) }
        }
        guard let email = new.reporterEmail else {
            guard !principal.roles(in: organisation.id).isEmpty else {
                errors.add("reporter_email", "give the reporting professional's e-mail or the resident's contact details")
                return nil
            }
            return .known(.professional(principal.personID))
        }
        return errors.check(Validation.email(email, field: "reporter_email")).map { .member($0) }
    }

    private static func validated(_ contact: ResidentContact, errors: inout FieldErrors) -> ResidentContact? {
        let name = errors.check(Validation.text(contact.name ?? "", field: "resident.name", length: 1...200)
            .flatMap { Validation.withoutIdentityCode($0, field: "resident.name") })
        let email = contact.email.flatMap { $0.isEmpty ? nil : errors.check(Validation.email($0, field: "resident.email")) }
        let phone = contact.phone.flatMap { $0.isEmpty ? nil : errors.check(Validation.phone($0, field: "resident.phone")) }
        if (contact.email ?? "").isEmpty, (contact.phone ?? "").isEmpty {
            errors.add("resident", "a resident needs an e-mail address or a phone number")
        }
        guard let name, email != nil || phone != nil else { return nil }
        return ResidentContact(name: name, email: email, phone: phone)
    }

    /// The person `email`, if they may work the organisation's tickets (noted as a field error if not).
    func assignee(_ email: String, in organisation: Organisation, errors: inout FieldErrors) async throws -> Principal? {
        guard let email = errors.check(Validation.email(email, field: "assignee")) else { return nil }
        let assignee = try await access.activePrincipal(email: email, interface: .system)
        return Self.assignee(email, among: assignee.map { [email: $0] } ?? [:], in: organisation, errors: &errors).flatMap { _ in assignee }
    }

    /// The id of the person `email` among `people`, if they may work the organisation's tickets
    /// (noted as a field error if not).
    static func assignee(_ email: String, among people: [String: Principal], in organisation: Organisation, errors: inout FieldErrors) -> UUID? {
        guard let assignee = people[email], PermissionMatrix.allows(assignee, .workTickets, in: organisation.id) else {
            errors.add("assignee", "\(email) does not work the tickets of \(organisation.code)")
            return nil
        }
        return assignee.personID
    }
}

/// The reporter of a new ticket as the request names it: known already, or a member named by
/// e-mail, found in the create's transaction.
enum NamedReporter {
    case known(TicketDraft.Reporter)
    case member(String)

    var namedEmail: String? {
        if case .member(let email) = self { return email }
        return nil
    }

    /// The reporter, if a member named is an active member of `organisation` (noted as a field error if not).
    func resolved(among people: [String: Principal], in organisation: Organisation, errors: inout FieldErrors) -> TicketDraft.Reporter? {
        switch self {
        case .known(let reporter): return reporter
        case .member(let email):
            guard let reporter = people[email], !reporter.roles(in: organisation.id).isEmpty else {
                errors.add("reporter_email", "\(email) is not an active member of \(organisation.code)")
                return nil
            }
            return .professional(reporter.personID)
        }
    }
}
