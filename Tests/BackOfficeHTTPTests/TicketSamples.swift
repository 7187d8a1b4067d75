import BackOffice
import Foundation

/// Tickets of every status, category, channel and priority, optional fields nil and set,
/// texts with what JSON must escape and what it must leave alone, dates across the calendar:
/// made by a seeded generator, so that every run tests the same tickets.
enum TicketSamples {
    /// Quotes, backslashes, every control character, DEL, slashes, Finnish letters, emoji
    /// (one with a zero-width joiner, a flag), the line and paragraph separators, a byte order
    /// mark, a combining accent, markup.
    static let awkwardTexts: [String] = [
        "", "Kirjautuminen ei onnistu", "\"lainaus\" ja 'heittomerkki'", "C:\\polku\\tiedosto", "a/b/../c", "\\\"",
        String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }), "\u{7F}", "Äänekoski, Öljymäki, Ålands",
        "😀 👩‍⚕️ 🇫🇮", "rivi\u{2028}kappale\u{2029}", "\u{FEFF}alku", "e\u{301}", "<script>alert('&')</script>",
        "tab\there\r\nnew line\u{0}nul\u{1B}[0m",
    ]

    static func tickets(count: Int) -> [Ticket] {
        var random = SplitMix(seed: 14)
        return (0..<count).map { index in
            func text() -> String {
                (0..<random.below(4)).map { _ in awkwardTexts[random.below(awkwardTexts.count)] }.joined(separator: " ")
            }
            func maybe<T>(_ value: @autoclosure () -> T) -> T? { random.below(2) == 0 ? nil : value() }
            func date() -> Date {
                // From 1901 to 9999, and a fraction of a second half the time.
                Date(timeIntervalSince1970: Double(random.below(255_000_000_000)) - 2_200_000_000 + (random.below(2) == 0 ? 0 : 0.999_9))
            }
            func minutes() -> Int { random.below(2_000_000) - 1000 }
            let status = TicketStatus.allCases[index % TicketStatus.allCases.count]
            let code = maybe(text()) ?? "OULU-TK"
            return Ticket(
                id: UUID(), organisationID: UUID(), organisationCode: code, number: random.below(Int(Int32.max)), subject: text(),
                description: text(), category: TicketCategory.allCases[random.below(TicketCategory.allCases.count)],
                channel: TicketChannel.allCases[random.below(TicketChannel.allCases.count)],
                priority: TicketPriority.allCases[random.below(TicketPriority.allCases.count)], serviceCode: maybe(text()),
                reporter: random.below(2) == 0 ? .resident : .professional(personID: UUID(), email: text()),
                assigneeID: nil, assigneeEmail: maybe(text()), status: status, version: random.below(1000) + 1,
                createdAt: date(), updatedAt: date(), firstResponseAt: maybe(date()), firstResponseDue: date(),
                resolutionDue: date(), resolvedAt: maybe(date()), closedAt: maybe(date()), waitingSince: maybe(date()),
                pausedMinutes: minutes(), firstResponseMinutes: maybe(minutes()), resolutionMinutes: maybe(minutes()),
                mergedInto: maybe(TicketLink(id: UUID(), reference: text())))
        }
    }

    /// SplitMix64: a small generator with a fixed seed.
    struct SplitMix {
        private var state: UInt64
        init(seed: UInt64) { state = seed }

        mutating func below(_ bound: Int) -> Int {
            guard bound > 1 else { return 0 }
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }
}
