import BackOffice
import Logging
import Metrics
import Postgres

/// The gauges read when `/metrics` is scraped rather than kept up to date on every change: the
/// pool's connections (open, idle, in use) and waiting leases, and across the county the open
/// tickets and those past an SLA due time, by priority (one aggregate in the county scope).
public struct ScrapeGauges: Sendable {
    let pool: ConnectionPool
    private static let logger = Logger(label: "backoffice.metrics")

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// Records every gauge now; the ticket figures keep their last values if the database is away.
    public func record() async {
        let statistics = pool.statistics
        Gauge(label: "postgres_pool_connections", dimensions: [("state", "open")]).record(statistics.open)
        Gauge(label: "postgres_pool_connections", dimensions: [("state", "idle")]).record(statistics.idle)
        Gauge(label: "postgres_pool_connections", dimensions: [("state", "in_use")]).record(statistics.open - statistics.idle)
        Gauge(label: "postgres_pool_waiting_leases").record(statistics.waiting)
        do {
            let figures = try await ticketFigures()
            for priority in TicketPriority.allCases {
                let (open, breaching) = figures[priority.rawValue] ?? (0, 0)
                Gauge(label: "backoffice_open_tickets", dimensions: [("priority", priority.rawValue)]).record(open)
                Gauge(label: "backoffice_sla_breaches", dimensions: [("priority", priority.rawValue)]).record(breaching)
            }
        } catch {
            Self.logger.warning("ticket gauges not refreshed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
        }
    }

    /// Priority → (tickets not resolved or closed, those of them past a due time whose clock
    /// runs: the resolution, or the first response when none has been made; waiting ones pause).
    private func ticketFigures() async throws -> [String: (Int, Int)] {
        try await pool.withCountyScope { transaction in
            var figures: [String: (Int, Int)] = [:]
            for row in try await transaction.query("""
                SELECT priority, count(*) AS open,
                       count(*) FILTER (WHERE status <> 'waiting'
                                        AND (resolution_due_at < now()
                                             OR (first_response_at IS NULL AND first_response_due_at < now()))) AS breaching
                FROM tickets
                WHERE status IN ('new', 'open', 'waiting')
                GROUP BY priority
                """) {
                figures[try row.decode(String.self, "priority")] = (try row.decode(Int.self, "open"), try row.decode(Int.self, "breaching"))
            }
            return figures
        }
    }
}
