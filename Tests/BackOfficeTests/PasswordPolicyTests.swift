import BackOffice
import Testing

@Suite("What a password must be")
struct PasswordPolicyTests {
    let email = "Aino.Korhonen@pohde.example"

    @Test(arguments: ["Omaolo-demo-2026", "kaksitoista!", "pitkä lause jossa on välilyöntejä"])
    func aLongEnoughPasswordPasses(_ password: String) {
        #expect(PasswordPolicy.check(password, email: email) == .success(password))
    }

    @Test func twelveCharactersIsTheLeast() {
        #expect(PasswordPolicy.check("123456789012", email: email) == .success("123456789012"))
        #expect(PasswordPolicy.check("12345678901", email: email) == .failure(FieldError(field: "password", reason: "must be at least 12 characters")))
        #expect(PasswordPolicy.check("ääääääääääää", email: email).map(\.count) == .success(12), "characters, not bytes")
    }

    @Test func moreThanBcryptReadsIsRefused() {
        let longest = String(repeating: "a", count: 72)
        #expect(PasswordPolicy.check(longest, email: email) == .success(longest))
        #expect(PasswordPolicy.check(String(repeating: "a", count: 73), email: email)
            == .failure(FieldError(field: "password", reason: "must be at most 72 bytes")))
        #expect(PasswordPolicy.check(String(repeating: "ä", count: 37), email: email)
            == .failure(FieldError(field: "password", reason: "must be at most 72 bytes")), "74 bytes in UTF-8")
    }

    @Test(arguments: ["aino.korhonen@pohde.example", "AINO.KORHONEN", "Aino.Korhonen"])
    func theEmailOrItsNamePartIsRefusedInAnyCase(_ password: String) {
        #expect(PasswordPolicy.check(password, email: email)
            == .failure(FieldError(field: "password", reason: "must not be your e-mail address or its name part")))
    }

    @Test func aNulCharacterIsRefused() {
        #expect(PasswordPolicy.check("salasana\0-pitka", email: email)
            == .failure(FieldError(field: "password", reason: "must not contain NUL characters")))
    }
}
