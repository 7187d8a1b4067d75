import Foundation

/// The desk's mails in Finnish and English: `[OULU-TK-42]` in every subject, so an answer
/// finds its ticket; every mail of a ticket refers to the ticket's thread (`MailThread`) and,
/// to someone who wrote in by mail, answers their first mail (`In-Reply-To`, and first in
/// `References`).
/// A reply carries the public comment it was asked for and nothing else of the ticket.
public enum MailComposer {
    public static func compose(
        _ request: MailRequest, for ticket: Ticket, of organisation: Organisation, to addressee: MailAddressee, at moment: Date
    ) -> OutgoingMail {
        let domain = request.from.split(separator: "@").last.map(String.init) ?? "localhost"
        let (subject, body) = texts(request, ticket, organisation, addressee.language)
        let signature = Self.signature(addressee.language, organisation.name)
        let thread = MailThread.messageID(ofTicket: ticket.id, domain: domain)
        return OutgoingMail(
            kind: request.kind, from: request.from, fromName: signature, to: addressee.address,
            subject: "[\(ticket.reference)] \(subject)", body: body + "\n\n-- \n" + signature + "\n" + footer(addressee.language, ticket),
            messageID: "\(UUID().uuidString.lowercased())@\(domain)", inReplyTo: addressee.originalMessageID ?? thread,
            references: [addressee.originalMessageID, thread].compactMap { $0 },
            language: addressee.language, automatic: request.kind != .reply, date: moment)
    }

    private static func texts(_ request: MailRequest, _ ticket: Ticket, _ organisation: Organisation, _ language: MailLanguage) -> (String, String) {
        switch (request.kind, language) {
        case (.reply, _):
            return (ticket.subject, request.text ?? "")
        case (.received, .fi):
            return ("Tukipyyntösi on vastaanotettu: \(ticket.subject)",
                    "Hei,\n\ntukipyyntösi on vastaanotettu tunnuksella \(ticket.reference). Vastaamme siihen mahdollisimman pian.")
        case (.received, .en):
            return ("Your request was received: \(ticket.subject)",
                    "Hello,\n\nyour support request was received with the reference \(ticket.reference). We will answer it as soon as we can.")
        case (.resolved, .fi):
            return ("Tukipyyntösi on ratkaistu: \(ticket.subject)",
                    "Hei,\n\ntukipyyntösi \(ticket.reference) on merkitty ratkaistuksi. Jos asia ei ratkennut, vastaa tähän viestiin, niin jatkamme sitä.")
        case (.resolved, .en):
            return ("Your request was resolved: \(ticket.subject)",
                    "Hello,\n\nyour support request \(ticket.reference) was marked resolved. If it was not, answer this mail and we will go on with it.")
        case (.assigned, .fi):
            return ("Sinulle on osoitettu tukipyyntö: \(ticket.subject)",
                    "Tukipyyntö \(ticket.reference) (\(organisation.name), prioriteetti \(ticket.priority.rawValue)) on osoitettu sinulle.")
        case (.assigned, .en):
            return ("A ticket was assigned to you: \(ticket.subject)",
                    "The ticket \(ticket.reference) (\(organisation.name), priority \(ticket.priority.rawValue)) was assigned to you.")
        case (.trainingAssigned, _), (.trainingDue, _):
            preconditionFailure("training mails are written by TrainingMailComposer")
        }
    }

    /// The desk's signature in the addressee's language.
    static func signature(_ language: MailLanguage, _ organisationName: String) -> String {
        language == .fi ? "Omaolo-tuki, \(organisationName)" : "Omaolo support, \(organisationName)"
    }

    private static func footer(_ language: MailLanguage, _ ticket: Ticket) -> String {
        language == .fi
            ? "Vastatessasi pidä tunnus [\(ticket.reference)] otsikossa. Älä lähetä henkilötunnusta tai terveystietoja sähköpostilla."
            : "When you answer, keep [\(ticket.reference)] in the subject. Do not send identity codes or health data by e-mail."
    }
}
