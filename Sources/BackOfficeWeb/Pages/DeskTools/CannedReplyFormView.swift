import BackOffice
import Foundation

/// The form of a canned reply (new or edited), with what was typed and the messages beside
/// the fields, and the placeholders it may use.
struct CannedReplyFormView {
    let set: String
    let sets: [Option]
    let title: String
    let bodyFi: String
    let bodyEn: String
    /// Stored, not computed: templates see stored properties only (and an empty string is true).
    let hasEnglish: Bool
    let errors: [String: String]
    let placeholders: String

    init(set: String, sets: [Option], fields: CannedReplyFields, errors: [String: String] = [:]) {
        self.set = set
        self.sets = sets
        title = fields.title
        bodyFi = fields.bodyFinnish
        bodyEn = fields.bodyEnglish ?? ""
        hasEnglish = !bodyEn.isEmpty
        self.errors = errors
        placeholders = CannedReplyPlaceholder.namesListed
    }

    /// The refusal of `fields` by field, in the page's language: an unknown placeholder by its name.
    static func errors(_ errors: [FieldError], of fields: CannedReplyFields, catalogue: Catalogue) -> [String: String] {
        var byField = catalogue.reasonsByField(errors)
        for error in errors where error.code == "unknown_placeholder" {
            let text = error.field == "body_en" ? fields.bodyEnglish ?? "" : fields.bodyFinnish
            if let name = CannedReplyTemplate.unknownPlaceholder(in: text) {
                byField[error.field] = catalogue.text("canned_unknown_placeholder", ["name": "{{\(name)}}"])
            }
        }
        return byField
    }
}
