import Foundation

/// Secrets for tokens, sessions and form tokens: 256 bits from the system's cryptographic
/// generator, as 43 URL-safe base64 characters.
public enum RandomSecret {
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
