import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("Mail to the desk becomes tickets and comments, against the database", .serialized)
struct MailReceiveTests {
    let app: ConnectionPool

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 2)
    }

    func receive(_ fixture: TicketFixture, _ name: String, _ values: [String: String] = [:], in code: String? = nil) async throws -> MailReceipt {
        try await fixture.service.receive(
            try InboundMail(try MailFixture.bytes(name, values)), in: code ?? fixture.access.orgA.code)
    }

    func created(_ receipt: MailReceipt) throws -> Ticket {
        guard case .created(let ticket) = receipt else { throw BackOfficeError.conflict("expected a new ticket, got \(receipt)") }
        return ticket
    }

    @Test func aResidentsMailIsANewEmailTicketWithTheSenderAsContact() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let agent = try await fixture.principal(fixture.supportAgent)
        let ticket = try created(try await receive(fixture, "resident-new.eml"))
        #expect(ticket.number == 1 && ticket.channel == .email && ticket.reporter == .resident && ticket.category == .other)
        #expect(ticket.subject == "Oirearvio ei aukea puhelimella – apua")
        #expect(ticket.description.hasSuffix("Voisitteko auttaa?\n\nTerveisin\nMaija"))
        let contact = try await fixture.service.residentContact(of: ticket.reference, in: fixture.access.orgA.code, purpose: nil, for: agent)
        #expect(contact.email == "maija.meikalainen@example.fi" && contact.name == "Maija Meikäläinen")
        let events = try await fixture.service.events(of: ticket.reference, in: fixture.access.orgA.code, for: agent)
        #expect(events.map(\.kind) == ["created"] && events[0].actorID == nil && events[0].interface == .system)
        #expect(events[0].changes["channel"]?.to == "email" && events[0].changes["identity_codes_removed"] == nil)
        await app.close()
    }

    @Test func aReplyWithTheReferenceInItsSubjectIsAPublicCommentAndReopens() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let code = fixture.access.orgA.code
        let agent = try await fixture.principal(fixture.supportAgent)
        let ticket = try created(try await receive(fixture, "resident-new.eml"))
        _ = try await fixture.service.changeStatus(ticket.reference, in: code, to: "resolved", expectedVersion: nil, by: agent)
        let reply = try await receive(fixture, "resident-reply.eml", ["REF": ticket.reference, "IN_REPLY_TO": "unknown@example.fi"])
        guard case .commented(let commented) = reply else { Issue.record("not a comment: \(reply)"); return }
        #expect(commented.id == ticket.id && commented.status == .open)
        let comments = try await fixture.service.comments(of: ticket.reference, in: code, for: agent)
        #expect(comments.count == 1)
        #expect(comments.first?.body == "Kiitos, nyt toimii!" && comments.first?.visibility == .public)
        #expect(comments.first?.authorID == nil && comments.first?.authorEmail == nil)
        let events = try await fixture.service.events(of: ticket.reference, in: code, for: agent)
        #expect(events.last?.kind == "commented" && events.last?.changes["status"] == TicketEvent.Change(from: "resolved", to: "open"))
        await app.close()
    }

    @Test func aReplyThreadsByInReplyToTheTicketsThread() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let ticket = try created(try await receive(fixture, "resident-new.eml"))
        let thread = MailThread.messageID(ofTicket: ticket.id, domain: "pohde.example")
        let reply = try await receive(fixture, "resident-reply.eml", ["REF": "EI-OLE-5", "IN_REPLY_TO": thread])
        #expect(reply == .commented(try await fixture.service.ticket(
            ticket.reference, in: fixture.access.orgA.code, for: try await fixture.principal(fixture.supportAgent))))
        await app.close()
    }

    @Test func aReferenceOfAnotherOrganisationMakesANewTicketHereNeverACommentThere() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let theirs = try created(try await receive(fixture, "resident-new.eml", in: fixture.access.orgB.code))
        let theirThread = MailThread.messageID(ofTicket: theirs.id, domain: "pohde.example")
        let mine = try created(try await receive(fixture, "resident-reply.eml", ["REF": theirs.reference, "IN_REPLY_TO": theirThread]))
        #expect(mine.organisationID == fixture.access.orgA.id && mine.number == 1)
        #expect(mine.subject == "VS: [\(theirs.reference)] Oirearvio ei aukea")
        let agent = try await fixture.principal(fixture.supportAgent)
        #expect(try await fixture.service.comments(of: theirs.reference, in: fixture.access.orgB.code, for: agent).isEmpty)
        await app.close()
    }

    @Test func aProfessionalIsRecognisedByAddressAndAttachmentsAreCountedNotStored() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let ticket = try created(try await receive(fixture, "mixed-with-attachments.eml", ["FROM": fixture.professional.email.uppercased()]))
        #expect(ticket.reporter == .professional(personID: fixture.professional.id, email: fixture.professional.email))
        #expect(ticket.description == "Virhe näkyy liitteessä.\nRivi jatkuu tässä.\n\n[2 liitettä jätetty tallentamatta]")
        let events = try await fixture.service.events(
            of: ticket.reference, in: fixture.access.orgA.code, for: try await fixture.principal(fixture.supportAgent))
        #expect(events.first?.actorID == fixture.professional.id)
        await app.close()
    }

    @Test func identityCodesAreRemovedBeforeStorageAndTheHistorySaysSo() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let ticket = try created(try await receive(fixture, "identity-code.eml"))
        #expect(ticket.subject == "Ajanvaraus [henkilötunnus poistettu]")
        #expect(ticket.description == "Hetuni on [henkilötunnus poistettu] ja en pääse kirjautumaan.")
        let events = try await fixture.service.events(
            of: ticket.reference, in: fixture.access.orgA.code, for: try await fixture.principal(fixture.supportAgent))
        #expect(events.first?.changes["identity_codes_removed"] == TicketEvent.Change(from: nil, to: "2"))
        let stored = try await app.withTenant(fixture.access.orgA.id) { transaction in
            try await transaction.query("""
                SELECT count(*) AS n FROM tickets t WHERE t.org_id = \(fixture.access.orgA.id)
                  AND (t.subject || t.description) LIKE '%131052%'
                """).single().decode(Int.self, "n")
        }
        #expect(stored == 0)
        await app.close()
    }

    @Test func theSameMessageIDTwiceMakesNothingNew() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let id = "\(UUID().uuidString)@example.fi"
        let ticket = try created(try await receive(fixture, "resident-new.eml", ["MESSAGE_ID": id]))
        #expect(try await receive(fixture, "resident-new.eml", ["MESSAGE_ID": id]) == .duplicate(ticket))
        let replyID = "\(UUID().uuidString)@example.fi"
        let values = ["REF": ticket.reference, "IN_REPLY_TO": "x@example.fi", "MESSAGE_ID": replyID]
        guard case .commented = try await receive(fixture, "resident-reply.eml", values) else { Issue.record("no comment"); return }
        guard case .duplicate = try await receive(fixture, "resident-reply.eml", values) else { Issue.record("not a duplicate"); return }
        let agent = try await fixture.principal(fixture.supportAgent)
        #expect(try await fixture.service.comments(of: ticket.reference, in: fixture.access.orgA.code, for: agent).count == 1)
        #expect(try created(try await receive(fixture, "base64-utf8.eml")).number == 2)
        await app.close()
    }

    @Test func autoRepliesBouncesAndTheDesksOwnMailMakeNoTicket() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let ticket = try created(try await receive(fixture, "resident-new.eml"))
        #expect(try await receive(fixture, "auto-reply.eml", ["REF": ticket.reference]) == .ignored("Auto-Submitted: auto-replied"))
        #expect(try await receive(fixture, "bounce.eml") == .ignored("a delivery report"))
        let own = try await fixture.service.receive(
            try InboundMail(try MailFixture.bytes("mixed-with-attachments.eml", ["FROM": "Tuki@Pohde.example"])),
            in: fixture.access.orgA.code)
        #expect(own == .ignored("sent from the desk's own address tuki@pohde.example"))
        let agent = try await fixture.principal(fixture.supportAgent)
        #expect(try await fixture.service.comments(of: ticket.reference, in: fixture.access.orgA.code, for: agent).isEmpty)
        #expect(try created(try await receive(fixture, "base64-utf8.eml")).number == 2)
        await app.close()
    }
}
