import BackOffice
import Foundation
import Testing

@Suite("The training gate of a deployment")
struct ReadinessGateTests {
    static let organisation = UUID()
    let countyAdmin = Principal(personID: UUID(), email: "tuotevastaava@example.fi", countyRoles: [.countyAdmin], organisationRoles: [:], interface: .cli)
    let orgAdmin = Principal(
        personID: UUID(), email: "paakayttaja@example.fi", countyRoles: [], organisationRoles: [organisation: [.orgAdmin]], interface: .cli)

    func readiness(
        people: Int, trained: Int, threshold: Int = 80, contacts: Int = 1, contactsTrained: Int = 1, ownerTrained: Bool = true,
        lacking: Int? = nil
    ) -> DeploymentReadiness {
        DeploymentReadiness(
            thresholdPercent: threshold, people: people, fullyTrained: trained, contacts: contacts, contactsTrained: contactsTrained,
            ownerTrained: ownerTrained,
            courses: [.init(code: "oirearvioiden_kasittely", lacking: lacking ?? people - trained, lackingWithOpenTask: 0),
                      .init(code: "omaolo_perehdytys", lacking: 0, lackingWithOpenTask: 0)])
    }

    func decide(_ target: DeploymentStatus, _ readiness: DeploymentReadiness, override: String? = nil, by principal: Principal? = nil) throws(BackOfficeError) -> ReadinessGate.Decision {
        try ReadinessGate.decide(
            moveTo: target, of: "symptom_back_pain", in: "OULU-TK", readiness: readiness, overrideReason: override, by: principal ?? orgAdmin)
    }

    @Test func exactlyAtTheThresholdGoesLiveAndJustBelowIsRefusedWithTheNumbers() throws {
        #expect(try decide(.live, readiness(people: 5, trained: 4)) == .allowed)
        #expect(try decide(.live, readiness(people: 10, trained: 10, threshold: 100)) == .allowed)
        #expect(throws: BackOfficeError.conflict("""
            symptom_back_pain in OULU-TK cannot go live: 79.0 % of its 100 professionals and Omaolo contacts (79) hold every \
            required course, the threshold is 80 %; lacking: oirearvioiden_kasittely (21 people)
            """)) { try decide(.live, readiness(people: 100, trained: 79)) }
        #expect(throws: BackOfficeError.self) { try decide(.live, readiness(people: 3, trained: 2, lacking: 1)) }
        // Nobody in scope is never ready, whatever the threshold.
        #expect(throws: BackOfficeError.self) { try decide(.live, readiness(people: 0, trained: 0, threshold: 0)) }
    }

    @Test func pilotingNeedsTheOwnerAndAContactTrainedButNotTheThreshold() throws {
        #expect(try decide(.piloting, readiness(people: 10, trained: 2)) == .allowed)
        #expect(throws: BackOfficeError.conflict("""
            symptom_back_pain in OULU-TK cannot start piloting: the owner has not completed every required course; \
            lacking: oirearvioiden_kasittely (1 person)
            """)) { try decide(.piloting, readiness(people: 2, trained: 1, ownerTrained: false)) }
        #expect(throws: BackOfficeError.conflict("""
            symptom_back_pain in OULU-TK cannot start piloting: none of its 2 Omaolo contacts is fully trained; \
            lacking: oirearvioiden_kasittely (2 people)
            """)) { try decide(.piloting, readiness(people: 4, trained: 2, contacts: 2, contactsTrained: 0)) }
        #expect(throws: BackOfficeError.conflict("""
            symptom_back_pain in OULU-TK cannot start piloting: the owner has not completed every required course and the \
            organisation has no Omaolo contact; lacking: none
            """)) { try decide(.piloting, readiness(people: 0, trained: 0, contacts: 0, contactsTrained: 0, ownerTrained: false)) }
    }

    @Test func movesTheGateDoesNotGuardAreAllowed() throws {
        let nobody = readiness(people: 0, trained: 0, contacts: 0, contactsTrained: 0, ownerTrained: false)
        for target in [DeploymentStatus.paused, .retired, .planned] {
            #expect(try decide(target, nobody) == .allowed)
        }
    }

    @Test func onlyACountyAdminOverridesAndOnlyWithAReasonOfTwentyCharacters() throws {
        let below = readiness(people: 4, trained: 3)
        let reason = "  Kiireellinen käyttöönotto, koulutus viikolla 12  "
        #expect(try decide(.live, below, override: reason, by: countyAdmin) == .overridden(reason: reason.trimmingCharacters(in: .whitespaces)))
        #expect(try decide(.live, readiness(people: 4, trained: 4), override: reason, by: countyAdmin) == .allowed)
        #expect(throws: BackOfficeError.invalid(
            "override_reason", "must be 20 to 2000 characters: why the service may go ahead untrained")) {
            try decide(.live, below, override: "   19 merkkiä tässä.  ", by: countyAdmin)
        }
        #expect(try decide(.live, below, override: String(repeating: "x", count: 20), by: countyAdmin) == .overridden(reason: String(repeating: "x", count: 20)))
        let refused = #expect(throws: BackOfficeError.self) { try decide(.live, below, override: reason, by: orgAdmin) }
        guard case .forbidden(let why) = refused else { Issue.record("expected forbidden, got \(String(describing: refused))"); return }
        #expect(why.hasPrefix("only a county admin may override the readiness gate"))
    }

    @Test func aDeploymentLiveOnAnOverrideIsMarkedUntilItReachesTheThreshold() {
        func live(_ readiness: DeploymentReadiness, override: String?) -> Deployment {
            Deployment(
                id: UUID(), organisationID: UUID(), serviceCode: "symptom_cough", status: .live, plannedStart: nil, liveSince: nil,
                retiredOn: nil, ownerEmail: nil, version: 3, createdAt: Date(), updatedAt: Date(), overrideReason: override, readiness: readiness)
        }
        let reason = "Kiireellinen käyttöönotto, koulutus viikolla 12"
        #expect(live(readiness(people: 4, trained: 3), override: reason).statusLabel == "live (override)")
        #expect(live(readiness(people: 4, trained: 3), override: reason).atRisk)
        #expect(live(readiness(people: 5, trained: 4), override: reason).statusLabel == "live")
        #expect(live(readiness(people: 4, trained: 3), override: nil).statusLabel == "live")
        #expect(live(readiness(people: 4, trained: 3), override: nil).atRisk)
        #expect(!live(readiness(people: 5, trained: 4), override: nil).atRisk)
    }
}
