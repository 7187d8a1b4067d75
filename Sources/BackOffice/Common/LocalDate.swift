import Foundation

/// A day of the proleptic Gregorian calendar without a time or a time zone, written
/// `YYYY-MM-DD`. Day arithmetic counts days from 1970-01-01 (H. Hinnant's `days_from_civil`),
/// exact for any year and without `Calendar`.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A date that exists (month 1–12, day within the month); use `init?(_:)` for input.
    public init(year: Int, month: Int, day: Int) {
        precondition(Self.exists(year: year, month: month, day: day), "no such date: \(year)-\(month)-\(day)")
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil for any other shape or a date that does not exist (2025-02-29).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]),
              let day = Self.number(bytes[8..<10]), Self.exists(year: year, month: month, day: day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day `moment` falls on in Finland (Europe/Helsinki): the county's days, for due
    /// dates, deployment dates and completions.
    public init(inFinland moment: Date) {
        self.init(moment, in: Self.finland)
    }

    /// Europe/Helsinki.
    public static let finland = TimeZone(identifier: "Europe/Helsinki")!

    /// The day `dayNumber` days after 1970-01-01 (before it when negative).
    public init(dayNumber: Int) {
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchMonth = (5 * dayOfYear + 2) / 153
        let month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month,
                  day: dayOfYear - (153 * marchMonth + 2) / 5 + 1)
    }

    /// The local date of `moment` in `timeZone`.
    public init(_ moment: Date, in timeZone: TimeZone) {
        let local = moment.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: moment))
        self.init(dayNumber: Int((local / 86_400).rounded(.down)))
    }

    /// Days from 1970-01-01 to this day (negative before it).
    public var dayNumber: Int {
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The ISO weekday: 1 Monday … 7 Sunday.
    public var isoWeekday: Int {
        let sinceMonday = (dayNumber + 3) % 7 // 1970-01-01 was a Thursday
        return (sinceMonday < 0 ? sinceMonday + 7 : sinceMonday) + 1
    }

    /// The day `days` days later (earlier when negative).
    public func adding(days: Int) -> LocalDate {
        LocalDate(dayNumber: dayNumber + days)
    }

    /// The moment `minute` minutes after this day's local midnight in `timeZone`, so that a
    /// change to or from summer time in between is honoured. A wall-clock time that occurs twice
    /// is its earlier occurrence; one that the change skips counts as that long after the jump.
    public func moment(atMinute minute: Int, in timeZone: TimeZone) -> Date {
        let wallClock = Double(dayNumber * 86_400 + minute * 60)
        let offsetBefore = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wallClock - 86_400))
        let offsetAfter = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wallClock + 86_400))
        let readings = [offsetBefore, offsetAfter].map { Date(timeIntervalSince1970: wallClock - Double($0)) }
        return readings.filter { Double(timeZone.secondsFromGMT(for: $0)) == wallClock - $0.timeIntervalSince1970 }.min()
            ?? readings[0]
    }

    public var description: String {
        "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whether the day exists in the proleptic Gregorian calendar.
    static func exists(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// The value of ASCII digits, or nil if any byte is not one.
    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
