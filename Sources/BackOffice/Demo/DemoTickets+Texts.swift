import Foundation

/// The Finnish texts of the demo tickets: categories with their topics, the kinds of tickets
/// on each topic, and what the support side and the reporters write on them.
extension DemoTickets {
    enum Who { case professional, resident, both }

    /// A kind of ticket. `families`: nil = no service, [] = any service of the organisation,
    /// otherwise one of these service families. Placeholders: {at} the organisation (inessive),
    /// {svc} the service, {browser}, {n} a small number, {staff} professionals (allative plural).
    struct Template {
        let who: Who
        let families: [String]?
        let subjects: [String]
        let description: String

        /// The services this kind of ticket can be about, among those `offered`.
        func services(among offered: [Service]) -> [Service] {
            offered.filter { families?.isEmpty == true || families?.contains($0.family) == true }
        }
        /// Whether this kind of ticket comes from such a reporter and, if about a service, one is offered.
        func fits(byResident: Bool, offered: [Service]) -> Bool {
            (who == .both || (who == .resident) == byResident) && (families == nil || !services(among: offered).isEmpty)
        }
    }

    static func t(_ who: Who, _ families: [String]?, _ subjects: [String], _ description: String) -> Template {
        Template(who: who, families: families, subjects: subjects, description: description)
    }

    /// Kinds of tickets on one topic and what gets written on them: the support side's internal
    /// notes, its questions each with the reporter's reply, and its resolutions.
    struct Topic {
        let templates: [Template]
        let notes: [String]
        let exchanges: [(question: String, reply: String)]
        let resolutions: [String]
    }

    /// A ticket category: how often professionals and residents report it (relative weights),
    /// its priorities and its topics.
    struct Category {
        let code: String
        let byProfessionals: Int
        let byResidents: Int
        let priorities: [(String, Int)]
        let topics: [Topic]

        /// Whether its tickets can be critical.
        var canBeUrgent: Bool { priorities.contains { $0.0 == "critical" } }
    }

    static let categories: [Category] = [
        Category(code: "login_and_access", byProfessionals: 14, byResidents: 35,
                 priorities: [("critical", 3), ("high", 30), ("normal", 55), ("low", 12)], topics: [identification, accessRights]),
        Category(code: "symptom_assessment_content", byProfessionals: 14, byResidents: 15,
                 priorities: [("critical", 8), ("high", 30), ("normal", 50), ("low", 12)], topics: [content]),
        Category(code: "service_configuration", byProfessionals: 15, byResidents: 0,
                 priorities: [("critical", 2), ("high", 25), ("normal", 55), ("low", 18)], topics: [configuration]),
        Category(code: "technical_fault", byProfessionals: 14, byResidents: 18,
                 priorities: [("critical", 15), ("high", 35), ("normal", 40), ("low", 10)], topics: [faults]),
        Category(code: "training_request", byProfessionals: 13, byResidents: 0,
                 priorities: [("normal", 60), ("low", 40)], topics: [trainingSessions, trainingRecords]),
        Category(code: "data_protection", byProfessionals: 8, byResidents: 12,
                 priorities: [("critical", 5), ("high", 40), ("normal", 50), ("low", 5)], topics: [dataRequests, incidents]),
        Category(code: "feature_request", byProfessionals: 12, byResidents: 5,
                 priorities: [("normal", 35), ("low", 65)], topics: [ideas]),
        Category(code: "other", byProfessionals: 10, byResidents: 10, priorities: [("normal", 55), ("low", 45)], topics: [miscellaneous]),
    ]

    /// Service families that several templates are about.
    static let symptom = ["symptom_assessment"]
    static let checks = ["health_check", "wellbeing_check", "periodic_check", "coaching"]

