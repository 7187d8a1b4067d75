import BackOffice
import Foundation
import Hummingbird

/// Keyset pagination over a list sorted by a unique key: `?limit=` (1 to 200, default 50)
/// and an opaque `?cursor=` holding the last key of the previous page.
struct Pagination {
    let limit: Int
    let after: String?

    init(_ request: Request) throws {
        let query = request.uri.queryParameters
        var errors = FieldErrors()
        var limit = 50
        if let text = query["limit"] {
            if let value = Int(String(text)), (1...200).contains(value) { limit = value } else { errors.add("limit", "must be 1 to 200") }
        }
        var after: String?
        if let cursor = query["cursor"] {
            if let data = Data(base64Encoded: String(cursor)), let key = String(data: data, encoding: .utf8) { after = key } else {
                errors.add("cursor", "is not a cursor from this API")
            }
        }
        try errors.throwIfAny()
        self.limit = limit
        self.after = after
    }

    /// The page of `items`, in the order of their unique `key`, after the cursor.
    func page<Item, Body: Encodable & Sendable>(_ items: [Item], key: (Item) -> String, body: (Item) -> Body) -> AccessBodies.Page<Body> {
        let sorted = items.sorted { key($0) < key($1) }
        let rest = after.map { cursor in sorted.filter { key($0) > cursor } } ?? sorted
        let page = Array(rest.prefix(limit))
        let next = rest.count > limit ? page.last.map { Data(key($0).utf8).base64EncodedString() } : nil
        return AccessBodies.Page(items: page.map(body), nextCursor: next)
    }
}
