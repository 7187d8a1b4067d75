/// Finnish personal identity codes (henkilötunnus) DDMMYYCZZZQ: century sign + - A (and since
/// 2023 also B C D E F for 2000s, U V W X Y for 1900s), individual number 002–899 (also 900–999
/// temporary), check character = "0123456789ABCDEFHJKLMNPRSTUVWXY"[DDMMYYZZZ % 31], date must
/// exist. Letters are read case-insensitively.
public enum PersonalIdentityCode {
    /// Whether `code` is exactly one valid identity code.
    public static func isValid(_ code: String) -> Bool {
        let characters = Array(code.uppercased())
        guard characters.count == 11, let century = century(characters[6]) else { return false }
        let digits = (characters[0..<6] + characters[7..<10]).compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        guard digits.count == 9 else { return false }
        let number = digits.reduce(0) { $0 * 10 + $1 }
        let (day, month, year) = (number / 10_000_000, number / 100_000 % 100, number / 1000 % 100)
        return LocalDate.exists(year: century + year, month: month, day: day)
            && number % 1000 >= 2
            && characters[10] == checkCharacters[number % 31]
    }

    /// Valid codes standing as whole words in `text` (not part of a longer token of letters or
    /// digits), as they are written there.
    public static func occurrences(in text: String) -> [String] {
        let characters = Array(text)
        guard characters.count >= 11 else { return [] }
        return (0...characters.count - 11).compactMap { start in
            let end = start + 11
            guard start == 0 || !isWordCharacter(characters[start - 1]),
                  end == characters.count || !isWordCharacter(characters[end])
            else { return nil }
            let candidate = String(characters[start..<end])
            return isValid(candidate) ? candidate : nil
        }
    }

    private static let checkCharacters = Array("0123456789ABCDEFHJKLMNPRSTUVWXY")

    /// The first year of the century a sign stands for.
    private static func century(_ sign: Character) -> Int? {
        switch sign {
        case "+": 1800
        case "-", "U", "V", "W", "X", "Y": 1900
        case "A", "B", "C", "D", "E", "F": 2000
        default: nil
        }
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}

extension Validation {
    /// Refuses text that contains a valid identity code, so that identity and health data do not
    /// pile up in tickets (SPEC.md, Tickets: data minimisation); the text itself is returned as is.
    public static func withoutIdentityCode(_ text: String, field: String) -> Result<String, FieldError> {
        guard PersonalIdentityCode.occurrences(in: text).isEmpty else {
            return .failure(FieldError(field: field, reason:
                "contains a Finnish personal identity code (henkilötunnus); remove it, identity and health data do not belong in tickets",
                code: "identity_code"))
        }
        return .success(text)
    }
}
