import BackOffice
import Foundation
import Hummingbird

/// The JSON shapes of saved views (snake_case on the wire).
enum SavedViewBodies {
    /// A queue's filters, as saved and as given.
    struct Filters: Codable {
        let queue: String?
        let organisation: String?
        let status: String?
        let priority: String?
        let category: String?
        let service: String?
        let text: String?

        init(_ filters: QueueFilters) {
            queue = filters.queue
            organisation = filters.organisation
            status = filters.status
            priority = filters.priority
            category = filters.category
            service = filters.service
            text = filters.text
        }

        var filters: QueueFilters {
            QueueFilters(queue: queue, organisation: organisation, status: status, priority: priority, category: category,
                         service: service, text: text)
        }
    }

    struct ViewBody: ResponseEncodable {
        let id: String
        let name: String
        let shared: Bool
        let owner: String
        let filters: Filters
        let createdAt: Date

        enum CodingKeys: String, CodingKey {
            case id, name, shared, owner, filters, createdAt = "created_at"
        }

        init(_ view: SavedView) {
            id = view.id.wire
            name = view.name
            shared = view.shared
            owner = view.ownerEmail
            filters = Filters(view.filters)
            createdAt = view.createdAt
        }
    }

    /// `POST /views`.
    struct NewViewBody: Decodable {
        let name: String
        let shared: Bool?
        let filters: Filters?
    }

    /// `PATCH /views/{viewId}`.
    struct RenameBody: Decodable {
        let name: String
    }
}