    static let identification = Topic(
        templates: [
            t(.both, nil, ["Suomi.fi-tunnistautuminen katkeaa kirjautumisessa", "Virhesivu Suomi.fi-tunnistautumisen jälkeen"],
              "Tunnistautuminen pankkitunnuksilla alkaa, mutta Omaoloon palatessa tulee virhesivu. Vika toistuu {browser}-selaimella."),
            t(.resident, nil, ["Kirjautuminen ei onnistu mobiilivarmenteella", "Mobiilivarmenne ei toimi Omaolossa"],
              "Asukas yrittää kirjautua mobiilivarmenteella, mutta vahvistusviesti ei tule. Pankkitunnuksilla kirjautuminen onnistuu."),
            t(.resident, [], ["Vahva tunnistautuminen pyydetään uudelleen kesken arvion", "Istunto katkeaa kesken arvion"],
              "Asukas kertoo, että kesken arvion täyttämisen Omaolo pyytää tunnistautumaan uudelleen ja vastaukset häviävät."),
            t(.resident, nil, ["Virhe kirjautumisessa: istunto vanhentunut", "Istunto vanhenee heti kirjautumisen alussa"],
              "Asukas saa kirjautumisessa ilmoituksen vanhentuneesta istunnosta heti tunnistautumisen jälkeen. Selaimena {browser}."),
            t(.resident, nil, ["Asiointi toisen puolesta ei onnistu", "Suomi.fi-valtuudet eivät näy Omaolossa"],
              "Asukas hoitaa iäkkään äitinsä asioita, mutta Suomi.fi-valtuudet eivät näy tunnistautumisessa. Valtuutus tehtiin viime viikolla."),
            t(.both, [], ["Ongelmia kirjautumisessa {browser}-selaimella", "Kirjautumisessa sivu palaa etusivulle"],
              "Tunnistautumisen jälkeen sivu latautuu uudelleen ja palaa etusivulle. Evästeiden tyhjentäminen ei auttanut."),
        ],
        notes: ["Tarkistettu lokit, tunnistautuminen päättyy virheeseen paluuosoitteessa.", "Tarkistettu lokit, virhe toistuu Chrome-selaimella.",
                "Vastaavia ilmoituksia on tullut tänään muistakin yksiköistä."],
        exchanges: [("Millä tunnistustavalla ja selaimella yritit kirjautua, ja mihin aikaan virhe tuli?",
                     "Pankkitunnuksilla ja Chromella, virhe tuli aamulla noin yhdeksältä."),
                    ("Saisimmeko kuvakaappauksen virheilmoituksesta?", "Kuvakaappaus liitteenä, virhesivu tulee heti tunnistautumisen jälkeen.")],
        resolutions: ["Selaimen välimuistin tyhjentäminen korjasi ongelman. Ottakaa yhteyttä, jos vika palaa.",
                      "Suomi.fi-tunnistuksen häiriö on korjattu palveluntarjoajan päässä."])

    static let accessRights = Topic(
        templates: [
            t(.professional, nil, ["Ammattilaisnäkymä tyhjä kirjautumisen jälkeen", "Arviot eivät näy kirjautumisen jälkeen"],
              "Kirjautumisen jälkeen ammattilaisnäkymä ei lataa asiakkaiden lähettämiä arvioita. Koskee useaa työntekijää {at}."),
            t(.professional, nil, ["Uuden työntekijän käyttöoikeudet puuttuvat", "Käyttöoikeuspyyntö: {n} uutta työntekijää"],
              "Uudet työntekijät aloittivat {at}, mutta heillä ei näy Omaolon ammattilaiskäyttöliittymää. Pyydämme lisäämään oikeudet."),
            t(.professional, nil, ["Lähteneen työntekijän oikeudet poistettava", "Käyttöoikeuksien poisto ei onnistu pääkäyttäjältä"],
              "Työsuhde päättyi, mutta henkilön Omaolo-oikeudet ovat yhä voimassa {at}. Pääkäyttäjä ei pysty poistamaan niitä itse."),
        ],
        notes: ["Käyttöoikeusryhmä puuttui käyttäjiltä.", "Tarkistettu oikeusryhmät yksikön pääkäyttäjän kanssa."],
        exchanges: [("Oikeuksien muutokseen tarvitaan pääkäyttäjän hyväksyntä. Onko se saatu?", "Pääkäyttäjä hyväksyi muutoksen sähköpostilla."),
                    ("Keitä henkilöitä muutos koskee? Lähettäkää nimet suojatulla sähköpostilla.", "Nimet lähetetty suojatulla sähköpostilla.")],
        resolutions: ["Käyttöoikeudet on päivitetty pyynnön mukaisesti.", "Oikeusryhmät korjattu, muutos näkyy seuraavasta sisäänkirjautumisesta."])

