/// The text form of one-dimensional PostgreSQL arrays: `{a,"b c",NULL}`.
enum ArrayText {
    /// Every element quoted, so commas, braces, spaces and the word NULL stay data.
    static func format(_ elements: [String]) -> String {
        var text = "{"
        for (index, element) in elements.enumerated() {
            if index > 0 { text += "," }
            text += "\""
            for character in element {
                if character == "\"" || character == "\\" { text += "\\" }
                text.append(character)
            }
            text += "\""
        }
        return text + "}"
    }

    /// The elements (nil for NULL), or nil when the text is not a one-dimensional array.
    static func parse(_ text: String) -> [String?]? {
        var scalars = text.unicodeScalars[...]
        guard scalars.popFirst() == "{", scalars.popLast() == "}" else { return nil }
        var elements: [String?] = []
        if scalars.isEmpty { return elements }
        while true {
            if scalars.first == "\"" {
                scalars.removeFirst()
                var element = String.UnicodeScalarView()
                while true {
                    guard let scalar = scalars.popFirst() else { return nil }
                    if scalar == "\"" { break }
                    if scalar == "\\" {
                        guard let escaped = scalars.popFirst() else { return nil }
                        element.append(escaped)
                    } else {
                        element.append(scalar)
                    }
                }
                elements.append(String(element))
            } else {
                var element = String.UnicodeScalarView()
                while let scalar = scalars.first, scalar != "," {
                    if scalar == "{" || scalar == "}" || scalar == "\"" { return nil }
                    element.append(scalar)
                    scalars.removeFirst()
                }
                let word = String(element)
                guard !word.isEmpty else { return nil }
                elements.append(word == "NULL" ? nil : word)
            }
            guard let separator = scalars.popFirst() else { return elements }
            guard separator == "," else { return nil }
        }
    }
}
