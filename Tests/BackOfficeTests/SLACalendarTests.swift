import BackOffice
import Foundation
import Testing

/// The moment of a Helsinki wall-clock time, "2026-04-02 15:30" or "2026-04-02 15:30:45", built
/// with Foundation's `Calendar` rather than the code under test.
func helsinki(_ text: String) -> Date {
    let numbers = text.split(whereSeparator: { " -:".contains($0) }).map { Int($0)! }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Helsinki")!
    return calendar.date(from: DateComponents(
        year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3], minute: numbers[4],
        second: numbers.count > 5 ? numbers[5] : 0))!
}

/// The Helsinki wall-clock reading of a moment, "2026-04-02 15:30" (with ":45" if seconds).
func helsinkiText(_ moment: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Helsinki")!
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: moment)
    func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" }! }
    let text = "\(parts.year!)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
    return parts.second == 0 ? text : text + ":\(two(parts.second))"
}

/// Business minutes on the support calendar: Mon–Fri 08:00–16:00 Europe/Helsinki, Finnish public
/// holidays off. Expected times are Helsinki wall-clock times worked out by hand.
@Suite("SLA calendar")
struct SLACalendarTests {
    private let support = SLACalendar.support

    // MARK: adding

    @Test(arguments: [
        ("2026-03-06 15:00", 120, "2026-03-09 09:00"), // Fri: 60 left, the weekend off, Mon 08:00 + 60
        ("2025-12-22 15:00", 480, "2025-12-23 15:00"), // Mon 60, Tue 23 Dec is open: 08:00 + 420
        ("2025-12-23 12:00", 480, "2025-12-29 12:00"), // Tue 240; 24, 25, 26 Dec off; 27–28 weekend; Mon 240
        ("2025-12-31 15:00", 120, "2026-01-02 09:00"), // New Year's Day, Thu, off
        ("2026-01-05 15:00", 120, "2026-01-07 09:00"), // Epiphany, Tue, off
        ("2025-04-17 14:00", 240, "2025-04-22 10:00"), // Thu 120; Good Friday 18 Apr … Easter Monday 21 Apr off; Tue 120
        ("2026-04-02 14:00", 240, "2026-04-07 10:00"), // the same over Easter 2026 (3–6 Apr)
        ("2027-03-25 14:00", 240, "2027-03-30 10:00"), // the same over Easter 2027 (26–29 Mar), summer time from 28 Mar
        ("2026-04-30 15:00", 61, "2026-05-04 08:01"),  // May Day, Fri, off
        ("2026-05-13 15:00", 120, "2026-05-15 09:00"), // Ascension Day, Thu 14 May, off
        ("2025-06-19 15:30", 60, "2025-06-23 08:30"),  // Midsummer Eve, Fri 20 Jun 2025, off
        ("2026-06-18 15:00", 120, "2026-06-22 09:00"), // Midsummer Eve, Fri 19 Jun 2026, off
        ("2027-12-03 15:00", 120, "2027-12-07 09:00"), // Independence Day, Mon 6 Dec 2027, off
        ("2026-03-03 15:59", 60, "2026-03-04 08:59"),  // one minute left today
        ("2026-03-03 16:00", 60, "2026-03-04 09:00"),  // closed: counts from the next opening
        ("2026-03-03 07:00", 60, "2026-03-03 09:00"),  // not open yet: counts from 08:00
        ("2026-03-03 08:00", 480, "2026-03-03 16:00"), // a result at closing time stays there
        ("2026-04-30 15:00", 60, "2026-04-30 16:00"),  // even before a holiday
        ("2026-03-03 08:00", 481, "2026-03-04 08:01"),
        ("2026-03-07 10:00", 30, "2026-03-09 08:30"),  // Saturday
        ("2026-03-03 10:00", 0, "2026-03-03 10:00"),   // 0 inside hours: the same moment
        ("2026-03-03 07:00", 0, "2026-03-03 08:00"),   // 0 outside hours: the next opening
        ("2026-03-03 16:00", 0, "2026-03-04 08:00"),
        ("2026-03-07 10:00", 0, "2026-03-09 08:00"),
        ("2026-04-03 10:00", 0, "2026-04-07 08:00"),   // Good Friday
        ("2026-03-07 10:00", -5, "2026-03-09 08:00"),  // a negative count counts as 0
        ("2026-03-27 15:00", 120, "2026-03-30 09:00"), // summer time starts Sun 29 Mar 2026
        ("2025-10-24 15:30", 60, "2025-10-27 08:30"),  // summer time ends Sun 26 Oct 2025
        ("2026-10-23 15:00", 120, "2026-10-26 09:00"), // summer time ends Sun 25 Oct 2026
        ("2026-01-01 00:00", 120_960, "2026-12-31 16:00"), // the 252 business days of 2026, 480 min each
        ("2026-03-02 09:15:30", 1, "2026-03-02 09:16:30"), // seconds are kept
    ])
    func adding(start: String, minutes: Int, expected: String) {
        #expect(helsinkiText(support.adding(businessMinutes: minutes, to: helsinki(start))) == expected)
    }

