import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("The outbox: written with the change, delivered through sendmail into an SMTP sink", .serialized)
struct MailOutboxTests {
    let app: ConnectionPool

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 2)
    }

    /// A resident's mail (`messageID`) made a ticket; the county desk answered it publicly and wrote an internal note.
    func answeredMail(_ fixture: TicketFixture, messageID: String = "\(UUID().uuidString)@example.fi") async throws -> (ticket: Ticket, agent: Principal) {
        let agent = try await fixture.principal(fixture.supportAgent)
        guard case .created(let ticket) = try await fixture.service.receive(
            try InboundMail(try MailFixture.bytes("resident-new.eml", ["MESSAGE_ID": messageID])), in: fixture.access.orgA.code)
        else { throw BackOfficeError.conflict("no ticket") }
        let code = fixture.access.orgA.code
        _ = try await fixture.service.comment(on: ticket.reference, in: code, body: "Sisäinen: soita takaisin huomenna", visibility: "internal", by: agent)
        _ = try await fixture.service.comment(on: ticket.reference, in: code, body: "Hei, kokeilkaa tyhjentää välimuisti.", visibility: "public", by: agent)
        return (ticket, agent)
    }

    /// The organisation's mails of `statuses`, oldest first.
    func outbox(_ organisation: Organisation, _ statuses: [OutboxStatus] = OutboxStatus.allCases) async throws -> [OutboxEntry] {
        try await PostgresMailOutbox(pool: app).entries(OutboxFilter(organisation: organisation, statuses: statuses)).reversed()
    }

    @Test func theReceivedMailAndAPublicReplyReachTheResidentThroughSendmailAndNoInternalNoteLeaks() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let original = "\(UUID().uuidString)@example.fi"
        let (ticket, _) = try await answeredMail(fixture, messageID: original)
        #expect(try await outbox(fixture.access.orgA, [.pending]).map(\.kind) == [.received, .reply])
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        let delivery = MailDelivery(
            store: PostgresMailOutbox(pool: app), transport: SendmailTransport(try sink.sendmail(from: "tuki@pohde.example")))
        // two deliveries at once: each mail is handed over by one of them only
        let handled = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<2 { group.addTask { try await delivery.deliverDue(in: fixture.access.orgA) } }
            return try await group.reduce(0, +)
        }
        #expect(handled == 2)
        let messages = try sink.messages()
        #expect(messages.count == 2)
        let thread = "<\(MailThread.messageID(ofTicket: ticket.id, domain: "pohde.example"))>"
        for message in messages {
            #expect(message.contains("X-Envelope-To: maija.meikalainen@example.fi\r\n"))
            #expect(message.contains("\nTo: maija.meikalainen@example.fi\r\n"))
            // they answer the resident's own mail, and name the ticket's thread too
            #expect(message.contains("\nIn-Reply-To: <\(original)>\r\n"))
            #expect(message.contains("\nReferences: <\(original)>\r\n \(thread)\r\n"))
            #expect(!message.contains("soita takaisin") && !message.contains("Sis=C3=A4inen"))
            let read = try InboundMail(Array(message.utf8))
            #expect(read.subject.hasPrefix("[\(ticket.reference)] "))
            #expect(read.fromAddress == "tuki@pohde.example" && read.answers.first == original)
            #expect(read.answers.contains(String(thread.dropFirst().dropLast())))
        }
        let replies = messages.filter { !$0.contains("Auto-Submitted: auto-generated") }
        #expect(replies.count == 1)
        #expect(try InboundMail(Array(replies[0].utf8)).text.hasPrefix("Hei, kokeilkaa tyhjentää välimuisti."))
        #expect(try await outbox(fixture.access.orgA, [.sent]).count == 2)
        // delivered once: a second run finds nothing
        #expect(try await delivery.deliverDue(in: fixture.access.orgA) == 0 && (try sink.messages()).count == 2)
        // the address was read for sending through the access log
        let reads = try await app.withTenant(fixture.access.orgA.id) { transaction in
            try await transaction.query("""
                SELECT count(*) AS n FROM access_log WHERE org_id = \(fixture.access.orgA.id) AND ticket_id = \(ticket.id)
                  AND purpose LIKE 'sähköposti:%'
                """).single().decode(Int.self, "n")
        }
        #expect(reads == 2)
        await app.close()
    }

    @Test func anAnswerToASentMailThreadsBackToItsTicket() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let (ticket, _) = try await answeredMail(fixture)
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        try await MailDelivery(store: PostgresMailOutbox(pool: app), transport: SendmailTransport(try sink.sendmail(from: "tuki@pohde.example")))
            .deliverDue(in: fixture.access.orgA)
        let sent = try InboundMail(Array(try sink.messages()[1].utf8))
        let answer = try await fixture.service.receive(
            try InboundMail(try MailFixture.bytes("resident-reply.eml", ["REF": "EI-1", "IN_REPLY_TO": sent.messageID!])),
            in: fixture.access.orgA.code)
        #expect(answer == .commented(try await fixture.service.ticket(ticket.reference, in: fixture.access.orgA.code,
                                                                      for: try await fixture.principal(fixture.supportAgent))))
        await app.close()
    }

    @Test func aFailedDeliveryIsTriedAgainLaterAndThenRecordedAsFailed() async throws {
        let fixture = try await TicketFixture.make(app: app)
        _ = try await answeredMail(fixture)
        let clock = SettableClock()
        clock.set(Date())
        let delivery = MailDelivery(
            store: PostgresMailOutbox(pool: app), transport: SendmailTransport("/bin/false"), maximumAttempts: 2, clock: { clock.now })
        #expect(try await delivery.deliverDue(in: fixture.access.orgA) == 2)
        var entries = try await outbox(fixture.access.orgA)
        #expect(entries.allSatisfy { $0.status == .pending && $0.attempts == 1 && $0.lastError == "/bin/false exited with 1" })
        #expect(entries.allSatisfy { abs($0.nextAttemptAt.timeIntervalSince(clock.now) - 60) < 1 })
        #expect(try await delivery.deliverDue(in: fixture.access.orgA) == 0)
        clock.set(clock.now.addingTimeInterval(61))
        #expect(try await delivery.deliverDue(in: fixture.access.orgA) == 2)
        entries = try await outbox(fixture.access.orgA)
        #expect(entries.allSatisfy { $0.status == .failed && $0.attempts == 2 })
        #expect(try await outbox(fixture.access.orgA, [.pending]).isEmpty)
        // the retention job removes finished mails (and their addresses) after 30 days, not before
        let outboxService = MailOutboxService(
            store: PostgresMailOutbox(pool: app), access: RoleService(store: fixture.access.store), cursors: HMACCursorSeal(secret: RandomSecret.make()),
            clock: { fixture.clock.now })
        #expect(try await outboxService.removeFinished(in: fixture.access.orgA) == 0)
        fixture.clock.set(Date().addingTimeInterval(31 * 86_400))
        #expect(try await outboxService.removeFinished(in: fixture.access.orgA) == 2)
        #expect(try await outbox(fixture.access.orgA).isEmpty)
        await app.close()
    }

    @Test func aRolledBackChangeLeavesNothingToSend() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let id = "\(UUID().uuidString)@example.fi"
        guard case .created(let ticket) = try await fixture.service.receive(
            try InboundMail(try MailFixture.bytes("resident-new.eml", ["MESSAGE_ID": id])), in: fixture.access.orgA.code)
        else { Issue.record("no ticket"); return }
        // a change that asks for a mail and then fails (the same Message-ID again) rolls back whole
        await #expect(throws: (any Error).self) {
            try await PostgresTicketStore(pool: app).change(
                number: ticket.number, in: fixture.access.orgA, expectedVersion: nil, by: nil, interface: .system, idempotency: nil
            ) { _ in
                var change = TicketChange(kind: "commented", changes: ["comment": .init(from: nil, to: "public")], comment: (.public, "Uudelleen"))
                change.mailMessageID = id
                change.mails = [MailRequest(kind: .resolved, recipient: .reporter, from: "tuki@pohde.example")]
                return change
            }
        }
        let agent = try await fixture.principal(fixture.supportAgent)
        #expect(try await fixture.service.comments(of: ticket.reference, in: fixture.access.orgA.code, for: agent).isEmpty)
        let entries = try await outbox(fixture.access.orgA)
        #expect(entries.map(\.ticketReference) == [ticket.reference])
        await app.close()
    }

    @Test func turnedOffKindsAreNotWrittenAndEnglishReadersGetEnglish() async throws {
        let fixture = try await TicketFixture.make(app: app)
        try await app.withTransaction { transaction in
            try await transaction.execute("UPDATE people SET language = 'en' WHERE id = \(fixture.professional.id)")
        }
        let quiet = TicketService(
            store: PostgresTicketStore(pool: app), access: RoleService(store: fixture.access.store),
            cursors: HMACCursorSeal(secret: RandomSecret.make()), mail: MailSettings(disabledKinds: [.received]))
        let code = fixture.access.orgA.code
        guard case .created(let ticket) = try await quiet.receive(
            try InboundMail(try MailFixture.bytes("mixed-with-attachments.eml", ["FROM": fixture.professional.email])), in: code)
        else { Issue.record("no ticket"); return }
        let agent = try await fixture.principal(fixture.supportAgent)
        _ = try await quiet.assign(ticket.reference, in: code, to: fixture.contact.email, expectedVersion: nil, by: agent)
        _ = try await quiet.changeStatus(ticket.reference, in: code, to: "resolved", expectedVersion: nil, by: agent)
        let entries = try await outbox(fixture.access.orgA)
        #expect(entries.map(\.kind) == [.assigned, .resolved])
        #expect(entries.first?.subject == "[\(ticket.reference)] Sinulle on osoitettu tukipyyntö: Kuvakaappaus virheestä")
        #expect(entries.last?.subject == "[\(ticket.reference)] Your request was resolved: Kuvakaappaus virheestä")
        await app.close()
    }
}
