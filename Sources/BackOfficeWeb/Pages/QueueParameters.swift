import BackOffice
import Foundation
import Hummingbird

/// A queue's GET parameters: `queue` (a named queue), `org`, `status`, `priority`,
/// `category`, `service`, `q` and `cursor`; empty values count as absent.
struct QueueParameters {
    var named: NamedQueue?
    var organisation: String?
    var status: String?
    var priority: String?
    var category: String?
    var service: String?
    var text: String?
    var cursor: String?

    init(_ parameters: Parameters) {
        let value = { (name: String) -> String? in
            parameters[Substring(name)].map { String($0).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        named = value("queue").flatMap(NamedQueue.init(rawValue:))
        organisation = value("org")?.uppercased()
        status = value("status")
        priority = value("priority")
        category = value("category")
        service = value("service")
        text = value("q")
        cursor = value("cursor")
    }

    /// The queue of a saved view's filters, on its first page.
    init(_ filters: QueueFilters) {
        named = filters.queue.flatMap(NamedQueue.init(rawValue:))
        organisation = filters.organisation
        status = filters.status
        priority = filters.priority
        category = filters.category
        service = filters.service
        text = filters.text
    }

    /// The filters, as a saved view keeps them.
    var filters: QueueFilters {
        QueueFilters(queue: named?.rawValue, organisation: organisation, status: status, priority: priority, category: category,
                     service: service, text: text)
    }

    /// The ticket query: the named queue's, narrowed by the filters.
    var query: TicketQuery {
        var query = filters.query
        query.cursor = cursor
        return query
    }

    /// The URL of this queue with other values for some parameters (nil removes one).
    func href(_ changes: [String: String?] = [:]) -> String {
        var pairs: [(String, String?)] = [
            ("queue", named?.rawValue), ("org", organisation), ("status", status), ("priority", priority),
            ("category", category), ("service", service), ("q", text),
        ]
        for (name, value) in changes {
            if let index = pairs.firstIndex(where: { $0.0 == name }) { pairs[index].1 = value } else { pairs.append((name, value)) }
        }
        let query = pairs.compactMap { name, value in value.map { "\(name)=\(Redirect.encoded($0))" } }.joined(separator: "&")
        return query.isEmpty ? "/tickets" : "/tickets?\(query)"
    }
}
