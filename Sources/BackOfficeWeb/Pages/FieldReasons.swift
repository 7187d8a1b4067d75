import BackOffice
import Foundation

/// Why a field was refused, in the page's language: the catalogue's words for the kinds of
/// refusal the domain names (`reason_<code>`), the domain's own sentence for the rest.
extension Catalogue {
    func reason(_ error: FieldError) -> String {
        guard let code = error.code, let text = strings["reason_\(code)"] else { return error.reason }
        return text
    }

    /// Each field's reasons, one sentence per field, under the form's field names
    /// (`resident.name` → `resident_name`).
    func reasonsByField(_ errors: [FieldError]) -> [String: String] {
        var byField: [String: String] = [:]
        for error in errors {
            let field = error.field.replacingOccurrences(of: ".", with: "_")
            byField[field] = [byField[field], reason(error)].compactMap { $0 }.joined(separator: "; ")
        }
        return byField
    }
}
