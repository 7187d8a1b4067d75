/// Turns a password into a slow, salted hash and checks a password against one. bcrypt in
/// production; implementations do the work off the caller's event loop.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, against hash: String) async throws -> Bool
    /// A hash of no one's password, of the same cost as real ones: checked when the e-mail is
    /// unknown, so that such a login takes as long as a wrong password.
    var decoyHash: String { get async throws }
}
