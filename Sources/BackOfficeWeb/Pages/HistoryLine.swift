import BackOffice
import Foundation

/// One entry of a ticket's history in words: when, who, through which interface, and each
/// field from what to what (statuses, priorities and categories in the page's language).
struct HistoryLine {
    let when: String
    let who: String
    let what: String
    let interface: String
    let changes: [String]
    /// Stored, not computed: templates see stored properties only.
    let hasChanges: Bool

    init(_ event: TicketEvent, labels: Labels, time: HelsinkiTime) {
        let catalogue = labels.catalogue
        when = time.moment(event.at)
        who = event.actorEmail ?? catalogue.text("history_system")
        what = catalogue.text("event_\(event.kind)")
        interface = catalogue.text("interface_\(event.interface.rawValue)")
        changes = event.changes.sorted { $0.key < $1.key }.map { field, change in
            let value = { (raw: String?) in raw.map { Self.word(for: $0, of: field, labels: labels, time: time) } ?? "–" }
            return catalogue.text("history_change", [
                "field": catalogue.text("field_\(field)"), "from": value(change.from), "to": value(change.to),
            ])
        }
        hasChanges = !changes.isEmpty
    }

    /// A stored value as a person reads it: codes of known fields through the catalogue.
    private static func word(for raw: String, of field: String, labels: Labels, time: HelsinkiTime) -> String {
        switch field {
        case "status": return TicketStatus(rawValue: raw).map(labels.status) ?? raw
        case "priority": return TicketPriority(rawValue: raw).map(labels.priority) ?? raw
        case "category": return TicketCategory(rawValue: raw).map(labels.category) ?? raw
        case "channel": return TicketChannel(rawValue: raw).map(labels.channel) ?? raw
        case "service": return labels.service(raw) ?? raw
        case "comment": return labels.catalogue.text("visibility_\(raw)")
        case "reporter": return labels.catalogue.text("reporter_kind_\(raw)")
        default: return (try? Date(raw, strategy: .iso8601)).map(time.moment) ?? raw
        }
    }
}
