import Testing
@testable import BackOfficeWeb

/// Decoding of urlencoded forms: strict about what cannot be stored.
@Suite struct FormDataTests {
    @Test func decodesPlusesEscapesAndLineEnds() throws {
        let form = try #require(FormData(urlEncoded: "subject=Kirjautuminen+ei+onnistu&body=rivi%201%0D%0Arivi%202&empty=&flag"))
        #expect(form["subject"] == "Kirjautuminen ei onnistu")
        #expect(form["body"] == "rivi 1\nrivi 2")
        #expect(form["empty"] == "" && form.trimmed("empty") == nil)
        #expect(form["flag"] == "")
        #expect(form["missing"] == nil)
        #expect(FormData(urlEncoded: "nimi=%C3%84%C3%A4ni")?["nimi"] == "Ääni")
    }

    @Test func refusesWhatCannotBeStored() {
        #expect(FormData(urlEncoded: "body=a%00b") == nil)
        #expect(FormData(urlEncoded: "body=%ZZ") == nil)
        #expect(FormData(urlEncoded: "body=%C3%28") == nil)
    }

    @Test func formTokensCompareWhole() {
        #expect(FormToken.matches("abc", "abc"))
        #expect(!FormToken.matches("abd", "abc"))
        #expect(!FormToken.matches("ab", "abc"))
        #expect(!FormToken.matches("", ""))
    }
}
