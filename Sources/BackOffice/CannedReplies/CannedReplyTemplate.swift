import Foundation

/// The text of a canned reply read as pieces: plain text and `{{name}}` placeholders (spaces
/// inside the braces allowed). Saving refuses an unknown or unclosed placeholder by name;
/// filling puts the ticket's values in.
public enum CannedReplyTemplate {
    enum Piece: Equatable {
        case text(String)
        case placeholder(CannedReplyPlaceholder)
    }

    /// Why a text is not a template.
    enum Refusal: Error, Equatable {
        case unknown(String)
        case unclosed
    }

    /// `text` unchanged if every placeholder in it is known and closed, else the field's error
    /// naming the first unknown one.
    public static func checked(_ text: String, field: String) -> Result<String, FieldError> {
        switch pieces(of: text) {
        case .success: return .success(text)
        case .failure(.unknown(let name)):
            return .failure(FieldError(
                field: field, reason: "unknown placeholder {{\(name)}}; use one of \(CannedReplyPlaceholder.namesListed)",
                code: "unknown_placeholder"))
        case .failure(.unclosed):
            return .failure(FieldError(field: field, reason: "a placeholder opened with {{ is not closed with }}", code: "unclosed_placeholder"))
        }
    }

    /// The name of the first unknown placeholder in `text`, as written, if there is one.
    public static func unknownPlaceholder(in text: String) -> String? {
        if case .failure(.unknown(let name)) = pieces(of: text) { return name }
        return nil
    }

    /// `text` with its placeholders filled from `values`. The text was checked when saved; a
    /// placeholder unknown since then is left as written.
    public static func filled(_ text: String, with values: CannedReplyValues) -> String {
        guard case .success(let pieces) = pieces(of: text) else { return text }
        return pieces.map { piece in
            switch piece {
            case .text(let text): text
            case .placeholder(let placeholder): values.value(of: placeholder)
            }
        }.joined()
    }

    static func pieces(of text: String) -> Result<[Piece], Refusal> {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { pieces.append(.text(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else { return .failure(.unclosed) }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard let placeholder = CannedReplyPlaceholder.named(name) else { return .failure(.unknown(name)) }
            pieces.append(.placeholder(placeholder))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return .success(pieces)
    }
}
