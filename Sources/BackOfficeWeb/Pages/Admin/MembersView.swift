import BackOffice
import Foundation

/// The members page's view: the organisation's tabs, each member with their active roles,
/// and the forms to add a member and grant a role (for those who may).
struct MembersView {
    let heading: OrganisationTabs
    let rows: [MemberRow]
    let mayGrant: Bool
    let people: [Option]
    let roles: [Option]
    let grant: GrantForm
    let grantErrors: [String: String]
    let addEmail: String
    let addName: String
    let addErrors: [String: String]
    let notice: String?

    init(organisation: Organisation, members: [Member], principal: Principal, state: MembersState,
         catalogue: Catalogue, days: Days) {
        heading = OrganisationTabs(organisation, principal: principal, current: "members", catalogue: catalogue)
        let mayGrant = PermissionMatrix.allows(principal, .grantOrganisationRoles, in: organisation.id)
        self.mayGrant = mayGrant
        let now = Date()
        let names = Dictionary(members.map { ($0.person.id, $0.person.fullName) }, uniquingKeysWith: { first, _ in first })
        let sorted = members.sorted { $0.person.fullName.localizedCompare($1.person.fullName) == .orderedAscending }
        rows = sorted.map { member in
            let active = member.activeGrants(at: now).sorted { $0.roleName < $1.roleName }
            let lines = active.map {
                GrantLine($0, names: names, days: days, catalogue: catalogue, revocable: mayGrant && member.person.id != principal.personID,
                          refused: state.revoke)
            }
            return MemberRow(
                name: member.person.fullName, email: member.person.email,
                href: "/people/\(Redirect.encoded(member.person.email.lowercased()))", roles: lines, hasRoles: !lines.isEmpty)
        }
        people = sorted.filter(\.person.active).map {
            Option(value: $0.person.email, label: "\($0.person.fullName) (\($0.person.email))",
                   selected: $0.person.email.lowercased() == state.grant.person.lowercased())
        }
        roles = OrganisationRole.allCases.map {
            Option(value: $0.rawValue, label: catalogue.text("role_\($0.rawValue)"), selected: $0.rawValue == state.grant.role)
        }
        grant = state.grant
        grantErrors = state.grantErrors
        addEmail = state.addEmail
        addName = state.addName
        addErrors = state.addErrors
        notice = state.notice
    }
}
