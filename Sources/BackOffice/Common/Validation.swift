import Foundation

/// Checks of free-text input shared by every area: presence, length, NUL bytes and control
/// characters, e-mail shape. Each returns the cleaned value or a `FieldError`.
public enum Validation {
    /// A trimmed single-line text of `range` characters.
    public static func text(_ value: String, field: String, length range: ClosedRange<Int>) -> Result<String, FieldError> {
        checked(value.trimmingCharacters(in: .whitespacesAndNewlines), field: field, length: range, allowing: ["\t"])
    }

    /// A trimmed text of `range` characters that may run over several lines (tabs and line
    /// breaks allowed, other control characters and NUL bytes not); CRLF becomes LF.
    public static func paragraphs(_ value: String, field: String, length range: ClosedRange<Int>) -> Result<String, FieldError> {
        checked(value.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines),
                field: field, length: range, allowing: ["\t", "\n"])
    }

    private static func checked(_ trimmed: String, field: String, length range: ClosedRange<Int>, allowing: Set<Unicode.Scalar>) -> Result<String, FieldError> {
        if trimmed.unicodeScalars.contains(where: { $0.value == 0 }) {
            return .failure(FieldError(field: field, reason: "must not contain NUL bytes", code: "control_characters"))
        }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !allowing.contains($0) }) {
            return .failure(FieldError(field: field, reason: "must not contain control characters", code: "control_characters"))
        }
        if trimmed.count < range.lowerBound {
            return .failure(range.lowerBound == 1
                ? FieldError(field: field, reason: "is required", code: "required")
                : FieldError(field: field, reason: "must be at least \(range.lowerBound) characters", code: "too_short"))
        }
        if trimmed.count > range.upperBound {
            return .failure(FieldError(field: field, reason: "must be at most \(range.upperBound) characters", code: "too_long"))
        }
        return .success(trimmed)
    }

    /// An e-mail address: one `@`, a local part and a domain with a dot, no spaces; lowercased.
    public static func email(_ value: String, field: String = "email") -> Result<String, FieldError> {
        text(value, field: field, length: 3...254).flatMap { email in
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
                  !parts[1].hasSuffix("."), !email.contains(where: \.isWhitespace)
            else { return .failure(FieldError(field: field, reason: "is not an e-mail address", code: "not_email")) }
            return .success(email.lowercased())
        }
    }

    /// A phone number: an optional `+`, then digits with spaces, hyphens and parentheses
    /// between them (`+358 40 123 4567`, `(08) 123 456`), 5 to 40 characters.
    public static func phone(_ value: String, field: String = "phone") -> Result<String, FieldError> {
        text(value, field: field, length: 1...40).flatMap { phone in
            let body = phone.hasPrefix("+") ? phone.dropFirst() : Substring(phone)
            guard phone.count >= 5, body.first?.isASCII == true, body.first?.isNumber == true,
                  body.last?.isASCII == true, body.last?.isNumber == true,
                  body.allSatisfy({ $0.isASCII && ($0.isNumber || " ()-".contains($0)) })
            else { return .failure(FieldError(
                field: field, reason: "is not a phone number (digits, spaces, hyphens and parentheses, e.g. +358 40 123 4567)",
                code: "not_phone")) }
            return .success(phone)
        }
    }

    /// A code of uppercase ASCII letters and digits in hyphen-separated groups (`OULU-TK`).
    public static func organisationCode(_ value: String, field: String = "code") -> Result<String, FieldError> {
        let code = value.trimmingCharacters(in: .whitespaces).uppercased()
        let groups = code.split(separator: "-", omittingEmptySubsequences: false)
        guard (2...32).contains(code.count),
              groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) } })
        else {
            return .failure(FieldError(field: field, reason: "must be 2 to 32 letters A-Z and digits in groups joined by hyphens, e.g. OULU-TK"))
        }
        return .success(code)
    }

    /// A lowercase snake_case code (`oulu`, `symptom_back_pain`).
    public static func snakeCode(_ value: String, field: String = "code") -> Result<String, FieldError> {
        let code = value.trimmingCharacters(in: .whitespaces)
        let words = code.split(separator: "_", omittingEmptySubsequences: false)
        guard (2...40).contains(code.count),
              words.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } })
        else { return .failure(FieldError(field: field, reason: "must be 2 to 40 lowercase letters and digits joined by underscores")) }
        return .success(code)
    }

    /// The reason a change needs (grants, revokes): 1 to 1000 characters.
    public static func reason(_ value: String?, field: String = "reason") -> Result<String, FieldError> {
        guard let value else { return .failure(FieldError(field: field, reason: "is required")) }
        return text(value, field: field, length: 1...1000)
    }
}

/// Collects field errors so that every invalid field is reported at once.
public struct FieldErrors {
    public private(set) var errors: [FieldError] = []

    public init() {}

    /// The value, or nil after noting its error.
    @discardableResult
    public mutating func check<T>(_ result: Result<T, FieldError>) -> T? {
        switch result {
        case .success(let value): return value
        case .failure(let error):
            errors.append(error)
            return nil
        }
    }

    /// Notes an error found by other means.
    public mutating func add(_ field: String, _ reason: String) {
        errors.append(FieldError(field: field, reason: reason))
    }

    /// Throws `.invalid` with every error noted, if any.
    public func throwIfAny() throws(BackOfficeError) {
        if !errors.isEmpty { throw BackOfficeError.invalid(errors) }
    }
}