    static let content = Topic(
        templates: [
            t(.both, symptom, ["{svc}: kysymys epäselvä", "Epäselvä kysymys: {svc}"],
              "Kysymys oireen kestosta on asukkaiden mielestä epäselvä: lasketaanko oireen alku vai pahin vaihe? Moni on soittanut asiasta."),
            t(.professional, symptom, ["{svc} ohjautuu väärin päivystykseen", "Turhia päivystysohjauksia: {svc}"],
              "Lievissä oireissa tulos ohjaa päivystykseen, vaikka kiireetön vastaanotto riittäisi. Päivystys {at} on huomannut turhat käynnit."),
            t(.professional, symptom, ["{svc}: kiireellisyys ristiriidassa hoito-ohjeen kanssa"],
              "Arvion antama kiireellisyys ei vastaa alueellista hoito-ohjetta. Pyydämme tarkistamaan sisällön sisällöntuottajalta."),
            t(.resident, [], ["Arvion tulos ei vastaa asukkaan tilannetta", "Asukas ei ymmärrä arvion tulosta"],
              "Asukas kokee, että arvion tulos ei vastannut hänen tilannettaan, eikä hän löytänyt ohjetta, miten toimia seuraavaksi."),
            t(.professional, ["service_assessment"], ["{svc}: vastausvaihtoehto puuttuu"],
              "Arviosta puuttuu vaihtoehto tilanteeseen, jossa asiakkaalla on jo palveluja. Tiedot joudutaan tarkentamaan puhelimessa."),
            t(.professional, [], ["{svc}: yhteenveto ammattilaiselle puutteellinen", "Lisätiedot puuttuvat yhteenvedosta: {svc}"],
              "Ammattilaisen näkymään tulevasta yhteenvedosta puuttuvat tiedot, jotka asiakas kirjoitti lisätietokenttään."),
            t(.both, checks, ["{svc}: kysymysten kieli vaikeaselkoista"],
              "Asukkaat ovat antaneet palautetta, että kysymysten kieli on vaikeaselkoista. Erityisesti iäkkäät tarvitsevat apua."),
            t(.professional, symptom, ["{svc}: ruotsinkielinen käännös puutteellinen"],
              "Ruotsinkielisessä versiossa osa kysymyksistä näkyy suomeksi. Ruotsinkieliset asukkaat ovat huomauttaneet asiasta."),
        ],
        notes: ["Välitetty sisällöntuottajalle arvioitavaksi.", "Tarkistettu alueellinen hoito-ohje ja arvion sisältö."],
        exchanges: [("Missä kohdassa arviota asia näkyy? Älkää lähettäkö asiakkaan henkilötietoja.",
                     "Kohta on arvion loppupuolella, lähetin kuvakaappauksen ilman asiakkaan tietoja."),
                    ("Koskeeko havainto kaikkia asiakkaita vai vain tiettyä ryhmää?", "Havainto koskee ainakin yli 65-vuotiaita.")],
        resolutions: ["Sisällöntuottaja on vahvistanut havainnon, ja korjaus tulee seuraavaan versioon.",
                      "Asia on kirjattu kansalliseen kehitysjonoon. Sisältö noudattaa nyt valtakunnallista ohjetta."])

