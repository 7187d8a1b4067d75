@testable import BackOffice
@testable import BackOfficePostgres
import Foundation
import Postgres
import PostgresTestSupport
import Testing

/// The plans of the queues, the search and their capped counts (issue 14, migration 0025):
/// on a database of their own holding 20 000 tickets in 4 organisations
/// (`Benchmarks/queue-load.sql`, the benchmark's loader), each statement `PostgresTicketStore`
/// sends is EXPLAINed as backoffice_app, in the organisation's tenant scope or the county
/// scope. None may scan tickets or comments sequentially, and no sort may take more than the
/// organisations' first pages (both of a search's); each reads the index its order and
/// statuses call for, where a scan and a sort would otherwise win.
@Suite("Queue and search plans on 20 000 tickets")
struct QueuePlanTests {
    static let tickets = 20_000
    /// The loader's organisations and the county's own, which the migrations make.
    static let organisations = 4 + 1

    /// A queue or search: where it runs, what it asks for, and which index must serve it
    /// (any one of `indexes`).
    struct Case: CustomStringConvertible {
        let description: String
        let organisation: Bool
        let filter: TicketFilter
        let indexes: Set<String>
    }

    @Test func everyQueueAndSearchReadsAnIndexInItsOrder() async throws {
        let database = try await QueuePlanDatabase.make(organisations: Self.organisations - 1, tickets: Self.tickets)
        let cases = try await Self.cases(in: database)
        try await TestDatabase.withConnection(database.app) { connection in
            for queue in cases {
                let scope = queue.organisation ? database.organisationID : nil
                let page = try await QueuePlan.explain(PostgresTicketStore.queue(queue.filter), in: scope, on: connection)
                Self.expectIndexed(page, queue.description, by: queue.indexes)
                // Every queue's count: the named queues' and any saved view's.
                let count = try await QueuePlan.explain(
                    PostgresTicketStore.count(queue.filter, upTo: QueueCount.standardCap), in: scope, on: connection)
                Self.expectIndexed(count, "the count of \(queue.description)", by: [])
                Self.expectStopsAtTheCap(count, "the count of \(queue.description)")
            }
        }
        try await database.drop()
    }

    static func expectIndexed(_ plan: QueuePlan, _ name: String, by indexes: Set<String>) {
        let scans = plan.nodes.filter { $0.type == "Seq Scan" && ["tickets", "ticket_comments"].contains($0.relation ?? "") }
        #expect(scans.isEmpty, "\(name): a sequential scan of \(scans.compactMap(\.relation))\n\(plan.text)")
        let sorts = plan.nodes.filter { $0.type == "Sort" && $0.rows > Double(organisations * 51 * 2) }
        #expect(sorts.isEmpty, "\(name): sorts \(sorts.map(\.rows)) rows\n\(plan.text)")
        if !indexes.isEmpty {
            let used = Set(plan.nodes.compactMap(\.index))
            #expect(!used.isDisjoint(with: indexes), "\(name): reads tickets through \(used), not \(indexes)\n\(plan.text)")
        }
    }

    /// A capped count reads under a Limit that nothing between it and the tickets makes
    /// wait for every row (a sort, a hash, an aggregate), so the read stops at the cap.
    static func expectStopsAtTheCap(_ plan: QueuePlan, _ name: String) {
        #expect(plan.nodes.map(\.type).prefix(2) == ["Aggregate", "Limit"], "\(name): not counted under a Limit\n\(plan.text)")
        let blocking = plan.nodes.dropFirst().filter { ["Sort", "Hash", "Aggregate", "Materialize"].contains($0.type) }
        #expect(blocking.isEmpty, "\(name): \(blocking.map(\.type)) read every row before the Limit\n\(plan.text)")
    }

    /// Every queue the web pages and the API offer: the named queues, the filters, both
    /// orders, a second page and the search, county-wide and in one organisation.
    static func cases(in database: QueuePlanDatabase) async throws -> [Case] {
        let unresolved: [TicketStatus] = [.new, .open, .waiting]
        func filter(_ change: (inout TicketFilter) -> Void) -> TicketFilter {
            var filter = TicketFilter()
            change(&filter)
            return filter
        }
        let secondPage = try #require(TicketFilter.Key("\(database.organisationID.uuidString)/\(database.someTicketID.uuidString)"))
        var cases: [Case] = []
        for organisation in [false, true] {
            let scope = organisation ? "LOAD-01" : "county"
            func add(_ name: String, _ indexes: Set<String>, _ change: (inout TicketFilter) -> Void) {
                cases.append(Case(description: "\(scope): \(name)", organisation: organisation,
                                  filter: filter { if organisation { $0.organisationID = database.organisationID }; change(&$0) },
                                  indexes: indexes))
            }
            add("unresolved by due (the desk's queue, Kaikki avoimet)", ["tickets_unresolved_due"]) { $0.statuses = unresolved }
            add("new and open by due", ["tickets_unresolved_due", "tickets_breaching"]) { $0.statuses = [.new, .open] }
            add("waiting", ["tickets_unresolved_due"]) { $0.statuses = [.waiting] }
            add("every status by due (the API's default)", ["tickets_due"]) { _ in }
            add("resolved by due", ["tickets_due"]) { $0.statuses = [.resolved] }
            add("every status, newest first", ["tickets_created"]) { $0.order = .newest }
            add("unresolved, newest first", ["tickets_created"]) { $0.statuses = unresolved; $0.order = .newest }
            add("breaching within 4 h", ["tickets_unresolved_due", "tickets_breaching"]) { $0.dueBefore = Date().addingTimeInterval(4 * 3600) }
            add("mine", ["tickets_unresolved_due", "tickets_assignee"]) {
                $0.statuses = unresolved
                $0.assignee = .person(database.agentID)
            }
            add("unassigned", ["tickets_unresolved_due", "tickets_assignee"]) { $0.statuses = unresolved; $0.assignee = .nobody }
            // So rare a combination reads the organisation's unresolved tickets, in order or not.
            add("critical, login and access, one service", ["tickets_unresolved_due", "tickets_assignee"]) {
                $0.statuses = unresolved
                $0.priorities = [.critical]
                $0.categories = [.loginAndAccess]
                $0.serviceCode = database.serviceCode
            }
            add("page 2 by due", ["tickets_unresolved_due"]) { $0.statuses = unresolved; $0.after = secondPage }
            add("page 2, newest first", ["tickets_created"]) { $0.order = .newest; $0.after = secondPage }
            add("a professional's own tickets", ["tickets_reporter_due"]) {
                $0.reporterID = database.agentID
                $0.searchesInternalComments = false
            }
            add("search 'kirjautuminen', unresolved", ["tickets_unresolved_due", "tickets_search", "tickets_comment_search"]) {
                $0.statuses = unresolved
                $0.text = "kirjautuminen"
            }
            add("search 'kirjautuminen', every status", ["tickets_due", "tickets_search", "tickets_comment_search"]) { $0.text = "kirjautuminen" }
            add("search a rare word", ["tickets_due", "tickets_search", "tickets_comment_search"]) { $0.text = "nimenmuutos" }
            add("search, page 2", ["tickets_due", "tickets_search", "tickets_comment_search"]) { $0.text = "kirjautuminen"; $0.after = secondPage }
        }
        return cases
    }
}
