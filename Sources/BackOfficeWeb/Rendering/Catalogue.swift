import BackOffice
import Foundation

/// Every string of the pages in one language, read from `Resources/i18n/<language>.json`
/// (flat snake_case keys, e.g. `queue_title`). Templates read it as `t` (`{{t.queue_title}}`);
/// Swift code through `text(_:_:)`.
public struct Catalogue: Sendable {
    public let language: Language
    let strings: [String: String]

    /// Loads the catalogue of `language` from the target's resources.
    static func load(_ language: Language, from directory: URL) throws -> Catalogue {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(language.rawValue).json"))
        return Catalogue(language: language, strings: try JSONDecoder().decode([String: String].self, from: data))
    }

    /// The string of `key`, with `{name}` placeholders filled from `values`; the key itself
    /// when it is missing (a test keeps the catalogues complete).
    func text(_ key: String, _ values: [String: String] = [:]) -> String {
        var text = strings[key] ?? key
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// A whole number as the language writes it: `12 345` in Finnish (a no-break space
    /// between the thousands), `12,345` in English.
    func integer(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var grouped = number < 0 ? "-" : ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(language == .fi ? "\u{00A0}" : ",") }
            grouped.append(digit)
        }
        return grouped
    }

    /// A queue's count as the desk reads it beside the queue: `42`, or `999+` past the cap.
    func queueCount(_ count: QueueCount) -> String {
        switch count {
        case .exact(let number): integer(number)
        case .moreThan(let cap): text("queue_count_more_than", ["count": integer(cap)])
        }
    }

    /// A number written with a decimal point (`100.0`), as the language writes it: `100,0` in Finnish.
    func decimal(_ number: String) -> String {
        language == .fi ? number.replacingOccurrences(of: ".", with: ",") : number
    }
}

/// The catalogues of every language, loaded once at start.
public struct Catalogues: Sendable {
    let byLanguage: [Language: Catalogue]

    static func load(from directory: URL) throws -> Catalogues {
        var byLanguage: [Language: Catalogue] = [:]
        for language in Language.allCases { byLanguage[language] = try Catalogue.load(language, from: directory) }
        return Catalogues(byLanguage: byLanguage)
    }

    subscript(_ language: Language) -> Catalogue { byLanguage[language]! }
}