    @Test func summerTimeShortensTheWeekendByAnHour() {
        let start = helsinki("2026-03-27 15:00")
        // Fri 15:00 EET (13:00 UTC) to Mon 09:00 EEST (06:00 UTC): 65 hours, not 66.
        #expect(support.adding(businessMinutes: 120, to: start).timeIntervalSince(start) == 65 * 3600)
    }

    // MARK: businessMinutes

    @Test(arguments: [
        ("2026-03-06 15:00", "2026-03-09 09:00", 120), // over a weekend
        ("2026-04-02 14:00", "2026-04-07 10:00", 240), // over Easter
        ("2025-12-23 12:00", "2025-12-29 12:00", 480), // over Christmas
        ("2026-03-03 17:00", "2026-03-04 07:00", 0),   // a night
        ("2026-03-07 00:00", "2026-03-09 00:00", 0),   // a weekend
        ("2026-03-03 07:00", "2026-03-03 18:00", 480), // a whole day from outside its hours
        ("2026-03-03 08:00:00", "2026-03-03 08:01:59", 1), // seconds truncated
        ("2026-03-03 08:00:00", "2026-03-03 08:00:59", 0),
        ("2026-03-03 15:59:30", "2026-03-04 08:00:30", 1), // 30 s + 30 s
        ("2026-03-04 10:00", "2026-03-03 10:00", 0),   // end before start
        ("2026-03-03 10:00", "2026-03-03 10:00", 0),
        ("2026-03-27 15:00", "2026-03-30 09:00", 120), // over the change to summer time
        ("2026-01-01 00:00", "2027-01-01 00:00", 120_960), // all of 2026: 252 business days
    ])
    func businessMinutes(start: String, end: String, expected: Int) {
        #expect(support.businessMinutes(from: helsinki(start), to: helsinki(end)) == expected)
    }

    @Test func daysOfChangingTimeAreAnHourShorterOrLonger() {
        let everyHour = SLACalendar(opensAt: 0, closesAt: 1440, workdays: Set(1...7), observesFinnishHolidays: false)
        #expect(everyHour.businessMinutes(from: helsinki("2026-03-29 00:00"), to: helsinki("2026-03-30 00:00")) == 23 * 60)
        #expect(everyHour.businessMinutes(from: helsinki("2026-10-25 00:00"), to: helsinki("2026-10-26 00:00")) == 25 * 60)
        #expect(everyHour.businessMinutes(from: helsinki("2026-03-30 00:00"), to: helsinki("2026-03-31 00:00")) == 24 * 60)
    }

    /// Counting back what `adding` counted forward gives the same minutes, from any start moved
    /// into business hours (by adding 0).
    @Test func businessMinutesUndoAdding() {
        let minuteCounts = [0, 1, 59, 60, 61, 479, 480, 481, 960, 1440, 2400, 4800, 9_999, 50_000]
        var start = helsinki("2025-12-18 06:17:13")
        var wrong: [String] = []
        for _ in 0..<300 {
            let opening = support.adding(businessMinutes: 0, to: start)
            for minutes in minuteCounts {
                let counted = support.businessMinutes(from: opening, to: support.adding(businessMinutes: minutes, to: start))
                if counted != minutes { wrong.append("\(helsinkiText(start)) + \(minutes) counted back as \(counted)") }
            }
            start = start.addingTimeInterval(7 * 3600 + 13 * 60 + 29)
        }
        #expect(wrong == [])
    }

    // MARK: isBusinessDay

    @Test(arguments: [
        ("2026-03-02", true), ("2026-03-06", true), ("2025-12-23", true), ("2026-06-18", true),
        ("2026-03-07", false), ("2026-03-08", false), // the weekend
        ("2026-04-03", false), ("2026-04-06", false), ("2026-05-14", false), ("2026-06-19", false), ("2025-12-26", false),
    ])
    func isBusinessDay(date: String, expected: Bool) {
        #expect(support.isBusinessDay(LocalDate(date)!) == expected)
    }

    // MARK: A configured calendar

    @Test func anExtraClosureIsSkipped() {
        let calendar = SLACalendar(extraClosures: [LocalDate("2026-03-09")!])
        #expect(!calendar.isBusinessDay(LocalDate("2026-03-09")!))
        #expect(helsinkiText(calendar.adding(businessMinutes: 120, to: helsinki("2026-03-06 15:00"))) == "2026-03-10 09:00")
        #expect(calendar.businessMinutes(from: helsinki("2026-03-06 15:00"), to: helsinki("2026-03-10 09:00")) == 120)
    }

