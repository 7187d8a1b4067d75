/// The Finnish public holidays the support calendar takes off (SPEC.md, Tickets), named in
/// Finnish. Easter Sunday and the other holidays that always fall on a Sunday or Saturday are
/// left out: the weekend is off already. Computed for any year, nothing cached.
public enum FinnishHolidays {
    /// Easter Sunday of `year` by the Anonymous Gregorian computus (Meeus/Jones/Butcher).
    public static func easterSunday(_ year: Int) -> LocalDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day)
    }

    /// The days off in `year` with their Finnish names; a day that is two holidays at once
    /// (Ascension on May Day, as in 2008) carries both names: "Vappu, Helatorstai".
    public static func holidays(in year: Int) -> [LocalDate: String] {
        Dictionary(list(in: year), uniquingKeysWith: { first, second in "\(first), \(second)" })
    }

    /// Whether `day` is one of the days off; cheaper than `holidays(in:)` for one day.
    static func isHoliday(_ day: LocalDate) -> Bool {
        switch (day.month, day.day) {
        case (1, 1), (1, 6), (5, 1), (12, 6), (12, 24), (12, 25), (12, 26): return true
        case (3...6, _): return list(in: day.year).contains { $0.day == day }
        default: return false
        }
    }

    /// The days off in `year` with their Finnish names.
    private static func list(in year: Int) -> [(day: LocalDate, name: String)] {
        let easter = easterSunday(year)
        let june19 = LocalDate(year: year, month: 6, day: 19)
        return [
            (LocalDate(year: year, month: 1, day: 1), "Uudenvuodenpäivä"),
            (LocalDate(year: year, month: 1, day: 6), "Loppiainen"),
            (easter.adding(days: -2), "Pitkäperjantai"),
            (easter.adding(days: 1), "2. pääsiäispäivä"),
            (LocalDate(year: year, month: 5, day: 1), "Vappu"),
            (easter.adding(days: 39), "Helatorstai"),
            (june19.adding(days: (5 - june19.isoWeekday + 7) % 7), "Juhannusaatto"),
            (LocalDate(year: year, month: 12, day: 6), "Itsenäisyyspäivä"),
            (LocalDate(year: year, month: 12, day: 24), "Jouluaatto"),
            (LocalDate(year: year, month: 12, day: 25), "Joulupäivä"),
            (LocalDate(year: year, month: 12, day: 26), "Tapaninpäivä"),
        ]
    }
}
