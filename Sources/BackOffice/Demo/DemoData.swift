import Foundation

/// The demo county: real North Ostrobothnia municipalities grouped into regions, with
/// organisations named and sized as the county's would be. Used by `backoffice seed demo`.
public enum DemoData {
    /// A region of the demo county.
    public struct Region: Sendable {
        public let code: String
        public let name: String
        public let municipalities: [String]
    }

    /// An organisation of the demo county.
    public struct Organisation: Sendable {
        public let code: String
        public let name: String
        public let regionCode: String
        public let kind: String
        public let populationServed: Int
    }

    public static let regions: [Region] = [
        Region(code: "oulu", name: "Oulun seutu",
               municipalities: ["Oulu", "Kempele", "Liminka", "Lumijoki", "Muhos", "Tyrnävä", "Hailuoto"]),
        Region(code: "koillismaa", name: "Koillismaa", municipalities: ["Kuusamo", "Taivalkoski"]),
        Region(code: "oulunkaari", name: "Oulunkaari", municipalities: ["Ii", "Pudasjärvi", "Utajärvi", "Vaala"]),
        Region(code: "raahe", name: "Raahen seutu", municipalities: ["Raahe", "Siikajoki", "Pyhäjoki"]),
        Region(code: "jokilaaksot", name: "Jokilaaksot",
               municipalities: ["Ylivieska", "Nivala", "Haapajärvi", "Haapavesi", "Kärsämäki", "Pyhäjärvi",
                                "Reisjärvi", "Sievi", "Oulainen", "Pyhäntä", "Siikalatva"]),
        Region(code: "rannikko", name: "Kalajokilaakson rannikko", municipalities: ["Kalajoki", "Alavieska", "Merijärvi"]),
    ]

    public static let organisations: [Organisation] = [
        Organisation(code: "OULU-TK", name: "Oulun terveyskeskus", regionCode: "oulu", kind: "health_centre", populationServed: 214_600),
        Organisation(code: "OULU-SOS", name: "Oulun sosiaalipalvelut", regionCode: "oulu", kind: "social_services", populationServed: 214_600),
        Organisation(code: "OULU-SUU", name: "Oulun suun terveydenhuolto", regionCode: "oulu", kind: "oral_health", populationServed: 214_600),
        Organisation(code: "KEMPELE-TA", name: "Kempeleen terveysasema", regionCode: "oulu", kind: "health_centre", populationServed: 19_600),
        Organisation(code: "LIMINKA-TA", name: "Limingan terveysasema", regionCode: "oulu", kind: "health_centre", populationServed: 10_300),
        Organisation(code: "MUHOS-TA", name: "Muhoksen terveysasema", regionCode: "oulu", kind: "health_centre", populationServed: 8_700),
        Organisation(code: "KUUSAMO-TA", name: "Kuusamon terveysasema", regionCode: "koillismaa", kind: "health_centre", populationServed: 14_700),
        Organisation(code: "TAIVALKOSKI-TA", name: "Taivalkosken terveysasema", regionCode: "koillismaa", kind: "health_centre", populationServed: 3_900),
        Organisation(code: "II-TA", name: "Iin terveysasema", regionCode: "oulunkaari", kind: "health_centre", populationServed: 9_900),
        Organisation(code: "PUDASJARVI-TA", name: "Pudasjärven terveysasema", regionCode: "oulunkaari", kind: "health_centre", populationServed: 7_600),
        Organisation(code: "RAAHE-TA", name: "Raahen terveysasema", regionCode: "raahe", kind: "health_centre", populationServed: 24_300),
        Organisation(code: "RAAHE-SOS", name: "Raahen sosiaalipalvelut", regionCode: "raahe", kind: "social_services", populationServed: 24_300),
        Organisation(code: "SIIKAJOKI-TA", name: "Siikajoen terveysasema", regionCode: "raahe", kind: "health_centre", populationServed: 5_000),
        Organisation(code: "YLIVIESKA-TA", name: "Ylivieskan terveysasema", regionCode: "jokilaaksot", kind: "health_centre", populationServed: 15_000),
        Organisation(code: "NIVALA-TA", name: "Nivalan terveysasema", regionCode: "jokilaaksot", kind: "health_centre", populationServed: 10_500),
        Organisation(code: "HAAPAJARVI-TA", name: "Haapajärven terveysasema", regionCode: "jokilaaksot", kind: "health_centre", populationServed: 6_900),
        Organisation(code: "HAAPAVESI-TA", name: "Haapaveden terveysasema", regionCode: "jokilaaksot", kind: "health_centre", populationServed: 6_700),
        Organisation(code: "OULAINEN-TA", name: "Oulaisten terveysasema", regionCode: "jokilaaksot", kind: "health_centre", populationServed: 7_200),
        Organisation(code: "JOKILAAKSOT-SUU", name: "Jokilaaksojen suun terveydenhuolto", regionCode: "jokilaaksot", kind: "oral_health", populationServed: 68_000),
        Organisation(code: "KALAJOKI-TA", name: "Kalajoen terveysasema", regionCode: "rannikko", kind: "health_centre", populationServed: 12_300),
        Organisation(code: "ALAVIESKA-TA", name: "Alavieskan terveysasema", regionCode: "rannikko", kind: "health_centre", populationServed: 2_500),
    ]
}

extension DemoData {
    /// A demo person and the role they hold.
    public struct DemoPerson: Sendable {
        public let email: String
        public let fullName: String
        /// `county_admin`, `support_agent` or `reporter` (in the county organisation), or an
        /// organisation role in `organisationCode`.
        public let role: String
        public let organisationCode: String
    }

    /// The county's own organisation, which the migrations create.
    public static let countyCode = "POHDE"

    /// The password of every demo person on the web pages (`/login`), set by `seed demo` for
    /// those who have none and printed by `make run`; documented in the README. Demo data only.
    public static let password = "Omaolo-demo-2026"

    /// People in every role: the county's product owner, support desk and reporter, and in each
    /// organisation a pääkäyttäjä, an Omaolovastaava and two professionals.
    public static var people: [DemoPerson] {
        let county = [
            DemoPerson(email: "tuula.tuotevastaava@pohde.example", fullName: "Tuula Tuotevastaava", role: "county_admin", organisationCode: countyCode),
            DemoPerson(email: "teemu.tukipalvelu@pohde.example", fullName: "Teemu Tukipalvelu", role: "support_agent", organisationCode: countyCode),
            DemoPerson(email: "riikka.raportoija@pohde.example", fullName: "Riikka Raportoija", role: "reporter", organisationCode: countyCode),
        ]
        let firstNames = ["Aino", "Eero", "Helmi", "Juho", "Kaisa", "Lauri", "Minna", "Niko", "Outi", "Pekka", "Sanna", "Ville"]
        let lastNames = ["Heikkinen", "Korhonen", "Mäkelä", "Niemi", "Pitkänen", "Rautio", "Salo", "Tervo", "Väisänen"]
        let roles = ["org_admin", "omaolo_contact", "professional", "professional"]
        var people = county
        for (index, organisation) in organisations.enumerated() {
            for (slot, role) in roles.enumerated() {
                let first = firstNames[(index * 4 + slot) % firstNames.count]
                let last = lastNames[(index * 3 + slot) % lastNames.count]
                let local = "\(role.replacingOccurrences(of: "_", with: "-"))\(slot == 3 ? "2" : "")"
                people.append(DemoPerson(
                    email: "\(local).\(organisation.code.lowercased())@pohde.example",
                    fullName: "\(first) \(last)", role: role, organisationCode: organisation.code))
            }
        }
        return people
    }
}
