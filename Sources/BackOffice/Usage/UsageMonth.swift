/// A calendar month (`YYYY-MM` on the wire), the period of the usage statistics.
public struct UsageMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// A month of the years 1 to 9999, or nil.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`.
    public init?(_ text: String) {
        guard let month = Self.parse(text.utf8) else { return nil }
        self = month
    }

    /// Parses the ASCII bytes of `YYYY-MM`.
    static func parse(_ bytes: some Collection<UInt8>) -> UsageMonth? {
        guard bytes.count == 7 else { return nil }
        var year = 0
        var month = 0
        for (offset, byte) in bytes.enumerated() {
            if offset == 4 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            if offset < 4 { year = year * 10 + Int(byte &- UInt8(ascii: "0")) } else { month = month * 10 + Int(byte &- UInt8(ascii: "0")) }
        }
        return UsageMonth(year: year, month: month)
    }

    /// The first day of the month, as the database stores months.
    public var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1) }

    public var description: String {
        String(repeating: "0", count: 4 - String(year).count) + String(year) + (month < 10 ? "-0" : "-") + String(month)
    }

    public static func < (lhs: UsageMonth, rhs: UsageMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}
