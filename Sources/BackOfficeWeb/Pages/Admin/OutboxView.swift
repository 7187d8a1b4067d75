import BackOffice
import Foundation

/// What the outbox page shows: the status filter, one row per mail (what it is about, its
/// kind and status in words, attempts, times, last error, and for a failed one the form that
/// sends it again), and the link to the next page.
struct OutboxView {
    /// What the request asked for, and a refused re-queue to show beside its row.
    struct State {
        var status: String
        var cursor: String?
        var notice: String?
        var refused: (id: UUID, error: String, reason: String)?
    }

    struct Row {
        let id: String
        let organisation: String
        let about: String
        /// The ticket's page, for a ticket's mail.
        let href: String?
        let kind: String
        let status: String
        let statusClass: String
        let attempts: Int
        let subject: String
        let created: String
        let createdMachine: String
        /// When it was sent, or for a pending one when it is tried next.
        let when: String?
        let lastError: String?
        let requeueAction: String?
        let error: String?
        let typedReason: String
    }

    let statuses: [Option]
    let rows: [Row]
    let hasRows: Bool
    let next: String?
    let notice: String?

    init(page: (entries: [OutboxEntry], nextCursor: String?), state: State, chosen: OutboxStatus?, catalogue: Catalogue, time: HelsinkiTime) {
        statuses = [Option(value: "", label: catalogue.text("outbox_status_all"), selected: chosen == nil)]
            + OutboxStatus.allCases.map {
                Option(value: $0.rawValue, label: catalogue.text("outbox_status_\($0.rawValue)"), selected: $0 == chosen)
            }
        rows = page.entries.map { entry in
            let refused = state.refused.flatMap { $0.id == entry.id ? $0 : nil }
            let when: String? = switch entry.status {
            case .sent: entry.sentAt.map { catalogue.text("outbox_sent_at", ["when": time.moment($0)]) }
            case .pending: catalogue.text("outbox_next_attempt", ["when": time.moment(entry.nextAttemptAt)])
            case .failed: nil
            }
            return Row(
                id: entry.id.uuidString.lowercased(), organisation: entry.organisationCode,
                about: entry.ticketReference ?? entry.courseCode.map { catalogue.text("outbox_course", ["course": $0]) } ?? "",
                href: entry.ticketReference.map { "/tickets/\($0)" },
                kind: catalogue.text("mail_kind_\(entry.kind.rawValue)"), status: catalogue.text("outbox_status_\(entry.status.rawValue)"),
                statusClass: "mail-\(entry.status.rawValue)", attempts: entry.attempts, subject: entry.subject,
                created: time.moment(entry.createdAt), createdMachine: time.machine(entry.createdAt), when: when, lastError: entry.lastError,
                requeueAction: entry.status == .failed
                    ? "/mail/outbox/\(entry.organisationCode)/\(entry.id.uuidString.lowercased())/requeue" : nil,
                error: refused?.error, typedReason: refused?.reason ?? "")
        }
        hasRows = !rows.isEmpty
        next = page.nextCursor.map { "/mail/outbox?status=\(chosen?.rawValue ?? "")&cursor=\(Redirect.encoded($0))" }
        notice = state.notice
    }
}
