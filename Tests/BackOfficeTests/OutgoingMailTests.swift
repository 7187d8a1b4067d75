import BackOffice
import Foundation
import Testing

@Suite("Writing the desk's mails: training mails, threading headers, the kinds turned off")
struct OutgoingMailTests {
    let task = TrainingMailFacts(
        taskID: UUID(uuidString: "6f1c2d3e-0000-4000-8000-000000000001")!, courseTitle: "Omaolo-perehdytys",
        dueDate: LocalDate(year: 2026, month: 12, day: 9), organisationName: "Oulun terveyskeskus")

    @Test func aTrainingMailSaysTheCourseAndDueDateInTheReadersLanguageAndThreadsOnItsTask() throws {
        let notice = try #require(MailSettings(from: "tuki@pohde.example").trainingNotice(.trainingAssigned))
        let finnish = TrainingMailComposer.compose(
            notice, about: task, to: MailAddressee(address: "hoitaja@pohde.example", language: .fi), at: Date(timeIntervalSince1970: 0))
        #expect(finnish.kind == .trainingAssigned && finnish.recipient == "hoitaja@pohde.example")
        #expect(finnish.subject == "Sinulle on annettu koulutus: Omaolo-perehdytys")
        let thread = "<training.6f1c2d3e-0000-4000-8000-000000000001@pohde.example>"
        #expect(finnish.message.contains("\nIn-Reply-To: \(thread)\n") && finnish.message.contains("\nReferences: \(thread)\n"))
        #expect(finnish.message.contains("\nAuto-Submitted: auto-generated\n") && finnish.message.contains("\nContent-Language: fi\n"))
        let read = try InboundMail(Array(finnish.message.utf8))
        #expect(read.text.contains("viimeistään 9.12.2026") && read.fromAddress == "tuki@pohde.example")

        let due = try #require(MailSettings().trainingNotice(.trainingDue))
        let english = TrainingMailComposer.compose(
            due, about: task, to: MailAddressee(address: "nurse@pohde.example", language: .en), at: Date(timeIntervalSince1970: 0))
        #expect(english.subject == "Training due on 2026-12-09: Omaolo-perehdytys")
        #expect(try InboundMail(Array(english.message.utf8)).text.contains("is due on 2026-12-09"))
    }

    @Test func aMailAnswersTheFirstOfItsReferencesAndNamesThemAllOldestFirst() throws {
        let mail = OutgoingMail(
            kind: .reply, from: "tuki@pohde.example", fromName: "Omaolo-tuki", to: "maija@example.fi", subject: "[OULU-TK-1] Vastaus",
            body: "Hei", messageID: "uusi@pohde.example", inReplyTo: "alkuperainen@example.fi",
            references: ["alkuperainen@example.fi", "ticket.x@pohde.example"], language: .fi, automatic: false, date: Date())
        #expect(mail.message.contains("\nIn-Reply-To: <alkuperainen@example.fi>\n"))
        #expect(mail.message.contains("\nReferences: <alkuperainen@example.fi>\n <ticket.x@pohde.example>\n"))
        let read = try InboundMail(Array(mail.message.utf8))
        #expect(read.answers.first == "alkuperainen@example.fi" && read.answers.contains("ticket.x@pohde.example"))
    }

    @Test func trainingKindsAreTurnedOffLikeTheOthersAndAnUnknownKindIsNamed() throws {
        let settings = try MailSettings.fromEnvironment(["MAIL_NOTIFICATIONS_OFF": "training_due, reply", "MAIL_FROM": "Koulutus@Pohde.example"])
        #expect(settings.disabledKinds == [.trainingDue, .reply])
        #expect(settings.trainingNotice(.trainingDue) == nil)
        #expect(settings.trainingNotice(.trainingAssigned) == TrainingNotice(kind: .trainingAssigned, from: "koulutus@pohde.example"))
        #expect(throws: BackOfficeError.self) { try MailSettings.fromEnvironment(["MAIL_NOTIFICATIONS_OFF": "training"]) }
        #expect(MailSettings.silent.disabledKinds == Set(MailKind.allCases))
    }
}
