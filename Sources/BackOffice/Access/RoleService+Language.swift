import Foundation

/// The language a person's mails are written in (`people.language`): Finnish unless they
/// chose English. Everyone sets their own; county admins anyone's.
extension RoleService {
    /// The principal's own language.
    public func language(for principal: Principal) async throws -> MailLanguage {
        try await store.language(of: principal.personID)
    }

    /// Sets the language of the person `email`, or the principal's own (nil), to `name` (`fi`
    /// or `en`); audited in the county's log when it changes. Returns the language now set.
    @discardableResult
    public func setLanguage(_ name: String?, of email: String? = nil, by principal: Principal) async throws -> MailLanguage {
        let person: UUID
        if let email, email.lowercased() != principal.email.lowercased() {
            guard PermissionMatrix.allows(principal, .keepCatalogues) else {
                throw BackOfficeError.forbidden("\(principal.email) sets only their own language; county admins set anyone's")
            }
            guard let found = try await store.person(email: email) else { throw BackOfficeError.notFound("person \(email)") }
            person = found.id
        } else {
            person = principal.personID
        }
        let language = try MailLanguage.named(name ?? "", field: "language").mapError { BackOfficeError.invalid([$0]) }.get()
        try await store.setLanguage(language, of: person, by: principal.personID) { before in
            AuditEntry(
                actorID: principal.personID, action: "person.language", objectType: "person", objectID: person.uuidString.lowercased(),
                before: ["language": before.rawValue], after: ["language": language.rawValue], reason: nil, interface: principal.interface)
        }
        return language
    }
}
