/// What a password must be: at least 12 characters, at most 72 bytes (bcrypt reads no more),
/// and neither the person's e-mail address nor its name part.
public enum PasswordPolicy {
    public static let minimumCharacters = 12
    public static let maximumBytes = 72

    /// The password, or why it is refused (field `password`).
    public static func check(_ password: String, email: String) -> Result<String, FieldError> {
        let refuse = { (reason: String) in Result<String, FieldError>.failure(FieldError(field: "password", reason: reason)) }
        if password.count < minimumCharacters { return refuse("must be at least \(minimumCharacters) characters") }
        if password.utf8.count > maximumBytes { return refuse("must be at most \(maximumBytes) bytes") }
        if password.contains("\0") { return refuse("must not contain NUL characters") }
        let lowered = password.lowercased()
        let address = email.lowercased()
        let namePart = address.split(separator: "@").first.map(String.init) ?? address
        if lowered == address || lowered == namePart { return refuse("must not be your e-mail address or its name part") }
        return .success(password)
    }
}
