import BackOffice
import Foundation

/// The composer's canned-reply picker: the replies that may be inserted on this ticket (a
/// select and an insert button, which work as a plain form; `desk-tools.js` adds `::`).
struct CannedReplyPicker {
    let reference: String
    let options: [Option]
    let languages: [Option]

    /// The picker for the ticket, or nil when no reply may be inserted there.
    static func load(
        _ replies: CannedReplyService, reference: String, code: String, for principal: Principal, language: Language,
        catalogue: Catalogue
    ) async throws -> CannedReplyPicker? {
        let usable = try await replies.usable(on: reference, in: code, for: principal)
        guard !usable.isEmpty else { return nil }
        let setNames = [true: catalogue.text("canned_picker_county"), false: code]
        return CannedReplyPicker(
            reference: reference,
            options: usable.map {
                Option(value: $0.id.uuidString.lowercased(), label: "\($0.title) (\(setNames[$0.countyWide]!))", selected: false)
            },
            languages: Language.allCases.map {
                Option(value: $0.rawValue, label: catalogue.text("language_\($0.rawValue)"), selected: $0 == language)
            })
    }
}
