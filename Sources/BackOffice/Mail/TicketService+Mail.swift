import Foundation

/// Mail to the desk's address: a new ticket, or a public comment on the ticket it answers.
/// The mail system is the interface (`system`); no principal acts, the desk's mailbox is the
/// organisation's own door.
extension TicketService {
    /// What the history and the text say of a mail's attachments, which are never stored.
    static func attachmentNote(_ count: Int) -> String? {
        count == 0 ? nil : "[\(count) \(count == 1 ? "liite" : "liitettä") jätetty tallentamatta]"
    }

    /// Takes in one mail received at the desk of the organisation `code`.
    public func receive(_ mail: InboundMail, in code: String) async throws -> MailReceipt {
        guard let organisation = try await access.store.organisation(code: code.uppercased()), organisation.active else {
            throw BackOfficeError.notFound("organisation \(code)")
        }
        if let automatic = mail.automatic { return .ignored(automatic) }
        guard let sender = mail.fromAddress.flatMap({ try? Validation.email($0, field: "from").get() }) else {
            return .ignored("no sender address")
        }
        if self.mail.isOwn(sender) { return .ignored("sent from the desk's own address \(sender)") }
        if let id = mail.messageID, let earlier = try await store.ticket(receivedMessageID: id, in: organisation) {
            return .duplicate(earlier)
        }
        let professional = try await access.activePrincipal(email: sender, interface: .system)
            .flatMap { $0.roles(in: organisation.id).isEmpty ? nil : $0 }
        let subject = PersonalIdentityCode.redacted(mail.subject)
        let text = PersonalIdentityCode.redacted([mail.text, Self.attachmentNote(mail.attachmentCount)].compactMap { $0 }
            .filter { !$0.isEmpty }.joined(separator: "\n\n"))
        let removed = subject.removed + text.removed
        if let ticket = try await answered(by: mail, subject: subject.text, in: organisation) {
            return .commented(try await comment(on: ticket, in: organisation, text: text.text, identityCodesRemoved: removed,
                                                messageID: mail.messageID, by: professional?.personID))
        }
        let name = PersonalIdentityCode.redacted(mail.fromName ?? String(sender.prefix { $0 != "@" }))
        let createdAt = clock()
        var draft = TicketDraft(
            subject: String(subject.text.isEmpty ? "(ei aihetta)" : subject.text.prefix(200)),
            description: String(text.text.prefix(20_000)), category: .other, channel: .email, priority: .normal, serviceCode: nil,
            reporter: professional.map { .professional($0.personID) }
                ?? .resident(ResidentContact(name: String(name.text.prefix(200)), email: sender, phone: nil)),
            assigneeID: nil, createdAt: createdAt,
            sla: TicketSLA.due(createdAt: createdAt, priority: .normal, pausedMinutes: 0, calendar: calendar),
            idempotencyKey: nil)
        draft.mailMessageID = mail.messageID
        draft.identityCodesRemoved = removed + name.removed
        draft.residentLanguage = MailLanguage.of(mail.language)
        draft.mails = mails(.received, to: .reporter, in: organisation)
        return .created(try await store.create(draft, in: organisation, by: professional?.personID, interface: .system).ticket)
    }

    /// The ticket of this organisation the mail answers: by `[CODE-42]` in the subject, else
    /// by its threading headers. A reference of another organisation answers nothing here.
    private func answered(by mail: InboundMail, subject: String, in organisation: Organisation) async throws -> Ticket? {
        for match in subject.matches(of: /\[([A-Za-z0-9][A-Za-z0-9-]*-[0-9]{1,18})\]/) {
            let reference = String(match.output.1)
            if TicketReference.organisationCode(of: reference)?.uppercased() == organisation.code,
               let number = TicketReference.number(of: reference, in: organisation),
               let ticket = try await store.ticket(number: number, in: organisation) {
                return ticket
            }
        }
        return mail.answers.isEmpty ? nil : try await store.ticket(threading: mail.answers, in: organisation)
    }

    /// The mail's text as a public comment from its sender (the resident reporter when nil);
    /// a resolved or waiting ticket opens again, as the status machine allows.
    private func comment(
        on ticket: Ticket, in organisation: Organisation, text: String, identityCodesRemoved: Int, messageID: String?, by author: UUID?
    ) async throws -> Ticket {
        let moment = clock()
        let body = text.isEmpty ? "(tyhjä viesti)" : String(text.prefix(20_000))
        return try await store.change(
            number: ticket.number, in: organisation, expectedVersion: nil, by: author, interface: .system, idempotency: nil
        ) { ticket in
            var changes: [String: TicketEvent.Change] = ["comment": TicketEvent.Change(from: nil, to: "public"),
                                                         "channel": TicketEvent.Change(from: nil, to: TicketChannel.email.rawValue)]
            if ticket.status == .resolved || ticket.status == .waiting {
                changes.merge(try ticket.move(to: .open, at: moment, calendar: calendar)) { $1 }
            }
            if identityCodesRemoved > 0 {
                changes["identity_codes_removed"] = TicketEvent.Change(from: nil, to: String(identityCodesRemoved))
            }
            var change = TicketChange(kind: "commented", changes: changes, comment: (.public, body))
            change.mailMessageID = messageID
            return change
        }.ticket
    }
}
