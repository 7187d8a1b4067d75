/// A calendar month, written `YYYY-MM`: the `--from` and `--to` of a report.
public struct ReportMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// Parses `YYYY-MM` (years 1900–9999); nil for anything else.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              bytes.enumerated().allSatisfy({ $0.offset == 4 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element) }),
              let year = Int(text.prefix(4)), let month = Int(text.suffix(2)),
              (1900...9999).contains(year), (1...12).contains(month)
        else { return nil }
        self.year = year
        self.month = month
    }

    /// The month of `day`.
    public init(of day: LocalDate) {
        year = day.year
        month = day.month
    }

    /// The month `count` months after this one (before it when negative).
    public func adding(months count: Int) -> ReportMonth {
        let index = year * 12 + (month - 1) + count
        return ReportMonth(of: LocalDate(year: index / 12, month: index % 12 + 1, day: 1))
    }

    /// The first day of the month, `YYYY-MM-01`.
    public var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1) }

    /// The first day of the month after this one.
    public var firstDayOfNext: LocalDate {
        month == 12 ? LocalDate(year: year + 1, month: 1, day: 1) : LocalDate(year: year, month: month + 1, day: 1)
    }

    public var description: String {
        "\(year)-" + (month < 10 ? "0\(month)" : "\(month)")
    }

    public static func < (lhs: ReportMonth, rhs: ReportMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}
