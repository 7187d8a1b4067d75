import BackOffice
import Foundation
import Testing
@testable import BackOfficeWeb

/// The language catalogues and the choice of language.
@Suite struct CatalogueTests {
    @Test func everyLanguageHasTheSameKeysAndNoEmptyString() async throws {
        let renderer = try await PageRenderer.load()
        let finnish = renderer.catalogues[.fi].strings
        let english = renderer.catalogues[.en].strings
        #expect(Set(finnish.keys) == Set(english.keys))
        #expect(finnish.values.allSatisfy { !$0.isEmpty } && english.values.allSatisfy { !$0.isEmpty })
        #expect(finnish["queue_title"] == "Tukipyyntöjonot" && english["queue_title"] == "Ticket queues")
    }

    @Test func everyKeyTheTemplatesUseIsInTheCatalogue() async throws {
        let keys = try await PageRenderer.load().catalogues[.fi].strings
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/BackOfficeWeb/Resources/templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: templates.path).filter { $0.hasSuffix(".mustache") }
        #expect(files.count >= 8)
        for file in files {
            let text = try String(contentsOf: templates.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: /\{\{[#^\/]?t\.([a-z0-9_]+)\}\}/) {
                #expect(keys[String(match.1)] != nil, "\(file) uses t.\(match.1), which fi.json lacks")
            }
        }
    }

    @Test func countsAreWrittenAsEachLanguageWritesNumbersWithAPlusPastTheCap() async throws {
        let catalogues = try await PageRenderer.load().catalogues
        #expect(catalogues[.fi].queueCount(.exact(42)) == "42")
        #expect(catalogues[.fi].queueCount(.moreThan(999)) == "999+")
        #expect(catalogues[.fi].queueCount(.moreThan(9_999)) == "9\u{00A0}999+")
        #expect(catalogues[.en].queueCount(.moreThan(9_999)) == "9,999+")
        #expect(catalogues[.fi].integer(1_234_567) == "1\u{00A0}234\u{00A0}567" && catalogues[.en].integer(-1_000) == "-1,000")
        #expect(catalogues[.fi].integer(0) == "0" && catalogues[.en].integer(100) == "100")
    }

    @Test func theLanguageIsTheCookiesThenAcceptLanguagesThenFinnish() {
        #expect(Language.chosen(cookie: "en", acceptLanguage: "fi") == .en)
        #expect(Language.chosen(cookie: "sv", acceptLanguage: "en-GB,en;q=0.8") == .en)
        #expect(Language.chosen(cookie: nil, acceptLanguage: "sv-FI, en;q=0.5, fi;q=0.9") == .fi)
        #expect(Language.chosen(cookie: nil, acceptLanguage: "de, en;q=0") == .fi)
        #expect(Language.chosen(cookie: nil, acceptLanguage: nil) == .fi)
    }

    @Test func timesAreInHelsinkiInEachLanguagesOwnWay() throws {
        let moment = try Date("2026-12-02T12:05:00Z", strategy: .iso8601)
        #expect(HelsinkiTime(language: .fi).moment(moment) == "2.12.2026 klo 14.05")
        #expect(HelsinkiTime(language: .en).moment(moment) == "2 Dec 2026, 14:05")
        let summer = try Date("2026-07-01T05:00:00Z", strategy: .iso8601)
        #expect(HelsinkiTime(language: .fi).moment(summer) == "1.7.2026 klo 8.00")
        #expect(HelsinkiTime(language: .fi).duration(minutes: 545, minutesPerDay: 480) == "1 pv 1 h 5 min")
        #expect(HelsinkiTime(language: .en).duration(minutes: 0, minutesPerDay: 480) == "0 min")
    }
}
