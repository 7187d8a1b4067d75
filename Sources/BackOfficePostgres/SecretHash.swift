import Crypto
import Foundation

/// How secrets handed out once (API tokens, session cookies) are kept: their SHA-256 only.
/// They are 256 random bits, so a fast hash is enough; a leaked table gives no secret away.
enum SecretHash {
    static func of(_ secret: String) -> Data {
        Data(SHA256.hash(data: Data(secret.utf8)))
    }
}
