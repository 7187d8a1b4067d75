import BackOffice
import Testing

/// Finnish personal identity codes (henkilötunnus). Check characters worked out by hand:
/// "0123456789ABCDEFHJKLMNPRSTUVWXY"[DDMMYYZZZ % 31].
@Suite("Personal identity codes")
struct PersonalIdentityCodeTests {
    private static let refusal = "contains a Finnish personal identity code (henkilötunnus); remove it, identity and health data do not belong in tickets"

    @Test(arguments: [
        "131052-308T", // 131052308 % 31 = 25 → T; 13 Oct 1952
        "010101A123N", // 10101123 % 31 = 21 → N; 1 Jan 2001
        "010594Y983M", // 10594983 % 31 = 20 → M; 1 May 1994, a new 1900s sign
        "010205B102U", // 10205102 % 31 = 26 → U; 1 Feb 2005, a new 2000s sign
        "290200A999J", // 290200999 % 31 = 17 → J; 29 Feb 2000 (a leap year), a temporary number
        "010100+002H", // 10100002 % 31 = 16 → H; 1 Jan 1800
        "120392-3451", // 120392345 % 31 = 1 → 1
        "131052-308t", // a lowercase check character
        "010594y983m", // lowercase letters throughout
    ])
    func valid(code: String) {
        #expect(PersonalIdentityCode.isValid(code))
        #expect(PersonalIdentityCode.occurrences(in: code) == [code])
    }

    @Test(arguments: [
        "131052-308U",  // wrong check character (T)
        "131052-3081",
        "300299-123F",  // 30 Feb: no such date, though F is its check character
        "310499-123R",  // 31 Apr
        "290201A123J",  // 29 Feb 2001
        "290200-999J",  // 29 Feb 1900: not a leap year
        "011399-123Q",  // month 13
        "000199-1234",  // day 0
        "010101A001R",  // individual number 001
        "010101A000P",  // individual number 000
        "131052G308T",  // G is no century sign
        "1310520308T",
        "131052 308T",
        "131052-308",
        "131052-308TT",
        "131052--308T",
        "",
    ])
    func invalid(code: String) {
        #expect(!PersonalIdentityCode.isValid(code))
    }

    @Test func occurrencesStandAsWholeWords() {
        #expect(PersonalIdentityCode.occurrences(in: "Asiakas 131052-308T soitti, sisar 010101A123N:n asiassa.")
            == ["131052-308T", "010101A123N"])
        #expect(PersonalIdentityCode.occurrences(in: "(hetu:131052-308t)") == ["131052-308t"])
        #expect(PersonalIdentityCode.occurrences(in: "131052-308T-010101A123N") == ["131052-308T", "010101A123N"])
        #expect(PersonalIdentityCode.occurrences(in: "rivi 1\n131052-308T\n") == ["131052-308T"])
    }

    @Test(arguments: [
        "X131052-308TX", "1131052-308T", "131052-308T1", "ä131052-308T", "131052-308Tä", "131052-308T131052-308T",
        "131052-308U",                                    // wrong check character
        "300299-123F",                                    // no such date
        "puhelin 040-1234567, 040 1234567, +358401234567", // phone numbers
        "soitto 12.10.2025 klo 14.30",                     // a date
        "viite RF18 5390 0754 7034, viitenumero 1234561",  // bank references
        "tili FI21 1234 5600 0007 85",
        "tiketti OULU-TK-42, tilaus 2025-000123",
        "",
    ])
    func noFalseAlarms(text: String) {
        #expect(PersonalIdentityCode.occurrences(in: text) == [])
    }

    @Test func textWithoutACodePassesUnchanged() {
        let text = " Kirjautuminen ei onnistu 12.10.2025, soita 040-1234567 "
        #expect(Validation.withoutIdentityCode(text, field: "description") == .success(text))
    }

    @Test func textWithACodeIsRefusedUnderItsField() {
        #expect(Validation.withoutIdentityCode("Potilaan hetu on 131052-308T", field: "description")
            == .failure(FieldError(field: "description", reason: Self.refusal)))
        #expect(Validation.withoutIdentityCode("010594y983m", field: "subject")
            == .failure(FieldError(field: "subject", reason: Self.refusal)))
    }
}
