/// What a canned reply may ask to be filled from the ticket, each by a Finnish and an
/// English name: `{{viite}}` or `{{reference}}`, and so on.
public enum CannedReplyPlaceholder: String, Sendable, CaseIterable {
    case reference, subject, organisation, agent, agentEmail, date

    /// The Finnish name.
    public var finnishName: String {
        switch self {
        case .reference: "viite"
        case .subject: "aihe"
        case .organisation: "organisaatio"
        case .agent: "agentti"
        case .agentEmail: "agentin_sahkoposti"
        case .date: "pvm"
        }
    }

    /// The English name.
    public var englishName: String {
        switch self {
        case .agentEmail: "agent_email"
        default: rawValue
        }
    }

    /// The placeholder called `name` in either language (case does not matter), or nil.
    public static func named(_ name: String) -> CannedReplyPlaceholder? {
        let name = name.lowercased()
        return allCases.first { $0.finnishName == name || $0.englishName == name }
    }

    /// Every name, Finnish ones first, as `{{viite}}, {{aihe}}, …` for messages.
    public static var namesListed: String {
        (allCases.map(\.finnishName) + allCases.map(\.englishName)).map { "{{\($0)}}" }.joined(separator: ", ")
    }
}

/// The values of the placeholders for one ticket and one agent.
public struct CannedReplyValues: Sendable, Equatable {
    public let reference: String
    public let subject: String
    public let organisation: String
    public let agent: String
    public let agentEmail: String
    /// Today as a Finn writes it, `2.12.2026`.
    public let date: String

    public init(reference: String, subject: String, organisation: String, agent: String, agentEmail: String, date: String) {
        self.reference = reference
        self.subject = subject
        self.organisation = organisation
        self.agent = agent
        self.agentEmail = agentEmail
        self.date = date
    }

    func value(of placeholder: CannedReplyPlaceholder) -> String {
        switch placeholder {
        case .reference: reference
        case .subject: subject
        case .organisation: organisation
        case .agent: agent
        case .agentEmail: agentEmail
        case .date: date
        }
    }
}