    static let configuration = Topic(
        templates: [
            t(.professional, [], ["Yhteystiedot väärin: {svc}", "Vanha puhelinnumero arvion lopussa"],
              "Arvion lopussa näytetään vanha puhelinnumero {at}. Numero vaihtui viime kuussa, ja asukkaat soittavat suljettuun numeroon."),
            t(.professional, [], ["Ajanvarauslinkki ei toimi: {svc}", "Ajanvarauslinkki vie virhesivulle"],
              "Arvion jälkeen näytettävä ajanvarauslinkki vie virhesivulle. Linkin pitäisi ohjata sähköiseen ajanvaraukseen {at}."),
            t(.professional, [], ["Väärät aukioloajat arvion tuloksessa"],
              "Asukkaat ovat huomauttaneet, että tulossivulla näkyvät aukioloajat eivät vastaa yksikön todellisia aikoja."),
            t(.professional, [], ["Palvelun avaaminen asukkaille: {svc}", "Käyttöönottopyyntö: {svc}"],
              "Pyydämme avaamaan palvelun asukkaille {at}. Tuotevastaava on hyväksynyt käyttöönoton."),
            t(.professional, [], ["Arviot ohjautuvat väärään työjonoon", "{svc}: väärä vastaanottava yksikkö"],
              "Asukkaiden lähettämät arviot näkyvät väärän yksikön työjonossa. Ohjaussäännöt pitää tarkistaa {at}."),
            t(.professional, nil, ["Omaolovastaavan tiedot päivitettävä", "Yhteyshenkilö vaihtuu"],
              "Omaolovastaava vaihtuu {at} ensi kuun alusta. Pyydämme päivittämään yhteyshenkilötiedot ja jakelulistat."),
            t(.professional, [], ["Palvelun sulkeminen kesän ajaksi: {svc}"],
              "Henkilöstövajeen vuoksi palvelu halutaan sulkea heinäkuun ajaksi {at}. Asukkaille pitää näyttää ohje soittaa yksikköön."),
        ],
        notes: ["Tarkistettu palvelun asetukset ja yksikön tiedot.", "Muutos tehty testiympäristöön, odottaa tuotantoon vientiä."],
        exchanges: [("Voitteko vahvistaa oikeat tiedot ja päivän, josta alkaen muutos on voimassa?",
                     "Tiedot ovat voimassa heti, lähetin ne sähköpostilla."),
                    ("Tarvitsemme muutokselle tuotevastaavan hyväksynnän. Onko se saatu?", "Hyväksyntä saatu tuotevastaavalta sähköpostilla.")],
        resolutions: ["Muutos on viety tuotantoon ja näkyy asukkaille.", "Asetukset on päivitetty pyynnön mukaisesti."])

