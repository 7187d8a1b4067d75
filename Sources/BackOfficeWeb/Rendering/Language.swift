import Foundation

/// The languages of the pages: Finnish first, English available.
public enum Language: String, CaseIterable, Sendable {
    case fi, en

    /// The language of a request: the `lang` cookie when it names one, then the first
    /// `Accept-Language` entry we speak, then Finnish.
    static func chosen(cookie: String?, acceptLanguage: String?) -> Language {
        if let cookie, let language = Language(rawValue: cookie) { return language }
        let ranked = (acceptLanguage ?? "").split(separator: ",").compactMap { entry -> (Language, Double)? in
            let parts = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first?.lowercased().split(separator: "-").first,
                  let language = Language(rawValue: String(tag)) else { return nil }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0 ? (language, quality) : nil
        }
        return ranked.max { $0.1 < $1.1 }?.0 ?? .fi
    }
}
