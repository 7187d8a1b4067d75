import BackOffice
import Metrics

/// The back office's own counters, moved once the change they count is committed: tickets
/// created by channel, logins and failed logins, usage rows imported. Through swift-metrics,
/// so they cost nothing until a metrics backend is bootstrapped (`backoffice serve` does).
enum BusinessMetrics {
    static func ticketCreated(channel: TicketChannel) {
        Counter(label: "backoffice_tickets_created_total", dimensions: [("channel", channel.rawValue)]).increment()
    }

    static func loggedIn() {
        Counter(label: "backoffice_logins_total").increment()
    }

    static func loginFailed() {
        Counter(label: "backoffice_failed_logins_total").increment()
    }

    static func usageRowsImported(_ count: Int) {
        Counter(label: "backoffice_usage_rows_imported_total").increment(by: count)
    }
}
