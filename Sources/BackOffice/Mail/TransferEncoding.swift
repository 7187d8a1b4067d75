import Foundation

/// The `Content-Transfer-Encoding`s of MIME (RFC 2045): base64 and quoted-printable are
/// decoded, 7bit, 8bit and binary are taken as they are.
enum TransferEncoding {
    static func decode(_ bytes: [UInt8], encoding: String?) -> [UInt8] {
        switch encoding?.lowercased().trimmingCharacters(in: .whitespaces) {
        case "base64": base64(bytes)
        case "quoted-printable": quotedPrintable(bytes, underscoreIsSpace: false)
        default: bytes
        }
    }

    /// Base64 with line breaks and other stray characters ignored, as mail readers do.
    static func base64(_ bytes: [UInt8]) -> [UInt8] {
        var clean = bytes.filter { $0.isBase64Digit }
        while clean.count % 4 != 0 { clean.append(UInt8(ascii: "=")) }
        return Data(base64Encoded: Data(clean)).map { [UInt8]($0) } ?? []
    }

    /// Quoted-printable (`=C3=A4`, soft line breaks `=` at a line's end); in encoded words
    /// (RFC 2047 "Q") an underscore stands for a space.
    static func quotedPrintable(_ bytes: [UInt8], underscoreIsSpace: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "=") {
                if index + 2 < bytes.count, let high = bytes[index + 1].hexValue, let low = bytes[index + 2].hexValue {
                    out.append(high << 4 | low)
                    index += 3
                    continue
                }
                // a soft line break: "=" then optional spaces then CRLF or LF
                var next = index + 1
                while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
                if next < bytes.count, bytes[next] == 0x0D { next += 1 }
                if next < bytes.count, bytes[next] == 0x0A {
                    index = next + 1
                    continue
                }
                if next == bytes.count {
                    index = next
                    continue
                }
            }
            out.append(underscoreIsSpace && byte == UInt8(ascii: "_") ? 0x20 : byte)
            index += 1
        }
        return out
    }
}

extension UInt8 {
    var hexValue: UInt8? {
        switch self {
        case 0x30...0x39: self - 0x30
        case 0x41...0x46: self - 0x41 + 10
        case 0x61...0x66: self - 0x61 + 10
        default: nil
        }
    }

    var isBase64Digit: Bool {
        (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) || (0x30...0x39).contains(self)
            || self == UInt8(ascii: "+") || self == UInt8(ascii: "/")
    }
}
