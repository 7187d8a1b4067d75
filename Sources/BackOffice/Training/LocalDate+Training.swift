import Foundation

extension LocalDate {
    /// The same day `months` months later (earlier when negative), or the last day of that
    /// month when it is shorter: 2024-01-31 + 1 month = 2024-02-29, as PostgreSQL counts.
    public func adding(months: Int) -> LocalDate {
        let index = year * 12 + (month - 1) + months
        var newYear = index / 12
        var monthIndex = index % 12
        if monthIndex < 0 {
            monthIndex += 12
            newYear -= 1
        }
        var newDay = day
        while !Self.exists(year: newYear, month: monthIndex + 1, day: newDay) { newDay -= 1 }
        return LocalDate(year: newYear, month: monthIndex + 1, day: newDay)
    }
}

extension LocalDate {
    /// The day `text` names (`YYYY-MM-DD`), nil for nil, or `.invalid` naming `field`.
    public static func parsed(_ text: String?, field: String) throws(BackOfficeError) -> LocalDate? {
        guard let text else { return nil }
        guard let day = LocalDate(text.trimmingCharacters(in: .whitespaces)) else {
            throw .invalid(field, "must be a date YYYY-MM-DD")
        }
        return day
    }
}