    static let faults = Topic(
        templates: [
            t(.both, nil, ["Sivu ei lataudu {browser}-selaimella", "Omaolon etusivu jää latautumaan"],
              "Omaolon etusivu jää latautumaan eikä näytä sisältöä. Muilla selaimilla sivu toimii."),
            t(.both, [], ["Vastaukset katoavat arvion lähetyksessä", "{svc}: lähetys päättyy virheeseen"],
              "Arvion lähettäminen päättyy virheilmoitukseen, ja vastaukset katoavat. Ongelma on toistunut useamman kerran tänään."),
            t(.professional, nil, ["Ammattilaisnäkymä erittäin hidas", "Arvioiden avaaminen kestää minuutteja"],
              "Yhden arvion avaaminen ammattilaisnäkymässä kestää yli minuutin. Koskee kaikkia työasemia {at}."),
            t(.resident, [], ["Kuvan liittäminen arvioon ei onnistu", "Liitteen lataus keskeytyy"],
              "Asukas yrittää liittää valokuvan arvioon puhelimella, mutta lataus keskeytyy aina samassa kohdassa."),
            t(.both, [], ["Yhteenvedon tallennus PDF-tiedostoksi epäonnistuu"],
              "Arvion yhteenvedon tallentaminen PDF-tiedostoksi antaa tyhjän tiedoston. Tulostaminen selaimesta toimii."),
            t(.professional, [], ["Ilmoitukset uusista arvioista eivät tule sähköpostiin"],
              "Yksikön yhteiseen sähköpostiin ei ole tullut ilmoituksia uusista arvioista eilisen jälkeen {at}."),
        ],
        notes: ["Tarkistettu lokit, virhe toistuu Chrome-selaimella.", "Toistettu testiympäristössä, vika ilmoitettu toimittajalle.",
                "Palvelimen lokeissa aikakatkaisuja aamun ruuhka-aikaan."],
        exchanges: [("Mitä selainta ja laitetta käytätte? Toistuuko vika toisella laitteella?", "Sama vika toistuu myös toisella laitteella."),
                    ("Saisimmeko tarkan kellonajan, jolloin virhe tapahtui?", "Virhe tuli noin kello kymmenen, kuvakaappaus liitteenä.")],
        resolutions: ["Toimittaja on julkaissut korjauksen, palvelu toimii normaalisti.",
                      "Vika johtui palvelinpään häiriöstä, joka on nyt korjattu."])

    static let trainingSessions = Topic(
        templates: [
            t(.professional, [], ["Perehdytys uusille {staff}: {svc}", "Perehdytystoive: {svc}"],
              "{at} aloittaa {n} uutta työntekijää. Toivomme perehdytystä arvioiden käsittelyyn ammattilaisnäkymässä."),
            t(.professional, [], ["Koulutustoive: {svc}"],
              "Omaolovastaava toivoo lyhyttä koulutusta palvelun uusista ominaisuuksista ennen laajempaa käyttöä."),
            t(.professional, nil, ["Pääkäyttäjäkoulutus uudelle pääkäyttäjälle"],
              "Uusi pääkäyttäjä aloittaa {at}. Tarvitaan koulutus käyttöoikeuksien hallintaan ja raportteihin."),
            t(.professional, [], ["Lähikoulutus tiimille: {svc}"],
              "Tiimimme ({n} henkilöä) toivoo lähikoulutusta {at}, aiheena asiakkaan ohjaaminen Omaoloon."),
        ],
        notes: ["Koulutusajasta sovittu Omaolovastaavan kanssa.", "Kouluttaja varattu, materiaalit päivitetään ennen koulutusta."],
        exchanges: [("Mitkä päivät sopisivat koulutukselle, ja montako osallistujaa on tulossa?",
                     "Tiistai tai torstai iltapäivällä sopisi, osallistujia on noin kymmenen."),
                    ("Riittääkö etäkoulutus Teamsissa, vai toivotteko lähikoulutusta?", "Etäkoulutus sopii hyvin.")],
        resolutions: ["Koulutus pidetty, materiaalit ja tallenne lähetetty osallistujille.",
                      "Koulutus pidetty. Lisäkoulutusta voi pyytää tukipalvelusta."])

    static let trainingRecords = Topic(
        templates: [
            t(.professional, nil, ["Webinaarin tallenne pyydetään", "Käyttökoulutuksen webinaari: uusi ajankohta?"],
              "Osa henkilöstöstä ei päässyt Omaolon käyttökoulutuksen webinaariin. Onko tallenne saatavilla tai tuleeko uusi ajankohta?"),
            t(.professional, nil, ["Koulutussuoritus ei näy", "Verkkokoulutuksen suoritusmerkintä puuttuu"],
              "Työntekijä suoritti verkkokoulutuksen, mutta merkintä ei näy. Lääkinnällisen laitteen koulutuksen pitää olla kirjattuna."),
        ],
        notes: ["Tarkistettu koulutusrekisteri ja webinaarien osallistujalistat."],
        exchanges: [("Keitä työntekijöitä asia koskee? Lähettäkää nimet suojatulla sähköpostilla.", "Nimet lähetetty suojatulla sähköpostilla.")],
        resolutions: ["Ohjeet lähetetty työntekijöille, ja koulutusrekisterin tiedot on tarkistettu.",
                      "Tiedot päivitetty koulutusrekisteriin, kiitos ilmoituksesta."])

