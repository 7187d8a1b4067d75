import BackOffice
import Crypto
import Foundation

/// `CursorSeal` with HMAC-SHA-256 under a server secret: a cursor is the key and its MAC, each
/// in URL-safe base64, joined by a dot. The secret comes from `CURSOR_SECRET`; without it one
/// is made at start, and cursors then last as long as the process.
public struct HMACCursorSeal: CursorSeal {
    /// The HMAC key: the SHA-256 of the secret.
    private let keyBytes: Data
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// A seal under `secret` (any text; it is hashed to the HMAC key).
    public init(secret: String) {
        keyBytes = Data(SHA256.hash(data: Data(secret.utf8)))
    }

    /// A seal under `CURSOR_SECRET`, or under a random secret when it is absent or empty.
    public static func fromEnvironment(_ environment: [String: String]) -> HMACCursorSeal {
        HMACCursorSeal(secret: environment["CURSOR_SECRET"].flatMap { $0.isEmpty ? nil : $0 } ?? RandomSecret.make())
    }

    public func seal(_ text: String) -> String {
        let data = Data(text.utf8)
        return Self.encode(data) + "." + Self.encode(Data(HMAC<SHA256>.authenticationCode(for: data, using: key)))
    }

    public func open(_ cursor: String) -> String? {
        let parts = cursor.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let data = Self.decode(parts[0]), let mac = Self.decode(parts[1]),
              HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: data, using: key)
        else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// Base64url without padding, mapped byte by byte (Foundation's `replacingOccurrences`
    /// was a measured cost of every page with a next cursor).
    private static func encode(_ data: Data) -> String {
        String(decoding: data.base64EncodedData().compactMap { byte -> UInt8? in
            switch byte {
            case UInt8(ascii: "+"): UInt8(ascii: "-")
            case UInt8(ascii: "/"): UInt8(ascii: "_")
            case UInt8(ascii: "="): nil
            default: byte
            }
        }, as: UTF8.self)
    }

    private static func decode(_ text: Substring) -> Data? {
        guard text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), text.allSatisfy(\.isASCII) else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
