import BackOffice
import Foundation
import Testing

private let hour: TimeInterval = 3600

/// Granting and revoking roles (SPEC.md, the rules under the permission matrix).
@Suite("Grant rules")
struct GrantRulesTests {
    private let selfGrantRefusal = BackOfficeError.forbidden("no one grants or revokes their own roles")
    private let lastAdminRefusal = BackOfficeError.conflict(
        "the last active org_admin of an organisation cannot be revoked; grant the role to someone else first")

    private let countyAdmin = Fixture.principal(county: [.countyAdmin])
    private let orgAdminOfA = Fixture.principal(organisation: [Fixture.organisationA: [.orgAdmin]])

    private func grant(
        _ scope: RoleGrant.Scope, from validFrom: Date = Fixture.now.addingTimeInterval(-24 * hour),
        until validUntil: Date? = nil, revokedAt: Date? = nil
    ) -> RoleGrant {
        RoleGrant(
            id: UUID(uuidString: "00000000-0000-0000-0000-0000000000F1")!, personID: Fixture.otherPersonID, scope: scope,
            validFrom: validFrom, validUntil: validUntil, reason: "covers for the summer", grantedBy: Fixture.personID,
            grantedAt: validFrom, revokedAt: revokedAt, revokedBy: revokedAt.map { _ in Fixture.personID })
    }

    // MARK: Who may grant what