    @Test func hoursFrom9To17() {
        let calendar = SLACalendar(opensAt: 540, closesAt: 1020)
        #expect(helsinkiText(calendar.adding(businessMinutes: 60, to: helsinki("2026-03-06 16:30"))) == "2026-03-09 09:30")
        #expect(helsinkiText(calendar.adding(businessMinutes: 480, to: helsinki("2026-03-03 08:00"))) == "2026-03-03 17:00")
        #expect(calendar.businessMinutes(from: helsinki("2026-03-03 08:00"), to: helsinki("2026-03-03 18:00")) == 480)
    }

    @Test func holidaysMayBeWorked() {
        let calendar = SLACalendar(observesFinnishHolidays: false)
        #expect(calendar.isBusinessDay(LocalDate("2026-04-03")!))
        #expect(helsinkiText(calendar.adding(businessMinutes: 240, to: helsinki("2026-04-02 14:00"))) == "2026-04-03 10:00")
    }

    @Test func saturdayMayBeAWorkday() {
        let calendar = SLACalendar(workdays: [1, 2, 3, 4, 5, 6])
        #expect(helsinkiText(calendar.adding(businessMinutes: 120, to: helsinki("2026-03-06 15:00"))) == "2026-03-07 09:00")
    }

    @Test func hoursFollowTheCalendarsTimeZone() {
        let stockholm = SLACalendar(timeZone: TimeZone(identifier: "Europe/Stockholm")!)
        // 08:00 in Stockholm is 09:00 in Helsinki.
        #expect(helsinkiText(stockholm.adding(businessMinutes: 0, to: helsinki("2026-03-03 08:30"))) == "2026-03-03 09:00")
        #expect(helsinkiText(stockholm.adding(businessMinutes: 480, to: helsinki("2026-03-03 08:30"))) == "2026-03-03 17:00")
    }

    // MARK: fromEnvironment

    @Test func withoutVariablesItIsTheSupportCalendar() throws {
        #expect(try SLACalendar.fromEnvironment([:]) == .support)
        #expect(try SLACalendar.fromEnvironment(["SLA_HOURS": "", "SLA_TIME_ZONE": " ", "SLA_CLOSED_DAYS": "", "PORT": "8080"]) == .support)
    }

    @Test func readsEveryVariable() throws {
        let calendar = try SLACalendar.fromEnvironment([
            "SLA_HOURS": "09:00-17:00", "SLA_TIME_ZONE": "Europe/Stockholm", "SLA_CLOSED_DAYS": "2026-03-02, 2026-12-31",
        ])
        #expect(calendar == SLACalendar(
            timeZone: TimeZone(identifier: "Europe/Stockholm")!, opensAt: 540, closesAt: 1020,
            extraClosures: [LocalDate("2026-03-02")!, LocalDate("2026-12-31")!]))
    }

    @Test func hoursMayRunToMidnight() throws {
        let calendar = try SLACalendar.fromEnvironment(["SLA_HOURS": "16:00-24:00"])
        #expect(calendar.opensAt == 960)
        #expect(calendar.closesAt == 1440)
    }

    @Test(arguments: ["8-16", "08:00", "16:00-08:00", "08:00-08:00", "25:00-26:00", "08:60-16:00", "08:00-24:01",
                      "8:00-16:00", "08:00–16:00", "08:00-16:00-18:00", "０８:00-16:00", "-08:00-16:00"])
    func refusesBadHours(hours: String) {
        #expect(throws: BackOfficeError.invalid("SLA_HOURS", "must be opening and closing time as HH:MM-HH:MM with opening first, e.g. 08:00-16:00")) {
            try SLACalendar.fromEnvironment(["SLA_HOURS": hours])
        }
    }

    @Test func refusesAnUnknownTimeZone() {
        #expect(throws: BackOfficeError.invalid("SLA_TIME_ZONE", "must be a time zone identifier, e.g. Europe/Helsinki")) {
            try SLACalendar.fromEnvironment(["SLA_TIME_ZONE": "Europe/Oulu"])
        }
    }

    @Test func refusesClosedDaysThatAreNotDates() {
        #expect(throws: BackOfficeError.invalid("SLA_CLOSED_DAYS", "must be dates YYYY-MM-DD separated by commas; not a date: 2026-02-30, tomorrow")) {
            try SLACalendar.fromEnvironment(["SLA_CLOSED_DAYS": "2026-03-02,2026-02-30, tomorrow"])
        }
    }

    @Test func reportsEveryBadVariableAtOnce() {
        #expect(throws: BackOfficeError.invalid([
            FieldError(field: "SLA_HOURS", reason: "must be opening and closing time as HH:MM-HH:MM with opening first, e.g. 08:00-16:00"),
            FieldError(field: "SLA_TIME_ZONE", reason: "must be a time zone identifier, e.g. Europe/Helsinki"),
            FieldError(field: "SLA_CLOSED_DAYS", reason: "must be dates YYYY-MM-DD separated by commas; not a date: 31.12.2026"),
        ])) {
            try SLACalendar.fromEnvironment(["SLA_HOURS": "8-16", "SLA_TIME_ZONE": "Helsinki", "SLA_CLOSED_DAYS": "31.12.2026"])
        }
    }
}
