import BackOffice
import Foundation
import Testing

/// The Finnish public holidays of the support calendar.
@Suite("Finnish holidays")
struct FinnishHolidaysTests {
    @Test(arguments: [
        (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"),
        (2038, "2038-04-25"), // the latest possible
        (2285, "2285-03-22"), (1818, "1818-03-22"), // the earliest possible
        (2000, "2000-04-23"), (2008, "2008-03-23"),
    ])
    func easterSunday(year: Int, expected: String) {
        let easter = FinnishHolidays.easterSunday(year)
        #expect(easter.description == expected)
        #expect(easter.isoWeekday == 7)
    }

    @Test(arguments: [(2021, "2021-06-25"), (2022, "2022-06-24"), (2025, "2025-06-20"), (2026, "2026-06-19"), (2027, "2027-06-25")])
    func midsummerEveIsTheFridayFromJune19To25(year: Int, expected: String) {
        #expect(FinnishHolidays.holidays(in: year)[LocalDate(expected)!] == "Juhannusaatto")
    }

    @Test(arguments: [(2024, "2024-05-09"), (2025, "2025-05-29"), (2026, "2026-05-14")])
    func ascensionIsTheThursday39DaysAfterEaster(year: Int, expected: String) {
        #expect(FinnishHolidays.holidays(in: year)[LocalDate(expected)!] == "Helatorstai")
    }

    @Test func theDaysOffIn2026() {
        let expected = [
            "2026-01-01": "Uudenvuodenpäivä", "2026-01-06": "Loppiainen", "2026-04-03": "Pitkäperjantai",
            "2026-04-06": "2. pääsiäispäivä", "2026-05-01": "Vappu", "2026-05-14": "Helatorstai",
            "2026-06-19": "Juhannusaatto", "2026-12-06": "Itsenäisyyspäivä", "2026-12-24": "Jouluaatto",
            "2026-12-25": "Joulupäivä", "2026-12-26": "Tapaninpäivä",
        ]
        let holidays = FinnishHolidays.holidays(in: 2026)
        #expect(Dictionary(uniqueKeysWithValues: holidays.map { ($0.key.description, $0.value) }) == expected)
    }

    @Test func easterOf2025FromGoodFridayToEasterMonday() {
        let holidays = FinnishHolidays.holidays(in: 2025)
        #expect(holidays[LocalDate("2025-04-18")!] == "Pitkäperjantai")
        #expect(holidays[LocalDate("2025-04-20")!] == nil) // Sunday: off anyway
        #expect(holidays[LocalDate("2025-04-21")!] == "2. pääsiäispäivä")
    }

    @Test func everyYearHasElevenDaysOffSaveWhenAscensionFallsOnMayDay() {
        let years = Dictionary(grouping: 1900...2200) { FinnishHolidays.holidays(in: $0).count }
        #expect(years[10] == [1913, 2008, 2160]) // Easter on 23 March: Ascension on 1 May
        #expect(years[11]?.count == 298)
    }

    @Test func ascensionOnMayDayCarriesBothNames() {
        #expect(FinnishHolidays.holidays(in: 2008)[LocalDate("2008-05-01")!] == "Vappu, Helatorstai")
    }
}

/// Days without a time: parsing, printing and arithmetic.
@Suite("Local dates")
struct LocalDateTests {
    @Test(arguments: ["2024-02-29", "2026-12-31", "0001-01-01", "1970-01-01"])
    func parsesAndPrintsRealDates(text: String) {
        #expect(LocalDate(text)?.description == text)
    }

    @Test(arguments: ["2025-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-01",
                      "20260101", " 2026-01-01", "2026-01-01 ", "2026/01/01", "2026-01-0x", "+026-01-01", "", "2026-01-01T00:00"])
    func refusesAnythingElse(text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test func printsFourDigitYears() {
        #expect(LocalDate(year: 5, month: 3, day: 7).description == "0005-03-07")
    }

    @Test func dayNumbersCountFrom1970() {
        #expect(LocalDate(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(LocalDate(year: 2000, month: 3, day: 1).dayNumber == 11_017)
        #expect(LocalDate(year: 1969, month: 12, day: 31).dayNumber == -1)
        #expect(LocalDate(dayNumber: 20_514).description == "2026-03-02")
    }

    @Test func dayNumbersRoundTripAndFollowOneAnother() {
        var previous = LocalDate(dayNumber: -800_001)
        var wrong: [Int] = []
        for number in -800_000...800_000 {
            let date = LocalDate(dayNumber: number)
            if date.dayNumber != number || !(previous < date) || date.adding(days: -1) != previous { wrong.append(number) }
            previous = date
        }
        #expect(wrong == [])
    }

    @Test func addingDays() {
        #expect(LocalDate("2024-02-28")!.adding(days: 1).description == "2024-02-29")
        #expect(LocalDate("2025-12-31")!.adding(days: 1).description == "2026-01-01")
        #expect(LocalDate("1970-01-01")!.adding(days: -1).description == "1969-12-31")
        #expect(LocalDate("2026-03-02")!.adding(days: 365).description == "2027-03-02")
    }

    @Test(arguments: [("2026-03-02", 1), ("2026-03-06", 5), ("2026-03-08", 7), ("1970-01-01", 4), ("1969-12-29", 1), ("2000-01-01", 6)])
    func isoWeekday(date: String, expected: Int) {
        #expect(LocalDate(date)!.isoWeekday == expected)
    }

    @Test func orderFollowsTheCalendar() {
        #expect(LocalDate("2025-12-31")! < LocalDate("2026-01-01")!)
        #expect(LocalDate("2026-02-28")! < LocalDate("2026-03-01")!)
        #expect(!(LocalDate("2026-03-01")! < LocalDate("2026-03-01")!))
    }

    @Test func theLocalDateOfAMomentFollowsTheTimeZone() {
        let moment = Date(timeIntervalSince1970: 1_772_490_600) // 2026-03-02 22:30 UTC
        #expect(LocalDate(moment, in: TimeZone(identifier: "UTC")!).description == "2026-03-02")
        #expect(LocalDate(moment, in: TimeZone(identifier: "Europe/Helsinki")!).description == "2026-03-03")
    }

    @Test func momentsHonourSummerTime() {
        let helsinki = TimeZone(identifier: "Europe/Helsinki")!
        // Winter time, UTC+2: 08:00 is 06:00 UTC; summer time, UTC+3: 08:00 is 05:00 UTC.
        #expect(LocalDate("2026-03-27")!.moment(atMinute: 480, in: helsinki) == Date(timeIntervalSince1970: 1_774_591_200))
        #expect(LocalDate("2026-03-30")!.moment(atMinute: 480, in: helsinki) == Date(timeIntervalSince1970: 1_774_846_800))
        // 03:30 on 25 Oct 2026 happens twice (04:00 EEST falls back to 03:00 EET): the first one, 00:30 UTC.
        #expect(LocalDate("2026-10-25")!.moment(atMinute: 210, in: helsinki) == Date(timeIntervalSince1970: 1_792_888_200))
        // 03:30 on 29 Mar 2026 never happens (03:00 EET jumps to 04:00 EEST): 04:30 EEST, 01:30 UTC.
        #expect(LocalDate("2026-03-29")!.moment(atMinute: 210, in: helsinki) == Date(timeIntervalSince1970: 1_774_747_800))
    }
}
