import Foundation

/// The demo county's training: the courses Pohde would give the people who use Omaolo, and
/// what became of each demo person's task of each course, so that every status (and overdue
/// tasks, expired and soon expiring completions) shows.
public enum DemoTraining {
    public static let courses: [NewCourse] = [
        NewCourse(
            code: "omaolo_perehdytys", title: "Omaolon perehdytys ammattilaisille",
            description: """
                Omaolon palvelut asukkaan ja ammattilaisen näkökulmasta: oirearviot, palveluarviot ja hyvinvointivalmennukset, \
                ammattilaisliittymän käyttö ja yhteydenotot asukkaisiin.
                """,
            mandatoryFor: ["omaolo_contact", "professional"], daysToComplete: 30, waiverCounts: true),
        NewCourse(
            code: "oirearvioiden_kasittely", title: "Oirearvioiden käsittely",
            description: "Oirearvion tulosten tulkinta, kiireellisyysluokat, jatkohoitoon ohjaus ja kirjaaminen potilastietojärjestelmään.",
            mandatoryFor: ["omaolo_contact", "professional"], daysToComplete: 60, validityMonths: 24),
        NewCourse(
            code: "tietosuoja_asiakastietolaki", title: "Tietosuoja ja asiakastietolaki",
            description: """
                Asiakastietolain (703/2023) ja EU:n tietosuoja-asetuksen velvoitteet Omaolon käytössä: käyttöoikeudet, \
                lokitiedot ja asiakkaan oikeus tietää, kuka hänen tietojaan on käsitellyt. Suoritus uusitaan kahden vuoden välein.
                """,
            mandatoryFor: ["org_admin", "omaolo_contact", "professional"], daysToComplete: 30, validityMonths: 24),
        NewCourse(
            code: "omaolo_paakayttaja", title: "Omaolon pääkäyttäjän koulutus",
            description: "Käyttäjähallinta, roolien myöntäminen ja poistaminen, palveluiden asetukset ja tuki omassa organisaatiossa.",
            mandatoryFor: ["org_admin"], daysToComplete: 45),
        NewCourse(
            code: "omaolovastaavan_koulutus", title: "Omaolovastaavan koulutus",
            description: "Ammattilaisten ja asukkaiden neuvonta, käyttöönoton tuki ja yhteistyö hyvinvointialueen tukipalvelun kanssa.",
            mandatoryFor: ["omaolo_contact"], daysToComplete: 45, validityMonths: 36),
        NewCourse(
            code: "laakinnallinen_laite", title: "Omaolo lääkinnällisenä laitteena",
            description: "CE-merkityn lääkinnällisen laitteen käyttäjän vastuut, vaaratilanteista ilmoittaminen ja käyttöohjeen noudattaminen.",
            daysToComplete: 30, validityMonths: 36),
    ]

    /// What became of one task.
    public enum Outcome: Sendable, Equatable {
        /// Completed `daysAgo` days ago (for a course with a validity, long ago means expired
        /// or expiring soon), with evidence.
        case completed(daysAgo: Int, evidence: TrainingEvidence)
        /// Started; assigned `daysAgo` days ago.
        case inProgress(daysAgo: Int)
        /// Not started; assigned `daysAgo` days ago (overdue once that exceeds the days to complete).
        case assigned(daysAgo: Int)
        /// Waived for a reason.
        case waived(reason: String)
    }

    /// The outcome of the task of the `course`-th course for the `slot`-th person (0 the
    /// org admin, 1 the Omaolo contact, 2 and 3 professionals) of the `organisation`-th
    /// organisation, spread so that every outcome occurs and none dominates.
    public static func outcome(organisation: Int, slot: Int, course: Int) -> Outcome {
        let evidence = [
            TrainingEvidence(kind: .webinar, reference: "Pohteen Omaolo-webinaari, osallistujalista"),
            TrainingEvidence(kind: .eLearning, reference: "Oppimisympäristön suoritustodistus \(40_000 + organisation * 97 + slot * 13 + course)"),
            TrainingEvidence(kind: .exam, reference: "Verkkotentti, tulos \(80 + (organisation + course) % 20) %"),
            TrainingEvidence(kind: .other, reference: "Lähikoulutus terveysasemalla"),
        ][(organisation + slot + course) % 4]
        switch (organisation * 7 + slot * 3 + course * 5) % 12 {
        case 0, 1, 2, 3: return .completed(daysAgo: 20 + (organisation * 11 + course * 17) % 300, evidence: evidence)
        case 4: return .completed(daysAgo: 715 - (organisation + slot) % 10, evidence: evidence)  // 24-month validity: expires within 30 days
        case 5: return .completed(daysAgo: 800 + organisation * 3, evidence: evidence)  // 24 months ago: expired
        case 6, 7: return .inProgress(daysAgo: 10 + organisation % 20)
        case 8: return .assigned(daysAgo: 90 + slot * 10)  // overdue
        case 9, 10: return .assigned(daysAgo: 3 + course)
        default:
            return slot == 0 ? .assigned(daysAgo: 5) : .waived(reason: "Suorittanut vastaavan koulutuksen edellisessä työpaikassa")
        }
    }
}
