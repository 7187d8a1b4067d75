import Foundation

/// A moment as ISO 8601 in UTC to the second (`2026-11-24T08:00:00Z`), exactly as
/// `JSONEncoder`'s `.iso8601` writes it (fractions of a second dropped), but made from the
/// day count's civil date with plain arithmetic instead of a date formatter: the answers'
/// dates were a measured hot spot of the JSON encoding.
enum InternetDateText {
    /// The text's length in bytes.
    static let length = 20

    static func string(from date: Date) -> String {
        String(unsafeUninitializedCapacity: length) { buffer in
            write(date, into: UnsafeMutableRawBufferPointer(buffer))
            return length
        }
    }

    /// Writes the text's `length` bytes at the start of `bytes` (`JSONWriter` writes the
    /// answers' dates straight into their buffer).
    static func write(_ date: Date, into bytes: UnsafeMutableRawBufferPointer) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let ofDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        func put(_ value: Int, at offset: Int, digits: Int) {
            var value = value
            for index in stride(from: offset + digits - 1, through: offset, by: -1) {
                bytes[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        put(year, at: 0, digits: 4)
        put(month, at: 5, digits: 2)
        put(day, at: 8, digits: 2)
        put(ofDay / 3600, at: 11, digits: 2)
        put(ofDay / 60 % 60, at: 14, digits: 2)
        put(ofDay % 60, at: 17, digits: 2)
        for (offset, character) in [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "Z")] as [(Int, Unicode.Scalar)] {
            bytes[offset] = UInt8(ascii: character)
        }
    }

    /// The proleptic Gregorian date of a count of days since 1970-01-01 (H. Hinnant's algorithm).
    private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
