import BackOffice
import Foundation
import Testing

/// The permission matrix of SPEC.md ("Roles and what they may do"), written out again here as
/// data, so that a change to `PermissionMatrix` that disagrees with SPEC fails a test.
enum SpecMatrix {
    /// One cell of the SPEC table.
    enum Cell: Sendable {
        /// "all", "any org", "all orgs".
        case all
        /// "tickets, all orgs" (support_agent's reports). `Action` has no kinds of report, so
        /// the matrix can only say "every organisation"; the restriction to ticket reports is
        /// not expressed by `PermissionMatrix`.
        case ticketReportsAllOrgs
        /// "own org", and "yes" for completing one's own training.
        case ownOrg
        /// "own org, as its reporter" and "own tickets: public comments only".
        case ownTickets
        /// An empty cell.
        case none

        /// The reach a role with this cell has where it is held.
        var reach: Reach {
            switch self {
            case .all, .ticketReportsAllOrgs: return .everyOrganisation
            case .ownOrg: return .ownOrganisation
            case .ownTickets: return .ownTicketsOnly
            case .none: return .nowhere
            }
        }
    }

    /// One row of the SPEC table: the action and its cells in the column order of `columns`.
    struct Row: Sendable, CustomTestStringConvertible {
        let action: Action
        let cells: [Cell]

        init(_ action: Action, _ cells: [Cell]) {
            self.action = action
            self.cells = cells
        }

        func cell(for role: AnyRole) -> Cell { cells[columns.firstIndex(of: role.name)!] }
        var testDescription: String { action.rawValue }
    }

    /// The columns of the SPEC table, left to right.
    static let columns = ["county_admin", "support_agent", "reporter", "org_admin", "omaolo_contact", "professional"]

    static let rows: [Row] = [
        //                          county_admin  support_agent          reporter  org_admin omaolo_contact professional
        Row(.keepCatalogues,         [.all,        .none,                 .none,    .none,    .none,         .none]),
        Row(.grantCountyRoles,       [.all,        .none,                 .none,    .none,    .none,         .none]),
        Row(.grantOrganisationRoles, [.all,        .none,                 .none,    .ownOrg,  .none,         .none]),
        Row(.logTicket,              [.all,        .all,                  .none,    .ownOrg,  .ownOrg,       .ownTickets]),
        Row(.workTickets,            [.all,        .all,                  .none,    .ownOrg,  .ownOrg,       .ownTickets]),
        Row(.readResidentContact,    [.all,        .all,                  .none,    .ownOrg,  .ownOrg,       .none]),
        Row(.assignTraining,         [.all,        .none,                 .none,    .ownOrg,  .ownOrg,       .none]),
        Row(.completeOwnTraining,    [.none,       .none,                 .none,    .ownOrg,  .ownOrg,       .ownOrg]),
        Row(.setDeploymentStatus,    [.all,        .none,                 .none,    .ownOrg,  .ownOrg,       .none]),
        Row(.viewReports,            [.all,        .ticketReportsAllOrgs, .all,     .ownOrg,  .ownOrg,       .none]),
    ]
}

/// One of the six roles, county or organisation, so the columns can be walked together.
enum AnyRole: Sendable, CustomTestStringConvertible {
    case county(CountyRole)
    case organisation(OrganisationRole)

    static let all: [AnyRole] = CountyRole.allCases.map(AnyRole.county) + OrganisationRole.allCases.map(AnyRole.organisation)

    var name: String {
        switch self {
        case .county(let role): return role.rawValue
        case .organisation(let role): return role.rawValue
        }
    }

    var testDescription: String { name }
}

/// Fixed identities shared by the access tests.
enum Fixture {
    static let organisationA = UUID(uuidString: "00000000-0000-0000-0000-00000000000A")!
    static let organisationB = UUID(uuidString: "00000000-0000-0000-0000-00000000000B")!
    static let personID = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!
    static let otherPersonID = UUID(uuidString: "00000000-0000-0000-0000-000000000002")!
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func principal(
        county: Set<CountyRole> = [], organisation: [UUID: Set<OrganisationRole>] = [:], id: UUID = personID
    ) -> Principal {
        Principal(personID: id, email: "person@example.fi", countyRoles: county, organisationRoles: organisation, interface: .cli)
    }

    /// A principal holding only `role`: county-wide, or in organisation A.
    static func principal(holding role: AnyRole) -> Principal {
        switch role {
        case .county(let role): return principal(county: [role])
        case .organisation(let role): return principal(organisation: [organisationA: [role]])
        }
    }
}

