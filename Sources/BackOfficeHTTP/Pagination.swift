import BackOffice
import Foundation
import Hummingbird

/// Keyset pagination over a list sorted by a unique key: `?limit=` (1 to 200, default 50)
/// and an opaque `?cursor=` holding the path of the list and the last key of the previous
/// page, sealed by `cursors`: a forged, altered or other list's cursor is refused.
struct Pagination {
    let limit: Int
    let after: String?
    let cursors: any CursorSeal
    /// The list's path, sealed in with the key.
    let list: String

    init(_ request: Request, cursors: any CursorSeal) throws {
        let query = request.uri.queryParameters
        var errors = FieldErrors()
        var limit = 50
        if let text = query["limit"] {
            if let value = Int(String(text)), (1...200).contains(value) { limit = value } else { errors.add("limit", "must be 1 to 200") }
        }
        let list = request.uri.path + "\n"
        var after: String?
        if let cursor = query["cursor"] {
            if let sealed = cursors.open(String(cursor)), sealed.hasPrefix(list) {
                after = String(sealed.dropFirst(list.count))
            } else {
                errors.add("cursor", "is not a cursor from this list")
            }
        }
        try errors.throwIfAny()
        self.limit = limit
        self.after = after
        self.cursors = cursors
        self.list = list
    }

    /// The page of `items`, in the order of their unique `key`, after the cursor.
    func page<Item, Body: Encodable & Sendable>(_ items: [Item], key: (Item) -> String, body: (Item) -> Body) -> AccessBodies.Page<Body> {
        let sorted = items.sorted { key($0) < key($1) }
        let rest = after.map { cursor in sorted.filter { key($0) > cursor } } ?? sorted
        let page = Array(rest.prefix(limit))
        let next = rest.count > limit ? page.last.map { cursors.seal(list + key($0)) } : nil
        return AccessBodies.Page(items: page.map(body), nextCursor: next)
    }
}