    static let dataRequests = Topic(
        templates: [
            t(.resident, [], ["Asiakas pyytää lokitietoja", "Lokitietopyyntö: kuka on katsonut tietoja"],
              "Asukas haluaa tietää, ketkä ovat katsoneet hänen Omaoloon lähettämiään tietoja. Pyyntö tuli puhelimitse."),
            t(.resident, [], ["Tietopyyntö: omat arviotiedot", "Asukas pyytää kopiota tiedoistaan"],
              "Asukas pyytää kopiota kaikista Omaoloon tallennetuista tiedoistaan."),
            t(.resident, nil, ["Asukas pyytää tietojensa poistamista"],
              "Asukas haluaa, että hänen Omaolon tietonsa poistetaan. Tarvitaan ohje, mitä voidaan poistaa ja mitä ei."),
        ],
        notes: ["Pyyntö välitetty tietosuojavastaavalle.", "Henkilöllisyys tarkistetaan ennen vastauksen lähettämistä."],
        exchanges: [("Pyyntö tehdään kirjallisesti hyvinvointialueen lomakkeella. Voitteko toimittaa sen?", "Lomake on lähetetty tänään.")],
        resolutions: ["Pyyntö käsitelty, ja vastaus on lähetetty asukkaalle suojattuna postina."])

    static let incidents = Topic(
        templates: [
            t(.professional, [], ["Toisen henkilön tietoja arvion lisätiedoissa"],
              "Asiakas on kirjoittanut toisen henkilön terveystietoja arvion lisätietoihin. Miten toimitaan?"),
            t(.professional, [], ["Arvio näkyi väärän yksikön ammattilaiselle", "Epäilty tietoturvapoikkeama: {svc}"],
              "Asiakkaan arvio näkyi yksikössä, jolle se ei kuulu. Mahdollinen tietoturvapoikkeama, pyydämme selvitystä."),
            t(.professional, nil, ["Asiakastietoja lähetetty salaamattomana sähköpostina"],
              "Työntekijä lähetti asiakkaan arvion tietoja vahingossa salaamattomana sähköpostina. Ilmoitetaan tietosuojavastaavalle."),
        ],
        notes: ["Kirjattu tietoturvapoikkeamana, tietosuojavastaava tiedotettu."],
        exchanges: [("Milloin havainto tehtiin, ja ketkä ovat olleet asiassa mukana?",
                     "Havainto tehtiin eilen iltapäivällä, mukana kaksi työntekijää.")],
        resolutions: ["Asia käsitelty tietosuojavastaavan kanssa, jatkotoimia ei tarvita.",
                      "Poikkeama kirjattu, ja korjaavat toimet on tehty tietosuojavastaavan ohjeiden mukaan."])

