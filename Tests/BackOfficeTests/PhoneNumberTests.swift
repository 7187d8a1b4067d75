import BackOffice
import Testing

@Suite("Phone numbers in one notation")
struct PhoneNumberTests {
    @Test(arguments: [
        "040 123 4567", "0401234567", "+358401234567", "+358 40 123 4567", "00358 40 1234567", "+358 (0)40-123 4567",
        " 040-123 45 67 ", "(040) 123 4567", "+3580401234567",
    ])
    func notationsOfOneNumberAreOne(_ text: String) {
        #expect(PhoneNumber(text)?.e164 == "+358401234567")
        #expect(PhoneNumber(text)?.lastDigits == "1234567")
    }

    @Test func otherCountriesKeepTheirCode() {
        #expect(PhoneNumber("+46 70 123 45 67")?.e164 == "+46701234567")
        #expect(PhoneNumber("0046 70 123 45 67")?.e164 == "+46701234567")
        #expect(PhoneNumber("040 123 4567") != PhoneNumber("040 123 4568"))
    }

    @Test(arguments: ["", "abc", "12345", "401234567", "+", "040 123 4567 ext 2", "0+40123", "+358 12", "1234567890123456789"])
    func othersAreNotNumbers(_ text: String) {
        #expect(PhoneNumber(text) == nil)
    }
}
