import Foundation

/// One demo support ticket as the desk would have logged it, with what happened to it since.
public struct DemoTicket: Sendable {
    /// Who reported it.
    public enum Reporter: Sendable {
        /// A professional of the organisation, by e-mail (one of the demo people).
        case professional(email: String)
        /// A resident, with minimal contact details (name and an e-mail or a phone, or both).
        case resident(name: String, email: String?, phone: String?)
    }
    /// A comment, public (the reporter sees it) or internal; written by the support side unless `byReporter`.
    public struct Comment: Sendable {
        public let isPublic: Bool
        public let byReporter: Bool
        public let body: String
        /// Hours after the ticket was created.
        public let afterHours: Int
    }
    /// A status change, hours after creation.
    public struct Move: Sendable { public let to: String; public let afterHours: Int }

    public let organisationCode: String
    public let subject: String          // ≤ 200 chars, Finnish
    public let description: String      // Finnish, 1–4 sentences
    public let category: String         // login_and_access | symptom_assessment_content | service_configuration | technical_fault | training_request | data_protection | feature_request | other
    public let channel: String          // phone | email | web | chat | in_person
    public let priority: String         // critical | high | normal | low
    public let serviceCode: String?     // an omaolo_services code, or nil
    public let reporter: Reporter
    /// How many hours before the seeding moment the ticket was created (1 … 24*400).
    public let createdHoursAgo: Int
    /// Whether the county support desk took it (assigned to the support agent).
    public let assignedToSupport: Bool
    /// Status changes in time order, each allowed from the previous status: new → open|waiting|resolved; open → waiting|resolved; waiting → open|resolved; resolved → open|closed; closed final. afterHours strictly increasing and < createdHoursAgo.
    public let moves: [Move]
    /// Comments in time order (afterHours < createdHoursAgo).
    public let comments: [Comment]
}

/// A few hundred realistic tickets across the demo organisations, the same on every run.
///
/// Tickets are built from Finnish template tables (subjects, descriptions, comments) combined
/// with the organisations, Omaolo services and a seeded generator. Three groups:
/// 20 fresh critical/high tickets nobody has answered yet (they breach their SLA soon),
/// 15 residents' tickets closed over 13 months ago (for the retention job), and the rest
/// spread over the past year, the older the more likely closed; and the open duplicate pairs
/// of `DemoDuplicates`, for the desk to merge.
public enum DemoTickets {
    /// All demo tickets, oldest first, so per-organisation numbering follows creation time.
    public static func all() -> [DemoTicket] {
        var rng = SplitMix64(seed: 0x0A0_1A_2025)
        // three tickets for every percent of share: 300 in all, in a shuffled order
        var deck = organisations.flatMap { Array(repeating: $0, count: 3 * $0.share) }
        rng.shuffle(&deck)
        let tickets = deck.enumerated().map { index, organisation in
            ticket(index < 20 ? .breaching : index < 35 ? .closedLongAgo : .regular, at: organisation, &rng)
        } + DemoDuplicates.pairs.flatMap { [$0.original, $0.duplicate] }
        // oldest first; tickets created in the same hour keep their generation order
        return tickets.enumerated()
            .sorted { ($0.element.createdHoursAgo, $1.offset) > ($1.element.createdHoursAgo, $0.offset) }
            .map(\.element)
    }
}

extension DemoTickets {
    // MARK: Generator

