import BackOffice
import Foundation
import Testing

/// The shared checks of free-text input.
@Suite("Validation")
struct ValidationTests {
    private static let organisationCodeRule = "must be 2 to 32 letters A-Z and digits in groups joined by hyphens, e.g. OULU-TK"
    private static let snakeCodeRule = "must be 2 to 40 lowercase letters and digits joined by underscores"

    // MARK: text

    @Test func textIsTrimmed() {
        #expect(Validation.text("  \n Oulun kaupunki \t ", field: "name", length: 1...100) == .success("Oulun kaupunki"))
    }

    @Test func textKeepsATabInside() {
        #expect(Validation.text("a\tb", field: "name", length: 1...10) == .success("a\tb"))
    }

    @Test func textRefusesNul() {
        #expect(Validation.text("Oulu\u{0}TK", field: "name", length: 1...100)
            == .failure(FieldError(field: "name", reason: "must not contain NUL bytes")))
    }

    @Test(arguments: ["bell\u{7}", "two\nlines", "carriage\rreturn", "escape\u{1B}[0m", "delete\u{7F}"])
    func textRefusesControlCharacters(value: String) {
        #expect(Validation.text(value, field: "name", length: 1...100)
            == .failure(FieldError(field: "name", reason: "must not contain control characters")))
    }

    @Test func textShorterThanOneIsRequired() {
        #expect(Validation.text("   ", field: "name", length: 1...10) == .failure(FieldError(field: "name", reason: "is required")))
    }

    @Test func textTooShortNamesTheMinimum() {
        #expect(Validation.text(" ab ", field: "name", length: 3...10)
            == .failure(FieldError(field: "name", reason: "must be at least 3 characters")))
        #expect(Validation.text("abc", field: "name", length: 3...10) == .success("abc"))
    }

    @Test func textTooLongNamesTheMaximum() {
        #expect(Validation.text(String(repeating: "a", count: 11), field: "name", length: 1...10)
            == .failure(FieldError(field: "name", reason: "must be at most 10 characters")))
        #expect(Validation.text(String(repeating: "ä", count: 10), field: "name", length: 1...10)
            == .success(String(repeating: "ä", count: 10)))
    }

    // MARK: email

    @Test func emailIsTrimmedAndLowercased() {
        #expect(Validation.email("  Maija.Meikalainen@Ouka.FI ") == .success("maija.meikalainen@ouka.fi"))
    }

    @Test(arguments: [
        "maija.ouka.fi",          // no @
        "maija@ouka@fi.fi",       // two @
        "@ouka.fi",               // no local part
        "maija@localhost",        // no dot in the domain
        "maija meikalainen@ouka.fi", // a space
        "maija@ouka .fi",         // a space in the domain
        "maija@.ouka.fi",         // the domain starts with a dot
        "maija@ouka.fi.",         // the domain ends with a dot
    ])
    func emailRefusesWhatIsNotAnAddress(value: String) {
        #expect(Validation.email(value) == .failure(FieldError(field: "email", reason: "is not an e-mail address")))
    }

    @Test func emailReportsUnderTheGivenField() {
        #expect(Validation.email("nobody", field: "contact_email")
            == .failure(FieldError(field: "contact_email", reason: "is not an e-mail address")))
    }

    // MARK: organisationCode

    @Test(arguments: [("oulu-tk", "OULU-TK"), (" Kuusamo ", "KUUSAMO"), ("K2", "K2"), ("pshyvinvointi-2", "PSHYVINVOINTI-2")])
    func organisationCodeIsUppercased(value: String, expected: String) {
        #expect(Validation.organisationCode(value) == .success(expected))
    }

    @Test func organisationCodeMayBe32Characters() {
        let longest = String(repeating: "A", count: 32)
        #expect(Validation.organisationCode(longest) == .success(longest))
    }

    @Test(arguments: ["ÄÄNEKOSKI", "äänekoski", "-X", "X-", "A--B", "A", String(repeating: "A", count: 33), "OULU TK", "OULU_TK", ""])
    func organisationCodeRefusesOtherShapes(value: String) {
        #expect(Validation.organisationCode(value) == .failure(FieldError(field: "code", reason: Self.organisationCodeRule)))
    }

    // MARK: snakeCode

    @Test(arguments: ["oulu", "symptom_back_pain", "a1", "  oulu  ", String(repeating: "a", count: 40)])
    func snakeCodeAcceptsLowercaseWordsJoinedByUnderscores(value: String) {
        #expect(Validation.snakeCode(value) == .success(value.trimmingCharacters(in: .whitespaces)))
    }

    @Test(arguments: ["Oulu", "_oulu", "oulu_", "back__pain", "back-pain", "back pain", "ähtäri", "a", String(repeating: "a", count: 41)])
    func snakeCodeRefusesOtherShapes(value: String) {
        #expect(Validation.snakeCode(value) == .failure(FieldError(field: "code", reason: Self.snakeCodeRule)))
    }

    // MARK: reason

    @Test func reasonIsRequired() {
        #expect(Validation.reason(nil) == .failure(FieldError(field: "reason", reason: "is required")))
        #expect(Validation.reason("  ") == .failure(FieldError(field: "reason", reason: "is required")))
    }

    @Test func reasonIsTrimmedAndAtMost1000Characters() {
        #expect(Validation.reason(" new pääkäyttäjä ") == .success("new pääkäyttäjä"))
        #expect(Validation.reason(String(repeating: "x", count: 1000)) == .success(String(repeating: "x", count: 1000)))
        #expect(Validation.reason(String(repeating: "x", count: 1001))
            == .failure(FieldError(field: "reason", reason: "must be at most 1000 characters")))
    }

    @Test func reasonReportsUnderTheGivenField() {
        #expect(Validation.reason(nil, field: "revoke_reason") == .failure(FieldError(field: "revoke_reason", reason: "is required")))
    }
}
