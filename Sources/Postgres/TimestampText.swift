import Foundation

/// PostgreSQL's ISO text form of `timestamptz`: `2026-11-24 08:15:00.123456+00`.
enum TimestampText {
    private static let microsPerDay: Int64 = 86_400_000_000

    /// UTC, microsecond precision (PostgreSQL's own).
    static func format(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        var days = micros / microsPerDay
        var rest = micros % microsPerDay
        if rest < 0 {
            days -= 1
            rest += microsPerDay
        }
        let (year, month, day) = CivilDays.civil(fromDays: Int(days))
        let seconds = Int(rest / 1_000_000)
        let fraction = Int(rest % 1_000_000)
        return CivilDays.pad(year, 4) + "-" + CivilDays.pad(month, 2) + "-" + CivilDays.pad(day, 2)
            + " " + CivilDays.pad(seconds / 3600, 2) + ":" + CivilDays.pad(seconds / 60 % 60, 2)
            + ":" + CivilDays.pad(seconds % 60, 2) + "." + CivilDays.pad(fraction, 6) + "+00"
    }

    /// Parses `YYYY-MM-DD HH:MM:SS[.ffffff][±HH[:MM[:SS]]]`; nil for anything else
    /// (`infinity`, BC dates, other date styles).
    static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8(parse(utf8:))
    }

    /// Reads the text's UTF-8 in place (a page of tickets has 350 timestamps; copying each
    /// into an array of its own was a measured cost).
    private static func parse(utf8: UnsafeBufferPointer<UInt8>) -> Date? {
        var scanner = DigitScanner(utf8)
        guard let year = scanner.number(4), scanner.skip("-"), let month = scanner.number(2),
              scanner.skip("-"), let day = scanner.number(2), scanner.skip(" ") || scanner.skip("T"),
              let hour = scanner.number(2), scanner.skip(":"), let minute = scanner.number(2),
              scanner.skip(":"), let second = scanner.number(2),
              CalendarDate(year: year, month: month, day: day) != nil,
              hour < 24, minute < 60, second < 60
        else { return nil }
        var micros = 0
        if scanner.skip(".") {
            var digits = 0
            while let digit = scanner.digit() {
                if digits < 6 {
                    micros = micros * 10 + digit
                    digits += 1
                }
            }
            guard digits > 0 else { return nil }
            for _ in digits..<6 { micros *= 10 }
        }
        var offsetSeconds = 0
        if let sign = scanner.sign() {
            guard let hours = scanner.number(2) else { return nil }
            var offset = hours * 3600
            if scanner.skip(":") {
                guard let minutes = scanner.number(2) else { return nil }
                offset += minutes * 60
                if scanner.skip(":") {
                    guard let secs = scanner.number(2) else { return nil }
                    offset += secs
                }
            }
            offsetSeconds = sign * offset
        }
        guard scanner.atEnd else { return nil }
        let days = CivilDays.days(year: year, month: month, day: day)
        let wholeSeconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        let total = wholeSeconds * 1_000_000 + Int64(micros)
        return Date(timeIntervalSince1970: TimeInterval(total / 1_000_000) + TimeInterval(total % 1_000_000) / 1_000_000)
    }
}

/// Reads ASCII digits and punctuation from UTF-8 bytes, front to back.
struct DigitScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func digit() -> Int? {
        guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
        defer { index += 1 }
        return Int(bytes[index] - UInt8(ascii: "0"))
    }

    /// Exactly `count` digits.
    mutating func number(_ count: Int) -> Int? {
        var value = 0
        for _ in 0..<count {
            guard let digit = digit() else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    /// +1 or -1 for a sign character, nil otherwise.
    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }
}
