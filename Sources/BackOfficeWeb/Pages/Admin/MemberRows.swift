import BackOffice
import Foundation

/// One member of an organisation as the members page lists them: their active roles, each
/// with its window, who granted it and why, and the revoke form.
struct MemberRow {
    let name: String
    let email: String
    let href: String
    let roles: [GrantLine]
    let hasRoles: Bool
}

/// One grant as a line: the role in words, its validity window, who granted it and why.
struct GrantLine {
    let id: String
    let role: String
    let validity: String
    let grantedBy: String
    let reason: String
    let revocable: Bool
    /// The revoke's refusal, beside its form.
    let error: String?
    let typedReason: String

    init(_ grant: RoleGrant, names: [UUID: String], days: Days, catalogue: Catalogue, revocable: Bool,
         refused: (id: String, error: String, reason: String)?) {
        id = grant.id.uuidString.lowercased()
        role = catalogue.text("role_\(grant.roleName)")
        validity = "\(days.day(grant.validFrom)) – \(grant.validUntil.map(days.day) ?? "")"
        grantedBy = grant.grantedBy.map { names[$0] ?? catalogue.text("granted_by_elsewhere") } ?? catalogue.text("granted_by_system")
        reason = grant.reason
        self.revocable = revocable
        error = refused?.id == id ? refused?.error : nil
        typedReason = refused?.id == id ? refused?.reason ?? "" : ""
    }
}

/// What the grant form was given, kept whole so a refused form can be shown again.
struct GrantForm {
    var person = ""
    var role = OrganisationRole.professional.rawValue
    var validFrom = ""
    var validUntil = ""
    var reason = ""

    init() {}

    init(_ form: FormData) {
        person = form.trimmed("person") ?? ""
        role = form["role"] ?? ""
        validFrom = form.trimmed("valid_from") ?? ""
        validUntil = form.trimmed("valid_until") ?? ""
        reason = form["reason"] ?? ""
    }

    /// The window's days, or the fields that are not days.
    func window() -> (from: Date?, until: Date?, errors: [FieldError]) {
        var errors: [FieldError] = []
        func moment(_ text: String, field: String) -> Date? {
            guard !text.isEmpty else { return nil }
            guard let day = LocalDate(text) else {
                errors.append(FieldError(field: field, reason: "must be a date YYYY-MM-DD", code: "not_date"))
                return nil
            }
            return Days.start(of: day)
        }
        let from = moment(validFrom, field: "valid_from"), until = moment(validUntil, field: "valid_until")
        return (from, until, errors)
    }
}

/// What a refused form on the members page brings back to the page.
struct MembersState {
    var grant = GrantForm()
    var grantErrors: [String: String] = [:]
    var addEmail = ""
    var addName = ""
    var addErrors: [String: String] = [:]
    var revoke: (id: String, error: String, reason: String)?
    var notice: String?
}