    static let ideas = Topic(
        templates: [
            t(.professional, [], ["Kehitysehdotus: {svc}", "Toive: yhteenvedon kopiointi potilaskertomukseen"],
              "Ammattilaiset toivovat, että arvion yhteenvedon voisi kopioida suoraan potilaskertomukseen."),
            t(.professional, nil, ["Toive: työjonon suodatus kiireellisyyden mukaan"],
              "Työjonoon toivotaan suodatinta, jolla kiireelliset arviot saa näkyviin ensimmäisinä."),
            t(.resident, [], ["Toive: keskeneräisen arvion tallennus", "{svc}: jatka myöhemmin -toiminto"],
              "Asukas toivoo, että arvion voisi tallentaa kesken ja jatkaa myöhemmin."),
            t(.professional, nil, ["Käyttöraporttiin alueittainen jaottelu"],
              "Tietohallinto toivoo käyttöraporttiin jaottelua alueittain ja kuukausittain."),
            t(.both, [], ["Selkokielinen versio toivottu: {svc}"], "Toivotaan selkokielistä versiota, koska osa asiakkaista ei ymmärrä kysymyksiä."),
            t(.resident, nil, ["Toive: tekstiviesti, kun ammattilainen vastaa"],
              "Asukas toivoo tekstiviesti-ilmoitusta, kun ammattilainen on vastannut hänen arvioonsa."),
        ],
        notes: ["Lisätty kehitysehdotusten listalle, käsitellään tuotevastaavien kokouksessa.", "Vastaava toive on tullut myös muilta alueilta."],
        exchanges: [("Voitteko kuvata tarkemmin, miten toiminnon pitäisi toimia käytännössä?", "Lähetin kuvauksen ja esimerkin sähköpostilla.")],
        resolutions: ["Kehitysehdotus on viety kansalliseen kehitysjonoon. Kiitos ehdotuksesta!",
                      "Toive on otettu mukaan seuraavan version suunnitteluun."])

    static let miscellaneous = Topic(
        templates: [
            t(.resident, nil, ["Mistä Omaolon löytää?", "Asukas kysyy Omaolon osoitetta"],
              "Asukas ei löydä Omaolo-palvelua hyvinvointialueen sivuilta ja kysyy oikeaa osoitetta."),
            t(.professional, nil, ["Esitteitä Omaolosta asukkaille"], "Tarvitsemme tulostettavia esitteitä Omaolosta odotustilaan {at}."),
            t(.resident, [], ["Palaute: {svc}", "Kiitospalaute asukkaalta"],
              "Asukas antaa kiitosta: arvio oli helppo täyttää ja hänelle soitettiin samana päivänä."),
            t(.professional, [], ["Kysymys käyttötilastoista: {svc}"],
              "Omaolovastaava kysyy, mistä näkee oman yksikön käyttömäärät viime kuukaudelta."),
            t(.resident, [], ["Asukas toivoo yhteydenottoa puhelimitse"],
              "Asukas ei halua käyttää Omaoloa ja pyytää soittoa yksiköstä. Ohjattu yksikön puhelinpalveluun."),
            t(.professional, nil, ["Väärin ohjautunut yhteydenotto"],
              "Yhteydenotto koski potilastietojärjestelmää eikä Omaoloa. Ohjataan oikeaan tukeen."),
        ],
        notes: ["Ohjattu oikealle taholle.", "Ei vaadi jatkotoimia."],
        exchanges: [("Voitteko tarkentaa, mitä asia koskee, jotta osaamme ohjata sen oikein?", "Tarkensin asiaa sähköpostilla.")],
        resolutions: ["Vastattu ja lähetetty tarvittavat ohjeet.", "Asia hoidettu, kiitos yhteydenotosta."])

    /// What the support side and the reporter write on a ticket of any topic.
    static let firstReplies = ["Kiitos yhteydenotosta, selvitämme asiaa.", "Hei, kiitos viestistä. Olemme aloittaneet asian selvittämisen.",
                                       "Kiitos ilmoituksesta. Tukipyyntö on otettu käsittelyyn, ja palaamme asiaan mahdollisimman pian."]
    static let reopenings = ["Asia ei ole vielä kunnossa, sama ongelma jatkuu.", "Tarvitsemme vielä apua, tilanne ei muuttunut."]
    static let thanks = ["Kiitos!", "Kiitos nopeasta avusta!", "Kiitos, asia on kunnossa."]
    static let confirmedClosing = "Suljettu, ratkaisu vahvistettu ilmoittajalta."
    static let automaticClosing = "Suljettu automaattisesti, ei palautetta seitsemään päivään."
}
