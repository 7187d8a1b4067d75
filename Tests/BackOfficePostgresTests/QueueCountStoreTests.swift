import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

/// The queues' capped counts against the database: exact below the cap, stopped at it, all of
/// a page's counts in one transaction of one round trip.
@Suite("Capped queue counts, against the database")
struct QueueCountStoreTests {
    let app: ConnectionPool

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 2)
    }

    @Test func aCountIsExactBelowTheCapStopsAtItAndAllTravelInOneRoundTrip() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let admin = try await fixture.principal(fixture.access.adminA)
        let new = NewTicket(subject: "Tulostin ei tulosta", description: "", category: "technical_fault", channel: "phone")
        var critical = new
        critical.priority = "critical"
        for ticket in [new, new, critical] { _ = try await fixture.service.create(ticket, in: fixture.access.orgA.code, by: admin) }
        let store = PostgresTicketStore(pool: app)
        var every = TicketFilter()
        every.organisationID = fixture.access.orgA.id
        var criticalOnly = every
        criticalOnly.priorities = [.critical]
        var none = every
        none.statuses = [.closed]
        func counts(upTo cap: Int, countyWide: Bool = false) async throws -> [Int] {
            try await store.countTickets(matching: [every, criticalOnly, none], upTo: cap, countyWide: countyWide, actor: admin.personID)
        }
        #expect(try await counts(upTo: 5) == [3, 1, 0])
        #expect(try await counts(upTo: 3) == [3, 1, 0])
        // past the cap the count stops at cap + 1, whatever the table holds
        #expect(try await counts(upTo: 2) == [3, 1, 0])
        #expect(try await counts(upTo: 1) == [2, 1, 0])
        #expect(try await counts(upTo: 0) == [1, 1, 0])
        // the county scope reaches the same tickets of the organisation the filters name
        #expect(try await counts(upTo: 2, countyWide: true) == [3, 1, 0])
        // BEGIN, the scope, the three counts and COMMIT: one transaction, one round trip
        let (_, roundTrips, transactions) = try await RoundTrips.counting { try await counts(upTo: 2) }
        #expect(roundTrips == 1 && transactions == 1)
        #expect(try await store.countTickets(matching: [], upTo: 2, countyWide: false, actor: admin.personID).isEmpty)
        await app.close()
    }

    @Test func theServiceCapsTheCountsAndLeavesOutWhatItCannotCountHere() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let admin = try await fixture.principal(fixture.access.adminA)
        let new = NewTicket(subject: "Tulostin ei tulosta", description: "", category: "technical_fault", channel: "phone")
        for _ in 1...3 { _ = try await fixture.service.create(new, in: fixture.access.orgA.code, by: admin) }
        let capped = TicketService(
            store: PostgresTicketStore(pool: app), access: RoleService(store: fixture.access.store),
            cursors: HMACCursorSeal(secret: RandomSecret.make()), countCap: 2)
        let counts = try await capped.counts(
            of: [NamedQueue.open.query, NamedQueue.mine.query, TicketQuery(priorities: ["urgent"]),
                 TicketQuery(statuses: ["new"])],
            in: fixture.access.orgA.code, for: admin)
        #expect(counts == [.moreThan(2), .exact(0), nil, .moreThan(2)])
        // an organisation of someone else's: nothing counted, nothing refused for the rest
        let elsewhere = try await capped.counts(of: [NamedQueue.open.query], in: fixture.access.orgB.code, for: admin)
        #expect(elsewhere == [nil])
        await app.close()
    }
}