/// How `PermissionMatrix.require` refused, or nil when it did not.
enum Refusal: Equatable {
    case notFound, forbidden, other

    init?(_ body: () throws(BackOfficeError) -> Void) {
        do {
            try body()
            return nil
        } catch .notFound {
            self = .notFound
        } catch .forbidden {
            self = .forbidden
        } catch {
            self = .other
        }
    }
}

@Suite("The permission matrix of SPEC.md")
struct PermissionMatrixTests {
    @Test func theWrittenOutTableHasSpecsColumnsInOrder() {
        #expect(AnyRole.all.map(\.name) == SpecMatrix.columns)
        #expect(SpecMatrix.rows.allSatisfy { $0.cells.count == SpecMatrix.columns.count })
    }

    @Test func everyActionButListMembersIsARowOfSpec() {
        let actions = SpecMatrix.rows.map(\.action)
        #expect(Set(actions).count == actions.count)
        #expect(Set(actions).union([.listMembers]) == Set(Action.allCases))
    }

    @Test(arguments: SpecMatrix.rows, AnyRole.all)
    func roleReachMatchesSpec(row: SpecMatrix.Row, role: AnyRole) {
        let reach: Reach = switch role {
        case .county(let role): PermissionMatrix.reach(of: role, for: row.action)
        case .organisation(let role): PermissionMatrix.reach(of: role, for: row.action)
        }
        #expect(reach == row.cell(for: role).reach)
    }

