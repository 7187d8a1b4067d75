import BackOffice
import Foundation

/// The queue page's saved views: a link to each with its count, beside the named queues,
/// and the form that saves the current filters under a name.
struct SavedViewsPanel {
    struct Link {
        let href: String
        let name: String
        /// Nil when the view's tickets could not be counted here (an organisation out of reach).
        /// Text, not a number (`999+` past the cap): a template would take a count of 0 for "none".
        let count: String?
        let shared: Bool
        let current: Bool
    }

    let links: [Link]
    /// Stored, not computed: templates see stored properties only.
    let hasLinks: Bool
    /// The current filters, carried by the save form.
    let filters: [Hidden]
    /// County admins may share a view with the whole desk.
    let mayShare: Bool

    struct Hidden {
        let name: String
        let value: String
    }

    init(views: [(view: SavedView, count: String?)], current: QueueParameters, mayShare: Bool) {
        let filters = current.filters
        links = views.map { view, count in
            Link(href: QueueParameters(view.filters).href(), name: view.name, count: count, shared: view.shared,
                 current: view.filters == filters)
        }
        hasLinks = !links.isEmpty
        self.filters = Self.hidden(filters)
        self.mayShare = mayShare
    }

    /// The filters as the hidden fields of a form (the names of the queue's GET parameters).
    static func hidden(_ filters: QueueFilters) -> [Hidden] {
        [("queue", filters.queue), ("org", filters.organisation), ("status", filters.status), ("priority", filters.priority),
         ("category", filters.category), ("service", filters.service), ("q", filters.text)]
            .compactMap { name, value in value.map { Hidden(name: name, value: $0) } }
    }
}
