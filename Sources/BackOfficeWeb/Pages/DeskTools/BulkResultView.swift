import BackOffice

/// What a bulk action did, ticket by ticket: changed, already as asked, refused and why.
struct BulkResultView {
    struct Line {
        let reference: String
        let href: String
        let text: String?
    }

    let summary: String
    let changed: [Line]
    let unchanged: [Line]
    let refused: [Line]
    /// Stored, not computed: templates see stored properties only.
    let hasChanged: Bool
    let hasUnchanged: Bool
    let hasRefused: Bool
    let back: String

    init(_ outcomes: [TicketBulkOutcome], back: String, catalogue: Catalogue) {
        var changed: [Line] = [], unchanged: [Line] = [], refused: [Line] = []
        for outcome in outcomes {
            let href = "/tickets/\(outcome.reference)"
            switch outcome.result {
            case .changed: changed.append(Line(reference: outcome.reference, href: href, text: nil))
            case .unchanged: unchanged.append(Line(reference: outcome.reference, href: href, text: nil))
            case .refused(let kind, let reason):
                let prefix = outcome.reference + ": "
                let text = ["not_found", "stale", "forbidden"].contains(kind)
                    ? catalogue.text("bulk_refused_\(kind)") : reason.hasPrefix(prefix) ? String(reason.dropFirst(prefix.count)) : reason
                refused.append(Line(reference: outcome.reference, href: href, text: text))
            }
        }
        summary = catalogue.text("bulk_summary", [
            "changed": String(changed.count), "unchanged": String(unchanged.count), "refused": String(refused.count),
        ])
        (self.changed, self.unchanged, self.refused) = (changed, unchanged, refused)
        (hasChanged, hasUnchanged, hasRefused) = (!changed.isEmpty, !unchanged.isEmpty, !refused.isEmpty)
        self.back = back
    }
}
