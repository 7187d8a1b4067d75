import Foundation
import HTTPTypes
import Hummingbird

extension Request {
    /// The version an `If-Match` header names (`"3"`, `W/"3"`), as this API writes versions
    /// in `ETag`; nil when there is no such header.
    func ifMatchVersion() throws -> Int? {
        guard let header = headers[.ifMatch] else { return nil }
        let tag = header.trimmingCharacters(in: .whitespaces)
        let bare = (tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard let version = Int(bare), version > 0 else {
            throw Problem(.badRequest, slug: "malformed", title: "Malformed If-Match",
                          detail: "If-Match must be an ETag this API gave out, e.g. \"3\"")
        }
        return version
    }
}
