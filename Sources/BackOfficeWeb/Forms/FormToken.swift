/// The hidden field that carries a form's token against cross-site forgery.
enum FormToken {
    static let field = "csrf_token"

    /// Compares in time that does not depend on where the two first differ.
    static func matches(_ sent: String, _ expected: String) -> Bool {
        let a = Array(sent.utf8), b = Array(expected.utf8)
        guard a.count == b.count, !b.isEmpty else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
