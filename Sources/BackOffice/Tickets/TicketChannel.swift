/// How a ticket reached the support desk.
public enum TicketChannel: String, Sendable, CaseIterable, Codable {
    case phone, email, web, chat
    case inPerson = "in_person"
}
