import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("Logging and working tickets, against the database")
struct TicketServiceTests {
    let app: ConnectionPool

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 6)
    }

    static let login = NewTicket(
        subject: "Kirjautuminen ei onnistu", description: "Vahva tunnistautuminen katkeaa.", category: "login_and_access",
        channel: "phone", priority: "normal")

    /// `login` as the county desk logs it for the fixture's professional.
    static func logged(for fixture: TicketFixture) -> NewTicket {
        var ticket = login
        ticket.reporterEmail = fixture.professional.email
        return ticket
    }

    @Test func aTicketGetsTheNextNumberDueTimesAndACreatedEvent() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let agent = try await fixture.principal(fixture.supportAgent)
        fixture.clock.set(TestClock.helsinki("2026-03-02 09:00"))  // a Monday
        var resident = Self.login
        resident.resident = ResidentContact(name: "Aino Asukas", email: "aino@example.fi", phone: nil)
        let first = try await fixture.service.create(resident, in: fixture.access.orgA.code, by: agent).ticket
        let second = try await fixture.service.create(Self.login, in: fixture.access.orgA.code, by: try await fixture.principal(fixture.professional)).ticket
        #expect(first.number == 1 && second.number == 2)
        #expect(first.reference == "\(fixture.access.orgA.code)-1")
        #expect(first.status == .new && first.version == 1 && first.reporter == .resident)
        #expect(second.reporter == .professional(personID: fixture.professional.id, email: fixture.professional.email))
        // normal: first response in 1 business day, resolution in 5
        #expect(first.firstResponseDue == TestClock.helsinki("2026-03-03 09:00"))
        #expect(first.resolutionDue == TestClock.helsinki("2026-03-09 09:00"))
        let events = try await fixture.service.events(of: first.reference, in: fixture.access.orgA.code, for: agent)
        #expect(events.map(\.kind) == ["created"])
        #expect(events[0].changes["subject"] == TicketEvent.Change(from: nil, to: "Kirjautuminen ei onnistu"))
        #expect(events[0].actorID == fixture.supportAgent.id && events[0].interface == .cli)
        await app.close()
    }

    @Test func anIdentityCodeIsRefusedNamingTheFieldAndNothingIsStored() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let admin = try await fixture.principal(fixture.access.adminA)
        var ticket = Self.login
        ticket.description = "Asiakkaan henkilötunnus on 131052-308T, soittakaa."
        let refusal = await #expect(throws: BackOfficeError.self) {
            try await fixture.service.create(ticket, in: fixture.access.orgA.code, by: admin)
        }
        guard case .invalid(let fields)? = refusal else { Issue.record("expected invalid, got \(String(describing: refusal))"); return }
        #expect(fields.map(\.field) == ["description"])
        #expect(fields[0].reason.contains("henkilötunnus"))
        let page = try await fixture.service.tickets(TicketQuery(), in: fixture.access.orgA.code, for: admin)
        #expect(page.tickets.isEmpty)
        await app.close()
    }

    @Test func theCreatedEventNamesTheServiceTheReporterAndTheAssignee() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let agent = try await fixture.principal(fixture.supportAgent)
        var ticket = Self.logged(for: fixture)
        ticket.serviceCode = "symptom_back_pain"
        ticket.assigneeEmail = fixture.supportAgent.email
        let created = try await fixture.service.create(ticket, in: fixture.access.orgA.code, by: agent).ticket
        #expect(created.serviceCode == "symptom_back_pain" && created.assigneeEmail == fixture.supportAgent.email)
        let events = try await fixture.service.events(of: created.reference, in: fixture.access.orgA.code, for: agent)
        #expect(events.map(\.kind) == ["created"])
        let written = events[0].changes.mapValues { $0.to }
        #expect(written == [
            "subject": created.subject, "category": "login_and_access", "channel": "phone", "priority": "normal",
            "status": "new", "reporter": "professional", "service": "symptom_back_pain", "assignee": fixture.supportAgent.email,
        ])
        #expect(events[0].changes.values.allSatisfy { $0.from == nil })
        await app.close()
    }

    @Test func aServiceCodeOfNoActiveServiceIsRefusedNamingTheFieldAndNothingIsStoredNotEvenTheKey() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let agent = try await fixture.principal(fixture.supportAgent)
        var ticket = Self.logged(for: fixture)
        ticket.serviceCode = "symptom_hiccups"
        for key in [nil, "avain-1"] {
            await #expect(throws: BackOfficeError.invalid("service", "no active Omaolo service has the code symptom_hiccups")) {
                try await fixture.service.create(ticket, in: fixture.access.orgA.code, idempotencyKey: key, by: agent)
            }
        }
        // the key made nothing, so it makes the corrected ticket; the refused ones took no number
        ticket.serviceCode = nil
        let made = try await fixture.service.create(ticket, in: fixture.access.orgA.code, idempotencyKey: "avain-1", by: agent)
        #expect(made.created && made.ticket.number == 1)
        let page = try await fixture.service.tickets(TicketQuery(), in: fixture.access.orgA.code, for: agent)
        #expect(page.tickets.map(\.reference) == [made.ticket.reference])
        await app.close()
    }

    @Test func waitingStopsTheClocksAndMovesTheDueTimes() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let agent = try await fixture.principal(fixture.supportAgent)
        let code = fixture.access.orgA.code
        fixture.clock.set(TestClock.helsinki("2026-03-02 09:00"))
        let ticket = try await fixture.service.create(Self.logged(for: fixture), in: code, by: agent).ticket
        fixture.clock.set(TestClock.helsinki("2026-03-02 10:00"))
        let waiting = try await fixture.service.changeStatus(ticket.reference, in: code, to: "waiting", expectedVersion: 1, by: agent)
        #expect(waiting.firstResponseAt == TestClock.helsinki("2026-03-02 10:00"))
        #expect(waiting.waitingSince == TestClock.helsinki("2026-03-02 10:00"))
        #expect(waiting.firstResponseMinutes == 60)
        fixture.clock.set(TestClock.helsinki("2026-03-03 10:00"))  // one business day later
        let open = try await fixture.service.changeStatus(ticket.reference, in: code, to: "open", expectedVersion: 2, by: agent)
        #expect(open.pausedMinutes == 480)
        #expect(open.waitingSince == nil)
        #expect(open.resolutionDue == TestClock.helsinki("2026-03-10 09:00"))
        // a new priority recomputes from creation, keeping the paused time
        let high = try await fixture.service.update(ticket.reference, in: code, with: TicketChanges(priority: "high"), expectedVersion: 3, by: agent)
        #expect(high.resolutionDue == TestClock.helsinki("2026-03-06 09:00"))
        #expect(high.version == 4)
        fixture.clock.set(TestClock.helsinki("2026-03-04 09:00"))
        let resolved = try await fixture.service.changeStatus(ticket.reference, in: code, to: "resolved", expectedVersion: 4, by: agent)
        #expect(resolved.resolutionMinutes == 480)  // two business days, one of them waited
        let reopened = try await fixture.service.changeStatus(ticket.reference, in: code, to: "open", expectedVersion: 5, by: agent)
        #expect(reopened.resolvedAt == nil && reopened.resolutionMinutes == nil && reopened.firstResponseMinutes == 60)
        let kinds = try await fixture.service.events(of: ticket.reference, in: code, for: agent).map(\.kind)
        #expect(kinds == ["created", "status_changed", "status_changed", "updated", "status_changed", "status_changed"])
        await app.close()
    }

    @Test func illegalMovesAndStaleVersionsAreRefusedAndChangeNothing() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let agent = try await fixture.principal(fixture.supportAgent)
        let code = fixture.access.orgA.code
        let ticket = try await fixture.service.create(Self.logged(for: fixture), in: code, by: agent).ticket
        let illegal = await #expect(throws: BackOfficeError.self) {
            try await fixture.service.changeStatus(ticket.reference, in: code, to: "closed", expectedVersion: nil, by: agent)
        }
        guard case .conflict(let message)? = illegal else { Issue.record("expected conflict"); return }
        #expect(message.contains("open") && message.contains("waiting") && message.contains("resolved"))
        let stale = await #expect(throws: BackOfficeError.self) {
            try await fixture.service.update(ticket.reference, in: code, with: TicketChanges(subject: "Uusi otsikko"), expectedVersion: 7, by: agent)
        }
        guard case .stale? = stale else { Issue.record("expected stale"); return }
        let unknownStatus = await #expect(throws: BackOfficeError.self) {
            try await fixture.service.changeStatus(ticket.reference, in: code, to: "done", expectedVersion: nil, by: agent)
        }
        #expect(unknownStatus == .invalid("status", "must be one of new, open, waiting, resolved or closed"))
        let now = try await fixture.service.ticket(ticket.reference, in: code, for: agent)
        #expect(now == ticket)
        #expect(try await fixture.service.events(of: ticket.reference, in: code, for: agent).count == 1)
        await app.close()
    }

    @Test func ofTwoConcurrentUpdatesOfOneVersionExactlyOneWins() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let agent = try await fixture.principal(fixture.supportAgent)
        let code = fixture.access.orgA.code
        let ticket = try await fixture.service.create(Self.logged(for: fixture), in: code, by: agent).ticket
        let outcomes = await withTaskGroup(of: Result<Ticket, any Error>.self) { group in
            for subject in ["Ensimmäinen muutos", "Toinen muutos"] {
                group.addTask {
                    do {
                        return .success(try await fixture.service.update(
                            ticket.reference, in: code, with: TicketChanges(subject: subject), expectedVersion: 1, by: agent))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let winners = outcomes.compactMap { try? $0.get() }
        #expect(winners.count == 1)
        let losers = outcomes.compactMap { outcome -> BackOfficeError? in
            if case .failure(let error) = outcome { return error as? BackOfficeError }
            return nil
        }
        #expect(losers.count == 1)
        if case .stale? = losers.first {} else { Issue.record("the loser got \(losers)") }
        let events = try await fixture.service.events(of: ticket.reference, in: code, for: agent)
        #expect(events.map(\.kind) == ["created", "updated"])
        #expect(events[1].changes["subject"]?.to == winners[0].subject)
        await app.close()
    }

    @Test func anIdempotentCreateRetriedConcurrentlyMakesOneTicket() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let admin = try await fixture.principal(fixture.access.adminA)
        let code = fixture.access.orgA.code
        let outcomes = try await withThrowingTaskGroup(of: (ticket: Ticket, created: Bool).self) { group in
            for _ in 0..<10 {
                group.addTask { try await fixture.service.create(Self.login, in: code, idempotencyKey: "soitto-42", by: admin) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(outcomes.map(\.ticket.id)).count == 1)
        #expect(outcomes.filter(\.created).count == 1)
        #expect(try await fixture.service.tickets(TicketQuery(), in: code, for: admin).tickets.count == 1)
        var other = Self.login
        other.subject = "Toinen asia"
        let reused = await #expect(throws: BackOfficeError.self) {
            try await fixture.service.create(other, in: code, idempotencyKey: "soitto-42", by: admin)
        }
        guard case .conflict? = reused else { Issue.record("expected conflict"); return }
        await app.close()
    }

    @Test func professionalsSeeOnlyTheirOwnTicketsAndPublicComments() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let code = fixture.access.orgA.code
        let professional = try await fixture.principal(fixture.professional)
        let colleague = try await fixture.principal(fixture.otherProfessional)
        let agent = try await fixture.principal(fixture.supportAgent)
        let mine = try await fixture.service.create(Self.login, in: code, by: professional).ticket
        _ = try await fixture.service.create(Self.login, in: code, by: colleague)
        _ = try await fixture.service.comment(on: mine.reference, in: code, body: "Selvitämme asiaa.", visibility: "public", by: agent)
        _ = try await fixture.service.comment(on: mine.reference, in: code, body: "Lokeissa virhe 500.", visibility: nil, by: agent)
        let comments = try await fixture.service.comments(of: mine.reference, in: code, for: professional)
        #expect(comments.map(\.body) == ["Selvitämme asiaa."])
        #expect(try await fixture.service.comments(of: mine.reference, in: code, for: agent).count == 2)
        let listed = try await fixture.service.tickets(TicketQuery(), in: code, for: professional).tickets
        #expect(listed.map(\.id) == [mine.id])
        let other = await #expect(throws: BackOfficeError.self) {
            try await fixture.service.ticket("\(code)-2", in: code, for: professional)
        }
        #expect(other == .notFound("ticket \(code)-2"))
        let internalNote = await #expect(throws: BackOfficeError.self) {
            try await fixture.service.comment(on: mine.reference, in: code, body: "Sisäinen", visibility: "internal", by: professional).comment
        }
        guard case .forbidden? = internalNote else { Issue.record("expected forbidden"); return }
        let move = await #expect(throws: BackOfficeError.self) {
            try await fixture.service.changeStatus(mine.reference, in: code, to: "resolved", expectedVersion: nil, by: professional)
        }
        guard case .forbidden? = move else { Issue.record("expected forbidden"); return }
        // the first public comment from the support side is the first response
        #expect(try await fixture.service.ticket(mine.reference, in: code, for: agent).firstResponseAt != nil)
        await app.close()
    }

    @Test func anotherOrganisationsTicketsAnswerAsIfTheyDidNotExist() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let adminA = try await fixture.principal(fixture.access.adminA)
        let adminB = try await fixture.principal(fixture.access.adminB)
        var words = Self.login
        words.subject = "Salainen kirjautumisongelma"
        let ticketB = try await fixture.service.create(words, in: fixture.access.orgB.code, by: adminB).ticket
        let read = await #expect(throws: BackOfficeError.self) {
            try await fixture.service.ticket(ticketB.reference, in: fixture.access.orgB.code, for: adminA)
        }
        #expect(read == .notFound("organisation \(fixture.access.orgB.code)"))
        let crossed = await #expect(throws: BackOfficeError.self) {
            try await fixture.service.ticket(ticketB.reference, in: fixture.access.orgA.code, for: adminA)
        }
        #expect(crossed == .notFound("ticket \(ticketB.reference)"))
        let found = try await fixture.service.tickets(TicketQuery(text: "kirjautumisongelma"), in: fixture.access.orgA.code, for: adminA)
        #expect(found.tickets.isEmpty)
        let county = await #expect(throws: BackOfficeError.self) {
            try await fixture.service.tickets(TicketQuery(), in: nil, for: adminA)
        }
        guard case .forbidden? = county else { Issue.record("expected forbidden"); return }
        await app.close()
    }

    @Test func theCountyQueueReachesEveryOrganisationAndFilters() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let agent = try await fixture.principal(fixture.supportAgent)
        var critical = Self.logged(for: fixture)
        critical.priority = "critical"
        let a = try await fixture.service.create(critical, in: fixture.access.orgA.code, by: agent).ticket
        let b = try await fixture.service.create(Self.login, in: fixture.access.orgB.code, by: try await fixture.principal(fixture.access.adminB)).ticket
        let both = try await fixture.service.tickets(TicketQuery(statuses: ["new"], sort: "newest", limit: 200), in: nil, for: agent).tickets
        #expect(both.contains { $0.id == a.id } && both.contains { $0.id == b.id })
        let onlyB = try await fixture.service.tickets(TicketQuery(organisation: fixture.access.orgB.code), in: nil, for: agent).tickets
        #expect(onlyB.map(\.id) == [b.id])
        // critical: first response within the hour, so it breaches within 2 business hours' reach
        let breaching = try await fixture.service.tickets(
            TicketQuery(organisation: fixture.access.orgA.code, breachingWithinHours: 24 * 4), in: nil, for: agent).tickets
        #expect(breaching.map(\.id) == [a.id])
        let assigned = try await fixture.service.assign(a.reference, in: fixture.access.orgA.code, to: fixture.supportAgent.email, expectedVersion: 1, by: agent)
        #expect(assigned.assigneeEmail == fixture.supportAgent.email)
        let mine = try await fixture.service.tickets(TicketQuery(assignee: "me"), in: nil, for: agent).tickets
        #expect(mine.map(\.id) == [a.id])
        let unassignedInA = try await fixture.service.tickets(
            TicketQuery(organisation: fixture.access.orgA.code, assignee: "unassigned"), in: nil, for: agent).tickets
        #expect(unassignedInA.isEmpty)
        await app.close()
    }

    @Test func pagesFollowEachOtherWithoutGapsOrRepeats() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let admin = try await fixture.principal(fixture.access.adminA)
        let code = fixture.access.orgA.code
        var made: [Ticket] = []
        for _ in 0..<5 { made.append(try await fixture.service.create(Self.login, in: code, by: admin).ticket) }
        let byDue = made.sorted { ($0.resolutionDue, $0.id.uuidString.lowercased()) < ($1.resolutionDue, $1.id.uuidString.lowercased()) }
        for sort in ["due", "newest"] {
            var seen: [UUID] = []
            var cursor: String?
            repeat {
                let page = try await fixture.service.tickets(TicketQuery(sort: sort, limit: 2, cursor: cursor), in: code, for: admin)
                seen += page.tickets.map(\.id)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen.count == 5 && Set(seen) == Set(made.map(\.id)), "\(sort)")
            #expect(seen == (sort == "newest" ? made.reversed().map(\.id) : byDue.map(\.id)), "\(sort)")
        }
        await app.close()
    }

    @Test func searchFindsAFinnishWordInAnotherInflectionAlsoInComments() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let admin = try await fixture.principal(fixture.access.adminA)
        let code = fixture.access.orgA.code
        var ticket = Self.login
        ticket.subject = "Ongelma kirjautumisessa"
        ticket.description = "Asiakas ei pääse palveluun."
        let subjectHit = try await fixture.service.create(ticket, in: code, by: admin).ticket
        var printer = Self.login
        printer.subject = "Ajanvarauslinkki"
        printer.description = "Linkki vie väärään paikkaan."
        let commentHit = try await fixture.service.create(printer, in: code, by: admin).ticket
        _ = try await fixture.service.comment(on: commentHit.reference, in: code, body: "Tulostimen asetukset tarkistettu.", visibility: "internal", by: admin)
        let found = try await fixture.service.tickets(TicketQuery(text: "kirjautuminen"), in: code, for: admin).tickets
        #expect(found.map(\.id) == [subjectHit.id])
        let inComments = try await fixture.service.tickets(TicketQuery(text: "tulostin"), in: code, for: admin).tickets
        #expect(inComments.map(\.id) == [commentHit.id])
        await app.close()
    }

    @Test func aProfessionalsSearchFindsPublicCommentWordsButNeverInternalOnes() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let professional = try await fixture.principal(fixture.professional)
        let admin = try await fixture.principal(fixture.access.adminA)
        let code = fixture.access.orgA.code
        var mine = Self.login
        mine.subject = "Ajanvarauslinkki"
        mine.description = "Linkki vie väärään paikkaan."
        let ticket = try await fixture.service.create(mine, in: code, by: professional).ticket
        _ = try await fixture.service.comment(on: ticket.reference, in: code, body: "Tulostimen asetukset tarkistettu.", visibility: "internal", by: admin)
        _ = try await fixture.service.comment(on: ticket.reference, in: code, body: "Välimuisti tyhjennetty selaimesta.", visibility: "public", by: admin)
        let internalWord = try await fixture.service.tickets(TicketQuery(text: "tulostin"), in: code, for: professional).tickets
        #expect(internalWord.isEmpty)
        let publicWord = try await fixture.service.tickets(TicketQuery(text: "välimuisti"), in: code, for: professional).tickets
        #expect(publicWord.map(\.id) == [ticket.id])
        let desk = try await fixture.service.tickets(TicketQuery(text: "tulostin"), in: code, for: admin).tickets
        #expect(desk.map(\.id) == [ticket.id])
        await app.close()
    }

    @Test func readingAResidentsContactIsLogged() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let contactPerson = try await fixture.principal(fixture.contact, .http)
        let code = fixture.access.orgA.code
        var ticket = Self.login
        ticket.resident = ResidentContact(name: "Eero Esimerkki", email: nil, phone: "+358 40 123 4567")
        let made = try await fixture.service.create(ticket, in: code, by: contactPerson).ticket
        let contact = try await fixture.service.residentContact(of: made.reference, in: code, purpose: "soitto takaisin", for: contactPerson)
        #expect(contact == ResidentContact(name: "Eero Esimerkki", email: nil, phone: "+358 40 123 4567"))
        let logged = try await app.withTenant(fixture.access.orgA.id) { transaction in
            try await transaction.query("""
                SELECT actor_person_id, interface, purpose FROM access_log WHERE org_id = \(fixture.access.orgA.id) AND ticket_id = \(made.id)
                """).map { [try $0.decode(UUID.self, "actor_person_id").uuidString, try $0.decode(String.self, "interface"), try $0.decode(String.self, "purpose")] }
        }
        #expect(logged == [[fixture.contact.id.uuidString, "http", "soitto takaisin"]])
        let professional = try await fixture.principal(fixture.professional)
        let refused = await #expect(throws: BackOfficeError.self) {
            try await fixture.service.residentContact(of: made.reference, in: code, purpose: nil, for: professional)
        }
        #expect(refused == .notFound("ticket \(made.reference)"))
        await app.close()
    }

    @Test func retentionAnonymisesOnlyWhatIsDueAndOnce() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let agent = try await fixture.principal(fixture.supportAgent)
        let code = fixture.access.orgA.code
        var ticket = Self.login
        ticket.resident = ResidentContact(name: "Vanha Asukas", email: "vanha@example.fi", phone: nil)
        func closedTicket(at moment: String) async throws -> Ticket {
            fixture.clock.set(TestClock.helsinki(moment))
            let made = try await fixture.service.create(ticket, in: code, by: agent).ticket
            _ = try await fixture.service.changeStatus(made.reference, in: code, to: "resolved", expectedVersion: nil, by: agent)
            return try await fixture.service.changeStatus(made.reference, in: code, to: "closed", expectedVersion: nil, by: agent)
        }
        let old = try await closedTicket(at: "2024-01-15 10:00")
        let recent = try await closedTicket(at: "2026-10-01 10:00")
        fixture.clock.set(nil)
        let dryRun = try await fixture.service.anonymiseResidentContacts(closedMoreThan: 12, dryRun: true)
        #expect(dryRun.contains(old.reference) && !dryRun.contains(recent.reference))
        #expect(try await fixture.service.residentContact(of: old.reference, in: code, purpose: nil, for: agent).name == "Vanha Asukas")
        let done = try await fixture.service.anonymiseResidentContacts(closedMoreThan: 12, dryRun: false)
        #expect(done.contains(old.reference) && !done.contains(recent.reference))
        let anonymised = try await fixture.service.residentContact(of: old.reference, in: code, purpose: nil, for: agent)
        #expect(anonymised.name == nil && anonymised.email == nil && anonymised.anonymisedAt != nil)
        #expect(try await fixture.service.residentContact(of: recent.reference, in: code, purpose: nil, for: agent).name == "Vanha Asukas")
        #expect(try await fixture.service.events(of: old.reference, in: code, for: agent).last?.kind == "contact_anonymised")
        let again = try await fixture.service.anonymiseResidentContacts(closedMoreThan: 12, dryRun: false)
        #expect(!again.contains(old.reference))
        let audited = try await app.withCountyScope { transaction in
            try await transaction.query("""
                SELECT count(*) AS n FROM audit_log WHERE action = 'contact.anonymise' AND after->>'tickets' LIKE \("%\(old.reference)%")
                """).single().decode(Int.self, "n")
        }
        #expect(audited == 1)
        await app.close()
    }
}
