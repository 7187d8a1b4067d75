import Foundation

/// An `application/x-www-form-urlencoded` body, decoded strictly: invalid percent escapes,
/// invalid UTF-8 and NUL characters refuse the whole form.
struct FormData: Sendable, Equatable {
    private let fields: [(name: String, value: String)]

    static func == (lhs: FormData, rhs: FormData) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }

    init(fields: [(name: String, value: String)]) {
        self.fields = fields
    }

    /// The form in `body`, or nil when it is not a well-formed form.
    init?(urlEncoded body: String) {
        var fields: [(name: String, value: String)] = []
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else { return nil }
            fields.append((name, value))
        }
        self.fields = fields
    }

    /// The first value of `name`, with Windows line ends made Unix ones; nil when absent.
    subscript(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value of `name` (checkboxes), in the order sent.
    func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// The value of `name` trimmed of surrounding white space, nil when absent or empty.
    func trimmed(_ name: String) -> String? {
        self[name].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func decode(_ text: Substring) -> String? {
        guard let decoded = text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding,
              !decoded.contains("\0") else { return nil }
        return decoded.replacingOccurrences(of: "\r\n", with: "\n")
    }
}
