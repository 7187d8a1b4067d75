import Foundation

/// A message or one MIME part of it: header fields and the body, its parts when multipart
/// (RFC 2045, 2046). Parsing never fails: what cannot be read is left out.
struct MailEntity: Sendable {
    let headers: MailHeaders
    let body: [UInt8]
    let parts: [MailEntity]

    init(_ bytes: [UInt8]) {
        let (head, body) = Self.split(bytes)
        let headers = MailHeaders(head)
        self.headers = headers
        self.body = body
        let type = headers.structured("Content-Type")
        if type?.value.hasPrefix("multipart/") == true, let boundary = type?.parameters["boundary"], !boundary.isEmpty {
            parts = Self.parts(of: body, boundary: Array(("--" + boundary).utf8)).map(MailEntity.init)
        } else {
            parts = []
        }
    }

    /// `text/plain` when the part does not say (RFC 2045 5.2).
    var mediaType: String { headers.structured("Content-Type")?.value ?? "text/plain" }

    var isAttachment: Bool {
        let disposition = headers.structured("Content-Disposition")
        return disposition?.value == "attachment" || disposition?.parameters["filename"] != nil
            || headers.structured("Content-Type")?.parameters["name"] != nil
    }

    /// The body decoded from its transfer encoding and charset.
    var text: String {
        let bytes = TransferEncoding.decode(body, encoding: headers["Content-Transfer-Encoding"])
        return MailCharset.decode(bytes, charset: headers.structured("Content-Type")?.parameters["charset"])
    }

    /// The header block and the body, split at the first empty line (CRLF or LF endings).
    private static func split(_ bytes: [UInt8]) -> (head: [UInt8], body: [UInt8]) {
        var index = 0
        var lineStart = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                let line = bytes[lineStart..<index]
                if line.isEmpty || line == [0x0D] {
                    return (Array(bytes[..<lineStart]), Array(bytes[(index + 1)...]))
                }
                lineStart = index + 1
            }
            index += 1
        }
        return (bytes, [])
    }

    /// The bodies between `--boundary` lines, up to the closing `--boundary--`.
    private static func parts(of body: [UInt8], boundary: [UInt8]) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        var current: [UInt8]?
        for line in body.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let content = line.last == 0x0D ? line.dropLast() : line
            if content.starts(with: boundary) {
                let tail = content.dropFirst(boundary.count)
                if let finished = current { parts.append(finished.last == 0x0A ? Array(finished.dropLast()) : finished) }
                if tail.starts(with: [0x2D, 0x2D]) { return parts }
                current = []
                continue
            }
            current?.append(contentsOf: content)
            current?.append(0x0A)
        }
        if let finished = current { parts.append(finished) }
        return parts
    }
}
