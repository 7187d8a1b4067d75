import Foundation
import Hummingbird

/// `303 See Other`: after a form, the browser fetches the next page with GET, so a reload
/// never sends the form again.
enum Redirect {
    static func to(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// `text` for a query parameter: everything but the unreserved characters of RFC 3986 escaped.
    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// `path` when it is a path of this site (`/…`, not `//host…`), otherwise `fallback`: a
    /// `next=` or `back=` parameter never sends anyone elsewhere.
    static func local(_ path: String?, fallback: String) -> String {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.hasPrefix("/\\"),
              !path.contains(where: { $0.isNewline || $0 == "\0" })
        else { return fallback }
        return path
    }
}
