/// The demo desk's canned replies: the county-wide set the support desk keeps, and a few of
/// Oulun terveyskeskus's own, written as the desk would.
public enum DemoCannedReplies {
    /// One reply and the set it belongs to (nil: the county-wide set).
    public struct Reply: Sendable {
        public let organisationCode: String?
        public let fields: CannedReplyFields
    }

    public static let replies: [Reply] = county.map { Reply(organisationCode: nil, fields: $0) }
        + oulu.map { Reply(organisationCode: "OULU-TK", fields: $0) }

    private static let county: [CannedReplyFields] = [
        CannedReplyFields(
            title: "Vastaanottokuittaus",
            bodyFinnish: """
                Hei,

                kiitos yhteydenotostanne. Tukipyyntönne {{viite}} ("{{aihe}}") on vastaanotettu, ja palaamme asiaan \
                mahdollisimman pian, viimeistään seuraavana arkipäivänä.

                Ystävällisin terveisin
                {{agentti}}
                Omaolon tukipalvelu, Pohde
                """,
            bodyEnglish: """
                Hello,

                thank you for contacting us. Your request {{reference}} ("{{subject}}") has been received, and we will \
                get back to you as soon as possible, at the latest on the next working day.

                Kind regards
                {{agent}}
                Omaolo support, Pohde
                """),
        CannedReplyFields(
            title: "Kirjautuminen: suomi.fi-tunnistus",
            bodyFinnish: """
                Hei,

                Omaoloon kirjaudutaan suomi.fi-tunnistuksella pankkitunnuksilla tai mobiilivarmenteella. Jos tunnistus \
                keskeytyy, pyydämme kokeilemaan toisella selaimella tai tyhjentämään selaimen välimuistin. Kertokaa \
                meille, jos ongelma jatkuu, niin selvitämme asiaa tukipyynnöllä {{viite}}.

                Terveisin
                {{agentti}}
                """),
        CannedReplyFields(
            title: "Pyydetään kuvakaappaus",
            bodyFinnish: """
                Hei,

                jotta voimme selvittää asiaa, voisitteko lähettää kuvakaappauksen virheilmoituksesta sekä tiedon \
                käyttämästänne selaimesta ja laitteesta? Älkää lähettäkö henkilötunnuksia tai potilastietoja. \
                Merkitsemme tukipyynnön {{viite}} odottamaan vastaustanne.

                Terveisin
                {{agentti}}
                """),
        CannedReplyFields(
            title: "Ratkaistu, sulkeutuu automaattisesti",
            bodyFinnish: """
                Hei,

                merkitsemme tukipyynnön {{viite}} ratkaistuksi. Jos asia ei ole kunnossa, vastatkaa tähän viestiin, \
                niin avaamme pyynnön uudelleen.

                Kiitos kärsivällisyydestänne!
                {{agentti}}
                """,
            bodyEnglish: """
                Hello,

                we are marking request {{reference}} as resolved. If the matter is not settled, reply to this message \
                and we will reopen it.

                Thank you for your patience!
                {{agent}}
                """),
        CannedReplyFields(
            title: "Siirretty järjestelmätoimittajalle",
            bodyFinnish: """
                Hei,

                olemme välittäneet asian Omaolon järjestelmätoimittajalle selvitettäväksi. Tukipyyntö {{viite}} \
                odottaa toimittajan vastausta; ilmoitamme, kun saamme tietoa korjauksen aikataulusta.

                Terveisin
                {{agentti}}
                """),
        CannedReplyFields(
            title: "Henkilötunnus poistettu viestistä",
            bodyFinnish: """
                Hei,

                huomasimme, että viestissänne oli henkilötunnus. Tietosuojan vuoksi emme käsittele henkilötunnuksia \
                tukipyynnöissä, joten poistimme sen. Jatkossa riittää nimi ja puhelinnumero tai sähköpostiosoite.

                Terveisin
                {{agentti}}
                """),
        CannedReplyFields(
            title: "Oirearvion sisältöpalaute",
            bodyFinnish: """
                Hei,

                kiitos palautteesta oirearvion sisällöstä. Välitämme sen Omaolon sisällöistä vastaavalle \
                asiantuntijaryhmälle, joka käsittelee palautteet säännöllisesti. Emme voi muuttaa arvion sisältöä \
                paikallisesti, mutta kerromme tukipyynnöllä {{viite}}, jos muutos tulee seuraavaan versioon.

                Terveisin
                {{agentti}}
                """),
        CannedReplyFields(
            title: "Koulutuspyyntö vastaanotettu",
            bodyFinnish: """
                Hei,

                kiitos koulutuspyynnöstä. Organisaationne ({{organisaatio}}) ammattilaisille järjestetään Omaolo-perehdytyksiä \
                webinaareina kuukausittain; lähetämme tulevat päivämäärät ja ilmoittautumisohjeet Omaolovastaavallenne. \
                Verkkokurssin voi suorittaa myös omaan tahtiin.

                Terveisin
                {{agentti}}
                """),
        CannedReplyFields(
            title: "Käyttöoikeus: pääkäyttäjä myöntää",
            bodyFinnish: """
                Hei,

                Omaolon ammattilaiskäyttöoikeudet myöntää oman organisaationne pääkäyttäjä. Olkaa yhteydessä \
                organisaationne ({{organisaatio}}) pääkäyttäjään; tukipalvelu ei voi myöntää oikeuksia organisaation puolesta.

                Terveisin
                {{agentti}}
                """),
        CannedReplyFields(
            title: "Tunnettu häiriö, korjaus työn alla",
            bodyFinnish: """
                Hei,

                kyseessä on tunnettu häiriö, joka koskee useita organisaatioita. Korjaus on työn alla, ja tiedotamme \
                Omaolon häiriötiedotteissa, kun palvelu toimii taas normaalisti. Tukipyyntönne {{viite}} on liitetty \
                häiriön selvitykseen.

                Terveisin
                {{agentti}}
                """),
        CannedReplyFields(
            title: "Ei yhteyttä, suljetaan",
            bodyFinnish: """
                Hei,

                emme ole saaneet vastausta {{pvm}} mennessä, joten merkitsemme tukipyynnön {{viite}} ratkaistuksi. \
                Voitte avata sen uudelleen vastaamalla tähän viestiin.

                Terveisin
                {{agentti}}
                """),
    ]

    private static let oulu: [CannedReplyFields] = [
        CannedReplyFields(
            title: "Oulu: ajanvaraus terveysasemalle",
            bodyFinnish: """
                Hei,

                Omaolon oirearvion jälkeen Oulun terveysasemien ajanvaraus hoituu keskitetystä numerosta \
                arkisin klo 8–15. Kiireellisissä asioissa soittakaa päivystysavun numeroon 116 117.

                Terveisin
                {{agentti}}, Oulun terveyskeskus
                """),
        CannedReplyFields(
            title: "Oulu: yhteydenottopyyntö välitetty",
            bodyFinnish: """
                Hei,

                olemme välittäneet yhteydenottopyyntönne (tukipyyntö {{viite}}) terveysasemanne hoitajalle, joka \
                ottaa teihin yhteyttä kahden arkipäivän kuluessa.

                Terveisin
                {{agentti}}, Oulun terveyskeskus
                """),
    ]
}
