import Foundation

/// Turning the bytes of a mail's text into a string by its declared charset: UTF-8, US-ASCII,
/// ISO-8859-1/-15 and Windows-1252 (what Finnish mail arrives in). An unknown or wrong charset
/// falls back to UTF-8 and then ISO-8859-1, which never fails.
enum MailCharset {
    static func decode(_ bytes: [UInt8], charset: String?) -> String {
        let name = (charset ?? "utf-8").lowercased().trimmingCharacters(in: .whitespaces)
        let declared: String.Encoding? = switch name {
        case "utf-8", "utf8": .utf8
        case "us-ascii", "ascii": .utf8
        case "iso-8859-1", "iso8859-1", "latin1", "iso-8859-15", "iso8859-15", "latin-9": .isoLatin1
        case "windows-1252", "cp1252": .windowsCP1252
        default: nil
        }
        let data = Data(bytes)
        if let declared, let text = String(data: data, encoding: declared) { return text }
        return String(data: data, encoding: .utf8) ?? String(bytes.map { Character(Unicode.Scalar($0)) })
    }
}
