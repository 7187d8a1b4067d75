import Foundation

/// The language a mail is written in: the recipient's (Finnish unless they chose English).
public enum MailLanguage: String, Sendable, CaseIterable, Codable, NamedCases {
    case fi, en

    /// English for `en`, `en-GB`, …; Finnish otherwise.
    public static func of(_ tag: String?) -> MailLanguage {
        tag?.lowercased().hasPrefix("en") == true ? .en : .fi
    }
}