    /// SplitMix64: a tiny deterministic generator, so the demo data is the same on every run.
    private struct SplitMix64 {
        private var state: UInt64
        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        /// A number in `range` (the modulo bias is negligible for these small ranges).
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.count))
        }
        mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
        mutating func shuffle<T>(_ items: inout [T]) {
            for i in items.indices.dropLast() { items.swapAt(i, int(i...items.count - 1)) }
        }
        mutating func weighted<T>(_ items: [(T, Int)]) -> T {
            var roll = int(0...items.reduce(0) { $0 + $1.1 } - 1)
            for (item, weight) in items {
                if roll < weight { return item }
                roll -= weight
            }
            preconditionFailure("weights must be positive")
        }
    }

    // MARK: Organisations and services

    enum Kind { case health, social, oral }

    /// A demo organisation (codes as in `DemoData`), where it is (inessive, for ticket texts),
    /// and its share of the tickets in percent: Oulu's units get the most.
    private struct Organisation {
        let code: String
        let at: String
        let kind: Kind
        let share: Int
    }

    private static let organisations: [Organisation] = [
        ("OULU-TK", "Oulun terveyskeskuksessa", Kind.health, 17), ("OULU-SOS", "Oulun sosiaalipalveluissa", .social, 10),
        ("OULU-SUU", "Oulun suun terveydenhuollossa", .oral, 8), ("KEMPELE-TA", "Kempeleen terveysasemalla", .health, 6),
        ("LIMINKA-TA", "Limingan terveysasemalla", .health, 4), ("MUHOS-TA", "Muhoksen terveysasemalla", .health, 3),
        ("KUUSAMO-TA", "Kuusamon terveysasemalla", .health, 4), ("TAIVALKOSKI-TA", "Taivalkosken terveysasemalla", .health, 2),
        ("II-TA", "Iin terveysasemalla", .health, 3), ("PUDASJARVI-TA", "Pudasjärven terveysasemalla", .health, 3),
        ("RAAHE-TA", "Raahen terveysasemalla", .health, 6), ("RAAHE-SOS", "Raahen sosiaalipalveluissa", .social, 3),
        ("SIIKAJOKI-TA", "Siikajoen terveysasemalla", .health, 2), ("YLIVIESKA-TA", "Ylivieskan terveysasemalla", .health, 5),
        ("NIVALA-TA", "Nivalan terveysasemalla", .health, 3), ("HAAPAJARVI-TA", "Haapajärven terveysasemalla", .health, 3),
        ("HAAPAVESI-TA", "Haapaveden terveysasemalla", .health, 2), ("OULAINEN-TA", "Oulaisten terveysasemalla", .health, 3),
        ("JOKILAAKSOT-SUU", "Jokilaaksojen suun terveydenhuollossa", .oral, 6), ("KALAJOKI-TA", "Kalajoen terveysasemalla", .health, 5),
        ("ALAVIESKA-TA", "Alavieskan terveysasemalla", .health, 2),
    ].map { Organisation(code: $0.0, at: $0.1, kind: $0.2, share: $0.3) }

    /// An Omaolo service (code and family as in `omaolo_services`) with a label for ticket texts.
    struct Service {
        let code: String
        let family: String
        let label: String
    }

    private static let services: [Service] = [
        ("symptom_respiratory_infection", "Hengitystieinfektion oirearvio"), ("symptom_urinary_tract_infection", "Virtsatieinfektion oirearvio"),
        ("symptom_back_pain", "Selkäkivun oirearvio"), ("symptom_oral_health", "Suun terveyden oirearvio"),
        ("symptom_sore_throat", "Kurkkukivun oirearvio"), ("symptom_cough", "Yskän oirearvio"),
        ("symptom_ear_pain", "Korvakivun oirearvio"), ("symptom_shoulder", "Olkapäävaivojen oirearvio"),
        ("symptom_knee", "Polvivaivojen oirearvio"), ("symptom_headache", "Päänsäryn oirearvio"),
        ("symptom_heartburn", "Närästyksen oirearvio"), ("symptom_diarrhoea", "Ripulin oirearvio"),
        ("symptom_eye", "Silmäoireiden oirearvio"), ("symptom_anal_region", "Peräaukon seudun oirearvio"),
        ("symptom_sexually_transmitted_infection", "Seksitautiepäilyn oirearvio"), ("symptom_coronavirus", "Koronavirustartunnan oirearvio"),
    ].map { Service(code: $0.0, family: "symptom_assessment", label: $0.1) } + [
        ("service_older_people", "service_assessment", "Ikäihmisten palvelujen palveluarvio"),
        ("service_families_with_children", "service_assessment", "Lapsiperheiden palvelujen palveluarvio"),
        ("service_adult_social_work", "service_assessment", "Aikuissosiaalityön palveluarvio"),
        ("service_mental_health_substance_use", "service_assessment", "Mielenterveys- ja päihdepalvelujen palveluarvio"),
        ("service_oral_health_care", "service_assessment", "Suun terveydenhuollon palveluarvio"),
        ("health_check", "health_check", "Terveystarkastus"), ("wellbeing_check", "wellbeing_check", "Hyvinvointitarkastus"),
        ("periodic_type2_diabetes", "periodic_check", "Tyypin 2 diabeteksen määräaikaistarkastus"),
        ("periodic_hypertension", "periodic_check", "Kohonneen verenpaineen määräaikaistarkastus"),
        ("coaching_mental_wellbeing", "coaching", "Mielen hyvinvoinnin valmennus"),
        ("coaching_weight_management", "coaching", "Painonhallinnan valmennus"),
        ("coaching_sleep", "coaching", "Unen ja unettomuuden valmennus"),
        ("coaching_physical_activity", "coaching", "Liikunnan valmennus"), ("own_plan", "own_plan", "Oma suunnitelma"),
    ].map { Service(code: $0.0, family: $0.1, label: $0.2) }

    /// The services an organisation of this kind has deployed.
    private static func services(of kind: Kind) -> [Service] {
        switch kind {
        case .health:
            return services.filter { $0.family != "service_assessment" && $0.code != "symptom_oral_health" }
        case .social:
            return services.filter {
                ($0.family == "service_assessment" && $0.code != "service_oral_health_care")
                    || ["wellbeing_check", "coaching_mental_wellbeing", "own_plan"].contains($0.code)
            }
        case .oral:
            return services.filter { ["symptom_oral_health", "service_oral_health_care", "own_plan"].contains($0.code) }
        }
    }

    // MARK: Lifecycles

    /// The status paths to each final status, all allowed by the status machine.
    private static let paths: [String: [[String]]] = [
        "new": [[]],
        "open": [["open"], ["open"], ["waiting", "open"], ["open", "waiting", "open"]],
        "waiting": [["waiting"], ["open", "waiting"], ["open", "waiting"], ["open", "waiting", "open", "waiting"]],
        "resolved": resolvedPaths,
        "closed": resolvedPaths.map { $0 + ["closed"] },
    ]
    private static let resolvedPaths = [["resolved"], ["open", "resolved"], ["open", "resolved"], ["open", "waiting", "resolved"],
                                        ["open", "waiting", "open", "resolved"], ["open", "resolved", "open", "resolved"]]

    /// Ticket age bands (hours ago) with their share of regular tickets and final statuses.
    private static let ageBands: [(hours: ClosedRange<Int>, weight: Int, statuses: [(String, Int)])] = [
        (2...48, 17, [("new", 35), ("open", 35), ("waiting", 15), ("resolved", 15)]),
        (48...24 * 14, 27, [("new", 8), ("open", 25), ("waiting", 27), ("resolved", 30), ("closed", 10)]),
        (24 * 14...24 * 90, 23, [("open", 5), ("waiting", 8), ("resolved", 12), ("closed", 75)]),
        (24 * 90...24 * 390, 33, [("open", 1), ("waiting", 2), ("resolved", 2), ("closed", 95)]),
    ]

    // MARK: Building a ticket

    private enum Group { case breaching, closedLongAgo, regular }

    /// Comments and moves on a running clock (hours after creation), each event later than the last.
    private struct Timeline {
        private var events: [(hour: Int, move: String?, comment: (isPublic: Bool, byReporter: Bool, body: String)?)] = []
        private var hour = 0
        var count: Int { events.count }

        /// A fresh ticket nobody has answered: still new, or opened within the first hour.
        static func breaching(open: Bool) -> Timeline {
            var timeline = Timeline()
            if open { timeline.move("open", after: 1) }
            return timeline
        }

        mutating func move(_ status: String, after gap: Int) {
            hour += max(1, gap)
            events.append((hour, status, nil))
        }
        mutating func comment(_ body: String, isPublic: Bool = true, byReporter: Bool = false, after gap: Int) {
            hour += max(1, gap)
            events.append((hour, nil, (isPublic, byReporter, body)))
        }
        /// The events, squeezed in order if needed so that the last happens by hour `limit` (≥ count).
        func finished(within limit: Int) -> (moves: [DemoTicket.Move], comments: [DemoTicket.Comment]) {
            let n = events.count, last = events.last?.hour ?? 0
            var moves: [DemoTicket.Move] = [], comments: [DemoTicket.Comment] = []
            for (k, event) in zip(1..., events) {
                let at = last <= limit ? event.hour : k + (event.hour - k) * (limit - n) / (last - n)
                if let status = event.move { moves.append(DemoTicket.Move(to: status, afterHours: at)) }
                if let c = event.comment {
                    comments.append(DemoTicket.Comment(isPublic: c.isPublic, byReporter: c.byReporter, body: c.body, afterHours: at))
                }
            }
            return (moves, comments)
        }
    }

    /// One ticket of `group` for `organisation`: what it is about, who reported it, and its history.
    private static func ticket(_ group: Group, at organisation: Organisation, _ rng: inout SplitMix64) -> DemoTicket {
        let byResident = group == .closedLongAgo || rng.chance(28)
        let (category, topic, template, service) = pickTemplate(for: organisation.kind, byResident: byResident, urgent: group == .breaching, &rng)
        let priority = group == .breaching ? rng.weighted([("critical", 35), ("high", 65)]) : rng.weighted(category.priorities)

        var hoursAgo: Int
        let final: String
        switch group {
        case .breaching:
            hoursAgo = rng.int(1...30)
            final = hoursAgo >= 2 && rng.chance(40) ? "open" : "new"
        case .closedLongAgo:
            hoursAgo = rng.int(24 * 399...24 * 400)
            final = "closed"
        case .regular:
            let band = rng.weighted(ageBands.map { ($0, $0.weight) })
            hoursAgo = rng.int(band.hours)
            final = rng.weighted(band.statuses)
        }
        let timeline = group == .breaching
            ? Timeline.breaching(open: final == "open")
            : history(to: final, on: topic, priority: priority, &rng)
        hoursAgo = max(hoursAgo, timeline.count + 1)
        let (moves, comments) = timeline.finished(within: group == .closedLongAgo ? rng.int(24...36) : hoursAgo - 1)

        func fill(_ text: String) -> String {
            text.replacingOccurrences(of: "{at}", with: organisation.at)
                .replacingOccurrences(of: "{svc}", with: service?.label ?? "")
                .replacingOccurrences(of: "{browser}", with: rng.pick(["Chrome", "Edge", "Firefox", "Safari"]))
                .replacingOccurrences(of: "{n}", with: String(rng.int(2...12)))
                .replacingOccurrences(of: "{staff}", with: organisation.kind == .health ? "hoitajille"
                                      : organisation.kind == .social ? "sosiaaliohjaajille" : "suuhygienisteille")
        }
        let description = fill(template.description) + (service.map { " Palvelu: \($0.label)." } ?? "")
        let reporter = byResident ? resident(&rng) : .professional(email: professional(of: organisation, &rng))
        var channels = byResident
            ? [("phone", 45), ("email", 20), ("web", 20), ("chat", 12), ("in_person", 3)]
            : [("email", 35), ("phone", 25), ("web", 25), ("chat", 10), ("in_person", 5)]
        if case .resident(_, nil, _) = reporter { channels.removeAll { $0.0 == "email" } } // no address to write from
        return DemoTicket(
            organisationCode: organisation.code,
            subject: fill(rng.pick(template.subjects)),
            description: description,
            category: category.code,
            channel: rng.weighted(channels),
            priority: priority,
            serviceCode: service?.code,
            reporter: reporter,
            createdHoursAgo: hoursAgo,
            assignedToSupport: final != "new" || rng.chance(25),
            moves: moves,
            comments: comments)
    }

    /// A category, a topic and a template in it that fit the reporter and the organisation, and the service.
    private static func pickTemplate(for kind: Kind, byResident: Bool, urgent: Bool,
                                     _ rng: inout SplitMix64) -> (Category, Topic, Template, Service?) {
        let offered = services(of: kind)
        while true {
            let category = urgent ? rng.pick(categories.filter(\.canBeUrgent))
                : rng.weighted(categories.map { ($0, byResident ? $0.byResidents : $0.byProfessionals) })
            let candidates: [(Topic, Template)] = category.topics
                .flatMap { topic in topic.templates.map { (topic, $0) } }
                .filter { $0.1.fits(byResident: byResident, offered: offered) }
            guard !candidates.isEmpty else { continue }
            let (topic, template) = rng.pick(candidates)
            return (category, topic, template, template.families == nil ? nil : rng.pick(template.services(among: offered)))
        }
    }

    /// What happened to a ticket on its way to `final`: moves along a legal path, with the
    /// support side's replies, questions and notes and the reporter's answers between them.
    private static func history(to final: String, on topic: Topic, priority: String, _ rng: inout SplitMix64) -> Timeline {
        let pace = ["critical": 2, "high": 4, "normal": 16, "low": 40][priority]!
        var timeline = Timeline()
        if final == "new" {
            if rng.chance(30) { timeline.comment(rng.pick(topic.notes), isPublic: false, after: rng.int(1...pace)) }
            return timeline
        }
        var previous = "new", thanked = false
        var exchange = topic.exchanges[0] // the question last asked, set on each move to waiting
        for status in rng.pick(paths[final]!) {
            switch (previous, status) {
            case ("new", "open"):
                timeline.move("open", after: rng.int(1...pace))
                timeline.comment(rng.pick(firstReplies), after: 1)
                if rng.chance(50) { timeline.comment(rng.pick(topic.notes), isPublic: false, after: rng.int(1...24)) }
            case (_, "open"):
                timeline.comment(previous == "resolved" ? rng.pick(reopenings) : exchange.reply, byReporter: true, after: rng.int(4...96))
                timeline.move("open", after: rng.int(1...4))
            case (_, "waiting"):
                exchange = rng.pick(topic.exchanges)
                timeline.comment(exchange.question, after: rng.int(1...(previous == "new" ? pace : 24)))
                timeline.move("waiting", after: 1)
            case (_, "resolved"):
                if previous == "waiting" { timeline.comment(exchange.reply, byReporter: true, after: rng.int(4...96)) }
                timeline.comment(rng.pick(topic.resolutions), after: rng.int(1...(previous == "open" ? pace * 6 : pace)))
                timeline.move("resolved", after: 1)
                thanked = rng.chance(30)
                if thanked { timeline.comment(rng.pick(thanks), byReporter: true, after: rng.int(1...24)) }
            default: // closed, from resolved, within a week
                let wait = rng.int(24...168)
                if rng.chance(40) {
                    timeline.comment(thanked ? confirmedClosing : automaticClosing, isPublic: false, after: wait)
                    timeline.move("closed", after: 1)
                } else {
                    timeline.move("closed", after: wait)
                }
            }
            previous = status
        }
        return timeline
    }

    // MARK: Reporters

    /// One of the organisation's demo people (e-mails as in `DemoData.people`).
    private static func professional(of organisation: Organisation, _ rng: inout SplitMix64) -> String {
        let local = rng.weighted([("org-admin", 2), ("omaolo-contact", 3), ("professional", 4), ("professional2", 4)])
        return "\(local).\(organisation.code.lowercased())@pohde.example"
    }

    /// A made-up resident with a common Finnish name and an e-mail, a phone or both.
    private static func resident(_ rng: inout SplitMix64) -> DemoTicket.Reporter {
        let first = rng.pick(["Matti", "Liisa", "Juha", "Anneli", "Timo", "Sari", "Jari", "Tuula", "Mikko", "Päivi",
                              "Antti", "Marja", "Jukka", "Eila", "Heikki", "Anna", "Kari", "Leena", "Petri", "Hanna"])
        let last = rng.pick(["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Hämäläinen", "Laine", "Heikkinen", "Koskinen",
                             "Järvinen", "Lehtonen", "Saarinen", "Pesonen", "Kemppainen", "Karjalainen", "Lehto", "Hyvönen"])
        let ascii = { (name: String) in name.lowercased().replacingOccurrences(of: "ä", with: "a").replacingOccurrences(of: "ö", with: "o") }
        let contact = rng.int(1...100)
        let email = contact <= 65 ? "\(ascii(first)).\(ascii(last))\(rng.chance(30) ? String(rng.int(1...99)) : "")@example.fi" : nil
        let phone = contact > 40
            ? "+358 \(rng.pick(["40", "44", "45", "50"])) \(rng.int(100...999)) \(rng.int(1000...9999))" : nil
        return .resident(name: "\(first) \(last)", email: email, phone: phone)
    }
}
