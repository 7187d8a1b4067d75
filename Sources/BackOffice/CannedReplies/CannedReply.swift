import Foundation

/// A canned reply (vastausmalli): a title and a body in Finnish, optionally in English, with
/// placeholders (`{{viite}}`, `{{agent}}`, …) filled from a ticket when an agent inserts it.
/// It belongs to the county-wide set (owned by the county's own organisation) or to one
/// organisation's own set.
public struct CannedReply: Sendable, Equatable {
    public let id: UUID
    /// The organisation whose set it is: the county's own organisation for the county-wide set.
    public let organisationID: UUID
    public let organisationCode: String
    public let countyWide: Bool
    public let title: String
    public let bodyFinnish: String
    public let bodyEnglish: String?
    /// How many times it was inserted into a composer.
    public let useCount: Int
    public let lastUsedAt: Date?
    public let updatedAt: Date

    public init(
        id: UUID, organisationID: UUID, organisationCode: String, countyWide: Bool, title: String, bodyFinnish: String,
        bodyEnglish: String?, useCount: Int, lastUsedAt: Date?, updatedAt: Date
    ) {
        self.id = id
        self.organisationID = organisationID
        self.organisationCode = organisationCode
        self.countyWide = countyWide
        self.title = title
        self.bodyFinnish = bodyFinnish
        self.bodyEnglish = bodyEnglish
        self.useCount = useCount
        self.lastUsedAt = lastUsedAt
        self.updatedAt = updatedAt
    }

    /// The body in `language` (`fi` or `en`); Finnish where there is no English one.
    public func body(in language: String) -> String {
        language == "en" ? bodyEnglish ?? bodyFinnish : bodyFinnish
    }
}

/// A canned reply as typed: the fields of a new one, or of one edited (all of them again).
public struct CannedReplyFields: Sendable, Equatable {
    public var title: String
    public var bodyFinnish: String
    /// Nil or empty: no English body.
    public var bodyEnglish: String?

    public init(title: String, bodyFinnish: String, bodyEnglish: String? = nil) {
        self.title = title
        self.bodyFinnish = bodyFinnish
        self.bodyEnglish = bodyEnglish
    }

    /// The fields trimmed and checked: lengths, placeholders, identity codes; every refusal at once.
    public func validated() throws(BackOfficeError) -> CannedReplyFields {
        var errors = FieldErrors()
        let title = errors.check(Validation.text(title, field: "title", length: 1...120)
            .flatMap { Validation.withoutIdentityCode($0, field: "title") })
        let finnish = errors.check(Self.body(bodyFinnish, field: "body_fi"))
        let english = bodyEnglish.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            .flatMap { errors.check(Self.body($0, field: "body_en")) }
        try errors.throwIfAny()
        return CannedReplyFields(title: title!, bodyFinnish: finnish!, bodyEnglish: english)
    }

    private static func body(_ text: String, field: String) -> Result<String, FieldError> {
        Validation.paragraphs(text, field: field, length: 1...10_000)
            .flatMap { Validation.withoutIdentityCode($0, field: field) }
            .flatMap { CannedReplyTemplate.checked($0, field: field) }
    }
}
