import BackOffice
import Foundation
import HTTPTypes
import Hummingbird

extension Request {
    /// The version a strong `If-Match` tag names (`"3"`, as this API writes versions in
    /// `ETag`), nil when there is no such header. If-Match compares strongly (RFC 9110
    /// §13.1.1): a weak tag (`W/"3"`) or a tag this API never gave out matches nothing and is
    /// 412; a header that is not an entity tag at all is 400.
    func ifMatchVersion() throws -> Int? {
        guard let header = headers[.ifMatch] else { return nil }
        let tag = header.trimmingCharacters(in: .whitespaces)
        let weak = tag.hasPrefix("W/")
        let opaque = weak ? tag.dropFirst(2) : Substring(tag)
        guard opaque.count >= 2, opaque.first == "\"", opaque.last == "\"",
              opaque.dropFirst().dropLast().unicodeScalars.allSatisfy({ $0.value == 0x21 || (0x23...0x7E).contains($0.value) || $0.value >= 0x80 })
        else {
            throw Problem(.badRequest, slug: "malformed", title: "Malformed If-Match",
                          detail: "If-Match must be one entity tag this API gave out in ETag, e.g. \"3\"")
        }
        if weak {
            throw BackOfficeError.stale("If-Match compares strongly, so the weak tag \(tag) matches nothing; send the ETag as given, e.g. \"3\"")
        }
        guard let version = Int(opaque.dropFirst().dropLast()), version > 0 else {
            throw BackOfficeError.stale("If-Match \(tag) is not a version of this resource")
        }
        return version
    }
}
