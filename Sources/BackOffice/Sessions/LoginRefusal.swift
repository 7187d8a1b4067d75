/// Why a login was refused. The same answer for an unknown e-mail as for a wrong password,
/// so that addresses cannot be tested.
public enum LoginRefusal: Error, Equatable, Sendable {
    case wrongCredentials
    /// Too many failed logins lately for the e-mail or the address; try again after this many seconds.
    case throttled(retryAfterSeconds: Int)
}