    @Test func noOneGrantsThemselvesACountyRole() {
        #expect(throws: selfGrantRefusal) {
            try GrantRules.checkMayChange(.county(.reporter), of: Fixture.personID, by: countyAdmin)
        }
    }

    @Test(arguments: [Fixture.principal(county: [.countyAdmin]), Fixture.principal(organisation: [Fixture.organisationA: [.orgAdmin]])])
    func noOneGrantsThemselvesAnOrganisationRole(granter: Principal) {
        #expect(throws: selfGrantRefusal) {
            try GrantRules.checkMayChange(.organisation(Fixture.organisationA, .professional), of: granter.personID, by: granter)
        }
    }

    @Test(arguments: OrganisationRole.allCases)
    func orgAdminGrantsOrganisationRolesInOwnOrganisation(role: OrganisationRole) throws {
        try GrantRules.checkMayChange(.organisation(Fixture.organisationA, role), of: Fixture.otherPersonID, by: orgAdminOfA)
    }

    @Test func orgAdminCannotGrantInAnOrganisationWhereTheyHaveNoRole() {
        #expect(throws: BackOfficeError.notFound("organisation KUUSAMO")) {
            try GrantRules.checkMayChange(
                .organisation(Fixture.organisationB, .professional), of: Fixture.otherPersonID, by: orgAdminOfA,
                organisationCode: "KUUSAMO")
        }
    }

    @Test func orgAdminCannotGrantWhereTheyHoldAnotherRole() {
        let granter = Fixture.principal(organisation: [Fixture.organisationA: [.orgAdmin], Fixture.organisationB: [.omaoloContact]])
        #expect(throws: BackOfficeError.forbidden("person@example.fi may not grant organisation roles in KUUSAMO")) {
            try GrantRules.checkMayChange(
                .organisation(Fixture.organisationB, .professional), of: Fixture.otherPersonID, by: granter,
                organisationCode: "KUUSAMO")
        }
    }

    @Test(arguments: CountyRole.allCases)
    func orgAdminCannotGrantCountyRoles(role: CountyRole) {
        #expect(throws: BackOfficeError.forbidden("person@example.fi may not grant county roles")) {
            try GrantRules.checkMayChange(.county(role), of: Fixture.otherPersonID, by: orgAdminOfA)
        }
    }

    @Test(arguments: CountyRole.allCases.map(RoleGrant.Scope.county)
        + [Fixture.organisationA, Fixture.organisationB].flatMap { organisation in
            OrganisationRole.allCases.map { RoleGrant.Scope.organisation(organisation, $0) }
        })
    func countyAdminGrantsBothKindsAnywhere(scope: RoleGrant.Scope) throws {
        try GrantRules.checkMayChange(scope, of: Fixture.otherPersonID, by: countyAdmin)
    }

    /// Only county_admin (everywhere) and org_admin (in their own organisation) grant roles.
    @Test(arguments: [
        Fixture.principal(county: [.supportAgent]),
        Fixture.principal(county: [.reporter]),
        Fixture.principal(organisation: [Fixture.organisationA: [.omaoloContact, .professional]]),
    ])
    func otherRolesGrantNothing(granter: Principal) {
        for scope in [RoleGrant.Scope.county(.reporter), .organisation(Fixture.organisationA, .professional)] {
            let refusal = Refusal { () throws(BackOfficeError) in
                try GrantRules.checkMayChange(scope, of: Fixture.otherPersonID, by: granter)
            }
            #expect(refusal == .forbidden, "\(scope)")
        }
    }

    // MARK: Revoking

    @Test func theLastActiveOrgAdminCannotBeRevoked() {
        #expect(throws: lastAdminRefusal) {
            try GrantRules.checkRevoke(grant(.organisation(Fixture.organisationA, .orgAdmin)), activeAdmins: 1, now: Fixture.now)
        }
    }

    @Test func oneOfTwoActiveOrgAdminsCanBeRevoked() throws {
        try GrantRules.checkRevoke(grant(.organisation(Fixture.organisationA, .orgAdmin)), activeAdmins: 2, now: Fixture.now)
    }

    /// An expired org_admin grant is not one of the active admins, so it does not guard the organisation.
    @Test func anExpiredOrgAdminGrantCanBeRevokedBesideTheLastActiveOne() throws {
        let expired = grant(.organisation(Fixture.organisationA, .orgAdmin), until: Fixture.now.addingTimeInterval(-hour))
        try GrantRules.checkRevoke(expired, activeAdmins: 1, now: Fixture.now)
    }

    @Test(arguments: [RoleGrant.Scope.organisation(Fixture.organisationA, .professional), .county(.supportAgent)])
    func otherRolesCanBeRevokedWhateverTheAdminCount(scope: RoleGrant.Scope) throws {
        try GrantRules.checkRevoke(grant(scope), activeAdmins: 0, now: Fixture.now)
    }

    @Test func theLastActiveCountyAdminCannotBeRevokedButOneOfTwoCan() throws {
        #expect(throws: BackOfficeError.conflict("the last active county_admin cannot be revoked; grant the role to someone else first")) {
            try GrantRules.checkRevoke(grant(.county(.countyAdmin)), activeAdmins: 1, now: Fixture.now)
        }
        try GrantRules.checkRevoke(grant(.county(.countyAdmin)), activeAdmins: 2, now: Fixture.now)
    }

    @Test func anAlreadyRevokedGrantCannotBeRevokedAgain() {
        let revoked = grant(.organisation(Fixture.organisationA, .orgAdmin), revokedAt: Fixture.now.addingTimeInterval(-hour))
        #expect(throws: BackOfficeError.conflict("the grant is already revoked")) {
            try GrantRules.checkRevoke(revoked, activeAdmins: 5, now: Fixture.now)
        }
    }

    // MARK: Which grants are active

    @Test func anOpenEndedGrantIsActiveFromItsFirstMoment() {
        let open = grant(.county(.reporter), from: Fixture.now)
        #expect(open.isActive(at: Fixture.now))
        #expect(open.isActive(at: Fixture.now.addingTimeInterval(10_000 * hour)))
        #expect(!open.isActive(at: Fixture.now.addingTimeInterval(-1)))
    }

    @Test func aRevokedGrantIsNotActive() {
        let revoked = grant(.county(.reporter), revokedAt: Fixture.now.addingTimeInterval(-hour))
        #expect(!revoked.isActive(at: Fixture.now))
    }

    @Test func anExpiredGrantIsNotActiveFromItsEnd() {
        let ending = grant(.county(.reporter), until: Fixture.now)
        #expect(ending.isActive(at: Fixture.now.addingTimeInterval(-1)))
        #expect(!ending.isActive(at: Fixture.now))
        #expect(!ending.isActive(at: Fixture.now.addingTimeInterval(hour)))
    }

    @Test func aFutureDatedGrantIsNotActiveYet() {
        let future = grant(.organisation(Fixture.organisationA, .professional), from: Fixture.now.addingTimeInterval(hour))
        #expect(!future.isActive(at: Fixture.now))
        #expect(future.isActive(at: Fixture.now.addingTimeInterval(hour)))
    }

    // MARK: Validating a request

    private func request(validFrom: Date? = nil, validUntil: Date? = nil, reason: String?) throws(BackOfficeError) -> GrantRules.Request {
        try GrantRules.request(
            personID: Fixture.otherPersonID, scope: .county(.reporter), validFrom: validFrom, validUntil: validUntil,
            reason: reason, now: Fixture.now)
    }

    @Test func aValidRequestStartsNowByDefaultAndTrimsItsReason() throws {
        let request = try request(validUntil: Fixture.now.addingTimeInterval(hour), reason: "  covers for the summer ")
        #expect(request.validFrom == Fixture.now)
        #expect(request.validUntil == Fixture.now.addingTimeInterval(hour))
        #expect(request.reason == "covers for the summer")
        #expect(request.personID == Fixture.otherPersonID)
        #expect(request.scope == .county(.reporter))
    }

    @Test(arguments: [nil, "", "   "] as [String?])
    func aMissingReasonIsInvalid(reason: String?) {
        #expect(throws: BackOfficeError.invalid("reason", "is required")) {
            try request(reason: reason)
        }
    }

    @Test(arguments: [0, -hour])
    func validUntilMustBeAfterValidFrom(offset: TimeInterval) {
        let from = Fixture.now.addingTimeInterval(24 * hour)
        #expect(throws: BackOfficeError.invalid("valid_until", "must be after valid_from")) {
            try request(validFrom: from, validUntil: from.addingTimeInterval(offset), reason: "cover")
        }
    }

    @Test(arguments: [0, -hour])
    func validUntilMustBeInTheFuture(offset: TimeInterval) {
        #expect(throws: BackOfficeError.invalid("valid_until", "must be in the future")) {
            try request(
                validFrom: Fixture.now.addingTimeInterval(-24 * hour), validUntil: Fixture.now.addingTimeInterval(offset), reason: "cover")
        }
    }

    @Test func everyInvalidFieldIsReportedAtOnce() {
        let expected = BackOfficeError.invalid([
            FieldError(field: "reason", reason: "is required"),
            FieldError(field: "valid_until", reason: "must be after valid_from"),
        ])
        #expect(throws: expected) {
            try request(validFrom: Fixture.now, validUntil: Fixture.now.addingTimeInterval(-hour), reason: nil)
        }
    }
}