    /// A county role reaches every organisation; an organisation role only the one where it is held.
    @Test(arguments: SpecMatrix.rows, AnyRole.all)
    func principalWithOneRoleIsAllowedExactlyWhereSpecSays(row: SpecMatrix.Row, role: AnyRole) {
        let principal = Fixture.principal(holding: role)
        let expected = row.cell(for: role).reach
        let isCounty = if case .county = role { true } else { false }
        let reachInOtherOrganisation = isCounty ? expected : .nowhere

        #expect(PermissionMatrix.reach(of: principal, for: row.action, in: Fixture.organisationA) == expected)
        #expect(PermissionMatrix.reach(of: principal, for: row.action, in: Fixture.organisationB) == reachInOtherOrganisation)
        #expect(PermissionMatrix.allows(principal, row.action, in: Fixture.organisationA)
            == [.everyOrganisation, .ownOrganisation].contains(expected))
        #expect(PermissionMatrix.allows(principal, row.action, in: Fixture.organisationB) == (reachInOtherOrganisation == .everyOrganisation))
        #expect(PermissionMatrix.allows(principal, row.action) == (isCounty && expected == .everyOrganisation))
    }

    /// Where refused, `require` answers `.forbidden` to those with standing in the organisation
    /// (a county role, or a role there) and `.notFound` to everyone else.
    @Test(arguments: SpecMatrix.rows, AnyRole.all)
    func requireRefusesWithTheRightError(row: SpecMatrix.Row, role: AnyRole) {
        let principal = Fixture.principal(holding: role)
        let isCounty = if case .county = role { true } else { false }
        let expected = row.cell(for: role).reach
        let allowedInA = [.everyOrganisation, .ownOrganisation].contains(expected)
        let allowedInB = isCounty && expected == .everyOrganisation

        #expect(Refusal { () throws(BackOfficeError) in try PermissionMatrix.require(principal, row.action, in: Fixture.organisationA) }
            == (allowedInA ? nil : .forbidden))
        #expect(Refusal { () throws(BackOfficeError) in try PermissionMatrix.require(principal, row.action, in: Fixture.organisationB) }
            == (allowedInB ? nil : isCounty ? .forbidden : .notFound))
        #expect(Refusal { () throws(BackOfficeError) in try PermissionMatrix.require(principal, row.action) }
            == (allowedInB ? nil : .forbidden))
    }

    /// Not in SPEC's table: county_admin and support_agent everywhere, org_admin and
    /// omaolo_contact in their own organisation, reporter and professional nowhere.
    @Test(arguments: zip(AnyRole.all, [Reach.everyOrganisation, .everyOrganisation, .nowhere, .ownOrganisation, .ownOrganisation, .nowhere]))
    func listMembersReachesAsTheCodeStates(role: AnyRole, expected: Reach) {
        let principal = Fixture.principal(holding: role)
        #expect(PermissionMatrix.reach(of: principal, for: .listMembers, in: Fixture.organisationA) == expected)
        #expect(PermissionMatrix.allows(principal, .listMembers, in: Fixture.organisationB) == (expected == .everyOrganisation))
    }

    @Test func countyAdminReachesOrganisationsItHasNeverSeen() {
        let principal = Fixture.principal(county: [.countyAdmin])
        let unseen = (0x100..<0x105).map { UUID(uuidString: "00000000-0000-0000-0000-000000000\(String($0, radix: 16))")! }
        for action in Action.allCases where action != .completeOwnTraining {
            #expect(unseen.allSatisfy { PermissionMatrix.allows(principal, action, in: $0) }, "\(action)")
        }
    }

    @Test func orgAdminOfAIsRefusedInB() {
        let principal = Fixture.principal(organisation: [Fixture.organisationA: [.orgAdmin]])
        #expect(PermissionMatrix.allows(principal, .grantOrganisationRoles, in: Fixture.organisationA))
        #expect(!PermissionMatrix.allows(principal, .grantOrganisationRoles, in: Fixture.organisationB))
    }

    @Test func requireAnswersNotFoundWhereThePrincipalHasNoRole() {
        let principal = Fixture.principal(organisation: [Fixture.organisationA: [.orgAdmin]])
        #expect(throws: BackOfficeError.notFound("organisation OULU-TK")) {
            try PermissionMatrix.require(principal, .grantOrganisationRoles, in: Fixture.organisationB, organisationCode: "OULU-TK")
        }
    }

    @Test func requireAnswersForbiddenWhereThePrincipalHasAnotherRole() {
        let principal = Fixture.principal(organisation: [Fixture.organisationA: [.orgAdmin], Fixture.organisationB: [.professional]])
        #expect(throws: BackOfficeError.forbidden("person@example.fi may not grant organisation roles in OULU-TK")) {
            try PermissionMatrix.require(principal, .grantOrganisationRoles, in: Fixture.organisationB, organisationCode: "OULU-TK")
        }
    }

    @Test func anEmptySetOfRolesGivesNoStanding() {
        let principal = Fixture.principal(organisation: [Fixture.organisationA: [.orgAdmin], Fixture.organisationB: []])
        #expect(!principal.canSee(organisation: Fixture.organisationB))
        #expect(Refusal { () throws(BackOfficeError) in try PermissionMatrix.require(principal, .logTicket, in: Fixture.organisationB) } == .notFound)
    }

    @Test(arguments: [Action.logTicket, .workTickets])
    func professionalReachesOnlyOwnTickets(action: Action) {
        let principal = Fixture.principal(organisation: [Fixture.organisationA: [.professional]])
        #expect(PermissionMatrix.reach(of: principal, for: action, in: Fixture.organisationA) == .ownTicketsOnly)
        #expect(!PermissionMatrix.allows(principal, action, in: Fixture.organisationA))
        #expect(Refusal { () throws(BackOfficeError) in try PermissionMatrix.require(principal, action, in: Fixture.organisationA) } == .forbidden)
    }

    @Test func theWidestRoleHeldInAnOrganisationWins() {
        let principal = Fixture.principal(organisation: [Fixture.organisationA: [.professional, .omaoloContact]])
        #expect(PermissionMatrix.reach(of: principal, for: .workTickets, in: Fixture.organisationA) == .ownOrganisation)
        #expect(PermissionMatrix.allows(principal, .workTickets, in: Fixture.organisationA))
    }

    @Test func aCountyRoleAndAnOrganisationRoleCombine() {
        let principal = Fixture.principal(county: [.reporter], organisation: [Fixture.organisationA: [.professional]])
        #expect(PermissionMatrix.allows(principal, .completeOwnTraining, in: Fixture.organisationA))
        #expect(PermissionMatrix.allows(principal, .viewReports, in: Fixture.organisationB))
        #expect(!PermissionMatrix.allows(principal, .completeOwnTraining, in: Fixture.organisationB))
    }

    @Test(arguments: Action.allCases)
    func principalWithNoRolesMayNothing(action: Action) {
        let principal = Fixture.principal()
        #expect(PermissionMatrix.reach(of: principal, for: action, in: Fixture.organisationA) == .nowhere)
        #expect(!PermissionMatrix.allows(principal, action, in: Fixture.organisationA))
        #expect(!PermissionMatrix.allows(principal, action))
        #expect(Refusal { () throws(BackOfficeError) in try PermissionMatrix.require(principal, action, in: Fixture.organisationA) } == .notFound)
        #expect(Refusal { () throws(BackOfficeError) in try PermissionMatrix.require(principal, action) } == .forbidden)
    }
}
