import BackOffice
import Testing

@Suite("Canned replies: placeholders, filling and what a reply may hold")
struct CannedReplyTemplateTests {
    static let values = CannedReplyValues(
        reference: "OULU-TK-12", subject: "Kirjautuminen ei onnistu", organisation: "Oulun terveyskeskus", agent: "Teemu Tukipalvelu",
        agentEmail: "teemu@pohde.example", date: "2.12.2026")

    @Test func placeholdersAreFilledByTheirFinnishAndEnglishNamesWithSpacesAllowed() {
        let text = "{{viite}} / {{reference}}: {{ aihe }}, {{Organisaatio}}; {{agentti}} <{{agent_email}}> {{pvm}}"
        #expect(CannedReplyTemplate.filled(text, with: Self.values)
            == "OULU-TK-12 / OULU-TK-12: Kirjautuminen ei onnistu, Oulun terveyskeskus; Teemu Tukipalvelu <teemu@pohde.example> 2.12.2026")
        #expect(CannedReplyTemplate.filled("Ei paikkamerkkejä.", with: Self.values) == "Ei paikkamerkkejä.")
    }

    @Test func anUnknownPlaceholderIsRefusedByNameAndTheKnownOnesListed() {
        let refusal = CannedReplyTemplate.checked("Hei {{asiakas}}, {{viite}}", field: "body_fi")
        guard case .failure(let error) = refusal else { Issue.record("accepted an unknown placeholder"); return }
        #expect(error.field == "body_fi" && error.code == "unknown_placeholder")
        #expect(error.reason.hasPrefix("unknown placeholder {{asiakas}}; use one of {{viite}}, {{aihe}}"))
        #expect(CannedReplyTemplate.unknownPlaceholder(in: "Hei {{ asiakas }}") == "asiakas")
        #expect(CannedReplyTemplate.unknownPlaceholder(in: "Hei {{viite}}") == nil)
    }

    @Test func anUnclosedPlaceholderIsRefused() {
        guard case .failure(let error) = CannedReplyTemplate.checked("Hei {{viite", field: "body_en") else {
            Issue.record("accepted an unclosed placeholder"); return
        }
        #expect(error.field == "body_en" && error.code == "unclosed_placeholder")
    }

    @Test func theFieldsAreCheckedWholeIdentityCodesAndUnknownPlaceholdersEach() {
        let fields = CannedReplyFields(title: "Henkilö 131052-308T", bodyFinnish: "Hei {{nimi}}", bodyEnglish: "Hello {{reference}} 131052-308T")
        let refusal = #expect(throws: BackOfficeError.self) { try fields.validated() }
        guard case .invalid(let errors)? = refusal else { Issue.record("expected invalid, got \(String(describing: refusal))"); return }
        #expect(errors.map(\.field) == ["title", "body_fi", "body_en"])
        #expect(errors.map(\.code) == ["identity_code", "unknown_placeholder", "identity_code"])
    }

    @Test func anEmptyEnglishBodyIsNoneAndFinnishStandsInForIt() throws {
        let fields = try CannedReplyFields(title: " Kuittaus ", bodyFinnish: "Hei {{viite}}", bodyEnglish: "  ").validated()
        #expect(fields == CannedReplyFields(title: "Kuittaus", bodyFinnish: "Hei {{viite}}", bodyEnglish: nil))
    }
}
