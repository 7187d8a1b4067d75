import Foundation

/// A resident's extract of the access log (asiakastietolaki 703/2023): every ticket across the
/// county whose resident contact matches, and every read of those contact details.
public struct AccessReport: Sendable, Equatable {
    /// One ticket of the resident's, with its retention state and the reads of the contact.
    public struct Ticket: Sendable, Equatable {
        public let reference: String
        public let organisationCode: String
        public let organisationName: String
        public let createdAt: Date
        public let status: TicketStatus
        /// When the ticket closed: its contact details are anonymised the retention period after.
        public let closedAt: Date?
        public let reads: [Read]

        public init(reference: String, organisationCode: String, organisationName: String, createdAt: Date, status: TicketStatus,
                    closedAt: Date?, reads: [Read]) {
            self.reference = reference
            self.organisationCode = organisationCode
            self.organisationName = organisationName
            self.createdAt = createdAt
            self.status = status
            self.closedAt = closedAt
            self.reads = reads
        }
    }

    /// One read of the contact details: who (by name, with the roles held then), in which
    /// organisation, when, through which interface, for what purpose.
    public struct Read: Sendable, Equatable {
        public let at: Date
        public let readerName: String
        public let readerRoles: [String]
        public let organisationCode: String
        public let interface: Interface
        public let purpose: String

        public init(at: Date, readerName: String, readerRoles: [String], organisationCode: String, interface: Interface, purpose: String) {
            self.at = at
            self.readerName = readerName
            self.readerRoles = readerRoles
            self.organisationCode = organisationCode
            self.interface = interface
            self.purpose = purpose
        }
    }

    /// The contact searched for, in one notation (`+358401234567`, or the e-mail in lower case).
    public let contact: String
    public let tickets: [Ticket]
    /// Why tickets whose contact details were anonymised are not here.
    public let note = AccessReport.anonymisedNote

    public init(contact: String, tickets: [Ticket]) {
        self.contact = contact
        self.tickets = tickets
    }

    public static let anonymisedNote = """
        Contact details anonymised by the retention job can no longer be matched to anyone, so the tickets they \
        belonged to are not listed here: this is by design (data minimisation), not an omission.
        """
}

/// Whose contact details an access report is about: a phone number or an e-mail address.
public enum ResidentIdentifier: Sendable, Equatable {
    case phone(PhoneNumber)
    /// Trimmed and in lower case.
    case email(String)

    /// The identifier given as a phone number or an e-mail address (exactly one of them).
    public static func given(phone: String?, email: String?) throws -> ResidentIdentifier {
        switch (phone.map { $0.trimmingCharacters(in: .whitespaces) }, email.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
        case (let phone?, nil):
            guard let number = PhoneNumber(phone) else { throw BackOfficeError.invalid("phone", "is not a phone number") }
            return .phone(number)
        case (nil, let email?):
            guard (3...254).contains(email.count), email.split(separator: "@", omittingEmptySubsequences: false).count == 2,
                  !email.hasPrefix("@"), !email.hasSuffix("@")
            else { throw BackOfficeError.invalid("email", "is not an e-mail address") }
            return .email(email)
        default:
            throw BackOfficeError.invalid("phone", "give either a phone number or an e-mail address")
        }
    }

    /// Whether a stored contact is this resident's.
    public func matches(phone: String?, email: String?) -> Bool {
        switch self {
        case .phone(let number): return phone.flatMap(PhoneNumber.init) == number
        case .email(let address): return email?.trimmingCharacters(in: .whitespaces).lowercased() == address
        }
    }

    var text: String {
        switch self {
        case .phone(let number): return number.e164
        case .email(let address): return address
        }
    }
}
