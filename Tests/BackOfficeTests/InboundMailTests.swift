import BackOffice
import BackOfficeTestSupport
import Foundation
import Testing

@Suite("Reading a mail: RFC 5322 headers, MIME parts, encodings, charsets, trimming")
struct InboundMailTests {
    @Test func aPlainMailGivesItsSenderSubjectAndTextWithoutTheSignature() throws {
        let mail = try InboundMail(try MailFixture.bytes("resident-new.eml", ["MESSAGE_ID": "abc.1@example.fi"]))
        #expect(mail.messageID == "abc.1@example.fi")
        #expect(mail.fromAddress == "maija.meikalainen@example.fi")
        #expect(mail.fromName == "Maija Meikäläinen")
        // folded over two lines, a B word then a Q word: the white space between them goes
        #expect(mail.subject == "Oirearvio ei aukea puhelimella – apua")
        #expect(mail.text == "Hei,\n\noirearvio ei aukea puhelimella, sivu jää tyhjäksi.\nVoisitteko auttaa?\n\nTerveisin\nMaija")
        #expect(mail.attachmentCount == 0 && mail.automatic == nil && mail.answers.isEmpty)
    }

    @Test func aReplyLosesItsQuotedPartAndKeepsItsThreadingHeaders() throws {
        let mail = try InboundMail(try MailFixture.bytes("resident-reply.eml", ["REF": "OULU-TK-7", "IN_REPLY_TO": "ticket.x@pohde.example"]))
        #expect(mail.text == "Kiitos, nyt toimii!")
        #expect(mail.answers == ["ticket.x@pohde.example", "ticket.x@pohde.example"])
        #expect(mail.subject == "VS: [OULU-TK-7] Oirearvio ei aukea")
        #expect(mail.fromName == "Maija Meikäläinen")
    }

    @Test func anHTMLOnlyMailInQuotedPrintableLatin1BecomesText() throws {
        let mail = try InboundMail(try MailFixture.bytes("html-qp-latin1.eml"))
        #expect(mail.fromName == "Päivi Pääkkönen")
        #expect(mail.subject == "Tulostin ei toimi äläkää kirjautuminen")
        #expect(mail.text == "Hyvää päivää,\n\ntulostin ei toimi & kirjautuminen katkeaa.\nKiitos!")
    }

    @Test func aBase64UTF8BodyIsDecodedAndAnAddressWithACommentNamed() throws {
        let mail = try InboundMail(try MailFixture.bytes("base64-utf8.eml"))
        #expect(mail.fromAddress == "pekka@example.fi" && mail.fromName == "Pekka Puupää")
        #expect(mail.text == "Hyvää huomenta,\n\nhyvinvointitarkastuksen lomake ei tallennu.\nYstävällisin terveisin\nPekka")
    }

    @Test func mixedAndAlternativePartsGiveThePlainTextAndCountTheAttachments() throws {
        let mail = try InboundMail(try MailFixture.bytes("mixed-with-attachments.eml", ["FROM": "hanna@example.fi"]))
        #expect(mail.fromName == "Hoitaja, Hanna" && mail.fromAddress == "hanna@example.fi")
        // quoted-printable in ISO-8859-1 with a soft line break
        #expect(mail.text == "Virhe näkyy liitteessä.\nRivi jatkuu tässä.")
        #expect(mail.attachmentCount == 2)
    }

    @Test func autoRepliesAndBouncesAreMarkedAutomatic() throws {
        #expect(try InboundMail(try MailFixture.bytes("auto-reply.eml", ["REF": "X-1"])).automatic == "Auto-Submitted: auto-replied")
        #expect(try InboundMail(try MailFixture.bytes("bounce.eml")).automatic == "a delivery report")
        var bulk = try MailFixture.bytes("base64-utf8.eml")
        bulk.insert(contentsOf: Array("Precedence: bulk\r\n".utf8), at: 0)
        #expect(try InboundMail(bulk).automatic == "Precedence: bulk")
    }

    @Test func aMailOverOneMegabyteOrWithoutTextIsRefused() throws {
        let big = try MailFixture.bytes("resident-new.eml") + [UInt8](repeating: UInt8(ascii: "a"), count: 2 * 1_048_576)
        #expect(throws: MailRefusal.tooLarge(big.count)) { try InboundMail(big) }
        #expect(throws: MailRefusal.noText) { try InboundMail(try MailFixture.bytes("no-text.eml")) }
    }

    @Test func identityCodesAreReplacedAndCounted() {
        let (text, removed) = PersonalIdentityCode.redacted("hetu 131052-308T, taas 131052-308T ja 131052-308X")
        #expect(text == "hetu [henkilötunnus poistettu], taas [henkilötunnus poistettu] ja 131052-308X")
        #expect(removed == 2)
    }

    @Test func outlookAndEnglishAttributionsEndTheText() throws {
        let outlook = "Kiitos!\n\nLähettäjä: Tuki <tuki@pohde.example>\nLähetetty: maanantai\nAihe: x\n\nvanha"
        let english = "Thanks\n\nOn Mon, 2 Mar 2026 at 10:15, Desk <tuki@pohde.example> wrote:\n> old\n\nSent from my iPhone"
        #expect(try InboundMail(Array("Subject: a\r\n\r\n\(outlook)".utf8)).text == "Kiitos!")
        #expect(try InboundMail(Array("Subject: a\r\n\r\n\(english)".utf8)).text == "Thanks")
    }
}
