import Foundation

/// Duplicates for the desk to merge in the demo: the same matter logged twice, as happens when
/// a resident calls and then writes, or two colleagues report one fault. Each pair is left open
/// (the later one new), so that merging it is the desk's next move.
public enum DemoDuplicates {
    /// Three pairs, the original first, both logged within the last two days.
    public static let pairs: [(original: DemoTicket, duplicate: DemoTicket)] = [
        pair(
            "KEMPELE-TA", category: "login_and_access", service: nil,
            reporter: .resident(name: "Aino Kemppainen", email: "aino.kemppainen@example.fi", phone: "+358 40 517 2240"),
            original: ("Kirjautuminen Omaoloon ei onnistu pankkitunnuksilla",
                       "Asukas soitti: tunnistautuminen pankkitunnuksilla keskeytyy ja palaa Omaolon etusivulle.", "phone", 30),
            duplicate: ("Ei pääse kirjautumaan Omaoloon",
                        "Asukas kirjoitti samasta asiasta kuin puhelimessa: kirjautuminen palaa etusivulle pankkitunnistautumisen jälkeen.",
                        "email", 26)),
        pair(
            "RAAHE-TA", category: "technical_fault", service: "symptom_respiratory_infection",
            reporter: .professional(email: "omaolo-contact.raahe-ta@pohde.example"),
            original: ("Hengitystieinfektion oirearvion yhteenveto ei aukea",
                       "Yhteenvedon avaaminen antaa virheilmoituksen kaikilla vastaanoton työasemilla aamusta asti.", "web", 20),
            duplicate: ("Virheilmoitus oirearvion yhteenvedossa",
                        "Sama virhe toisella vastaanotolla: oirearvion yhteenveto ei aukea, virhekoodi 500.", "chat", 19)),
        pair(
            "YLIVIESKA-TA", category: "service_configuration", service: nil,
            reporter: .resident(name: "Pekka Hyvönen", email: nil, phone: "+358 50 611 3098"),
            original: ("Ajanvarauksen yhteystiedot väärin Omaolossa",
                       "Asukas huomasi, että Omaolon ohjeessa on terveysaseman vanha puhelinnumero.", "phone", 8),
            duplicate: ("Terveysaseman puhelinnumero vanhentunut",
                        "Asukas soitti uudelleen: Omaolossa näkyy yhä vanha ajanvarausnumero.", "phone", 3)),
    ]

    private static func pair(
        _ code: String, category: String, service: String?, reporter: DemoTicket.Reporter,
        original: (subject: String, description: String, channel: String, hoursAgo: Int),
        duplicate: (subject: String, description: String, channel: String, hoursAgo: Int)
    ) -> (original: DemoTicket, duplicate: DemoTicket) {
        func ticket(_ text: (subject: String, description: String, channel: String, hoursAgo: Int), opened: Bool) -> DemoTicket {
            DemoTicket(
                organisationCode: code, subject: text.subject, description: text.description, category: category, channel: text.channel,
                priority: "normal", serviceCode: service, reporter: reporter, createdHoursAgo: text.hoursAgo, assignedToSupport: opened,
                moves: opened ? [DemoTicket.Move(to: "open", afterHours: 1)] : [], comments: [])
        }
        return (ticket(original, opened: true), ticket(duplicate, opened: false))
    }
}
