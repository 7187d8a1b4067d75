import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("Saved views of the queue, against the database")
struct SavedViewServiceTests {
    let app: ConnectionPool
    let views: SavedViewService

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 4)
        views = SavedViewService(store: PostgresSavedViewStore(pool: app))
    }

    @Test func anAgentSavesTheirOwnAndSeesTheSharedOnesOnly() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let agent = try await fixture.principal(fixture.supportAgent)
        let countyAdmin = try await fixture.principal(fixture.access.countyAdmin)
        let admin = try await fixture.principal(fixture.access.adminA)
        let mine = try await views.save(
            name: "Kriittiset Oulussa", shared: false,
            filters: QueueFilters(organisation: "oulu-tk", priority: "critical", text: " "), by: agent)
        #expect(mine.filters == QueueFilters(organisation: "OULU-TK", priority: "critical"))
        #expect(mine.ownerID == fixture.supportAgent.id && !mine.shared)
        let shared = try await views.save(
            name: "Odottaa \(UUID().uuidString.prefix(6))", shared: true, filters: QueueFilters(queue: "waiting"), by: countyAdmin)
        let seenByAgent = try await views.views(for: agent).map(\.id)
        #expect(seenByAgent.contains(mine.id) && seenByAgent.contains(shared.id))
        let seenByAdmin = try await views.views(for: admin).map(\.id)
        #expect(seenByAdmin.contains(shared.id) && !seenByAdmin.contains(mine.id))
        await app.close()
    }

    @Test func onlyCountyAdminsShareAndOnlyOwnersRenameOrDelete() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let agent = try await fixture.principal(fixture.supportAgent)
        let countyAdmin = try await fixture.principal(fixture.access.countyAdmin)
        await #expect(throws: BackOfficeError.forbidden(
            "only county admins share views with the whole desk; \(fixture.supportAgent.email) may save their own")) {
            _ = try await views.save(name: "Kaikille", shared: true, filters: QueueFilters(), by: agent)
        }
        let shared = try await views.save(name: "Yhteinen \(UUID().uuidString.prefix(6))", shared: true, filters: QueueFilters(), by: countyAdmin)
        await #expect(throws: BackOfficeError.self) { _ = try await views.rename(shared.id, to: "Minun", by: agent) }
        await #expect(throws: BackOfficeError.self) { try await views.delete(shared.id, by: agent) }
        #expect(try await views.views(for: agent).first { $0.id == shared.id }?.name == shared.name)
        let renamed = try await views.rename(shared.id, to: "Uusi nimi \(UUID().uuidString.prefix(6))", by: countyAdmin)
        #expect(renamed.id == shared.id && renamed.name != shared.name && renamed.shared)
        try await views.delete(shared.id, by: countyAdmin)
        #expect(try await views.views(for: countyAdmin).allSatisfy { $0.id != shared.id })
        // a professional, who has only their own tickets, has no saved views
        await #expect(throws: BackOfficeError.self) { _ = try await views.views(for: try await fixture.principal(fixture.professional)) }
        await app.close()
    }

    @Test func badNamesAndFiltersAreNamedAndANameIsOnePersonsOnce() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let agent = try await fixture.principal(fixture.supportAgent)
        let refusal = await #expect(throws: BackOfficeError.self) {
            _ = try await views.save(name: " ", shared: false, filters: QueueFilters(status: "lost", priority: "urgent"), by: agent)
        }
        guard case .invalid(let errors)? = refusal else { Issue.record("expected invalid"); return }
        #expect(errors.map(\.field) == ["name", "filters.status", "filters.priority"])
        _ = try await views.save(name: "Aamu", shared: false, filters: QueueFilters(queue: "mine"), by: agent)
        await #expect(throws: BackOfficeError.conflict("you already have a view named \"Aamu\"")) {
            _ = try await views.save(name: "Aamu", shared: false, filters: QueueFilters(), by: agent)
        }
        #expect(try await views.views(for: agent).filter { $0.ownerID == fixture.supportAgent.id }.map(\.name) == ["Aamu"])
        await app.close()
    }

    @Test func rowLevelSecurityKeepsOthersViewsOutOfReachEvenWithoutTheService() async throws {
        let fixture = try await TicketFixture.make(app: app)
        let agent = try await fixture.principal(fixture.supportAgent)
        let view = try await views.save(name: "Oma", shared: false, filters: QueueFilters(), by: agent)
        let stranger = fixture.access.adminA.id
        let (seen, changed) = try await app.withTransaction { transaction -> (Int, Int) in
            try await transaction.execute("SELECT set_config('app.actor_id', \(stranger.uuidString.lowercased()), true)")
            let seen = try await transaction.query("SELECT count(*) AS n FROM saved_views WHERE id = \(view.id)").single().decode(Int.self, "n")
            let changed = try await transaction.query("UPDATE saved_views SET name = 'Vallattu' WHERE id = \(view.id) RETURNING id").count
            return (seen, changed)
        }
        #expect(seen == 0 && changed == 0)
        // with no one acting, no one's own views (the shared ones are the whole desk's)
        let nobody = try await app.withTransaction { transaction in
            try await transaction.query("SELECT count(*) AS n FROM saved_views WHERE NOT shared").single().decode(Int.self, "n")
        }
        #expect(nobody == 0)
        #expect(try await views.views(for: agent).first { $0.id == view.id }?.name == "Oma")
        await app.close()
    }
}
