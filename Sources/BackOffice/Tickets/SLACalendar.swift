import Foundation

/// The support calendar: business hours on working days in a time zone, Finnish public holidays
/// and extra closure days off. SLA clocks run only inside business hours.
public struct SLACalendar: Sendable, Equatable {
    /// The zone whose wall clock the hours follow; summer time is honoured day by day.
    public var timeZone: TimeZone
    /// Opening time in minutes after local midnight (480 = 08:00).
    public var opensAt: Int
    /// Closing time in minutes after local midnight (960 = 16:00); after `opensAt`, at most 1440.
    public var closesAt: Int
    /// Working days as ISO weekdays, 1 Monday … 7 Sunday.
    public var workdays: Set<Int>
    /// Whether the days of `FinnishHolidays` are off.
    public var observesFinnishHolidays: Bool
    /// Further days off (a closure between holidays, a training day).
    public var extraClosures: Set<LocalDate>

    public init(
        timeZone: TimeZone = TimeZone(identifier: "Europe/Helsinki")!, opensAt: Int = 480, closesAt: Int = 960,
        workdays: Set<Int> = [1, 2, 3, 4, 5], observesFinnishHolidays: Bool = true, extraClosures: Set<LocalDate> = []
    ) {
        self.timeZone = timeZone
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.workdays = workdays
        self.observesFinnishHolidays = observesFinnishHolidays
        self.extraClosures = extraClosures
    }

    /// Mon–Fri 08:00–16:00 Europe/Helsinki, Finnish public holidays off.
    public static let support = SLACalendar()

    /// Whether `day` is a working day that is neither a holiday observed nor a closure.
    public func isBusinessDay(_ day: LocalDate) -> Bool {
        workdays.contains(day.isoWeekday) && !extraClosures.contains(day)
            && !(observesFinnishHolidays && FinnishHolidays.isHoliday(day))
    }

    /// The moment `minutes` business minutes after `start` (a negative count counts as 0); a
    /// start outside business hours counts from the next opening. A result exactly at closing
    /// time stays at closing time (08:00 + 480 min = 16:00 the same day, not 08:00 the next
    /// day). Adding 0 to a moment outside hours gives the next opening.
    public func adding(businessMinutes minutes: Int, to start: Date) -> Date {
        requireBusinessHours()
        var remaining = TimeInterval(max(0, minutes) * 60)
        var day = LocalDate(start, in: timeZone)
        while true {
            if let hours = businessHours(on: day) {
                let from = max(start, hours.lowerBound)
                if from < hours.upperBound {
                    let open = hours.upperBound.timeIntervalSince(from)
                    if remaining <= open { return from.addingTimeInterval(remaining) }
                    remaining -= open
                }
            }
            day = day.adding(days: 1)
        }
    }

    /// Business minutes between two moments (0 if `end` is not after `start`); seconds count
    /// proportionally, truncated to whole minutes.
    public func businessMinutes(from start: Date, to end: Date) -> Int {
        requireBusinessHours()
        guard start < end else { return 0 }
        var seconds: TimeInterval = 0
        var day = LocalDate(start, in: timeZone)
        let lastDay = LocalDate(end, in: timeZone)
        while day <= lastDay {
            if let hours = businessHours(on: day) {
                let from = max(start, hours.lowerBound)
                let to = min(end, hours.upperBound)
                if from < to { seconds += to.timeIntervalSince(from) }
            }
            day = day.adding(days: 1)
        }
        // A millisecond of slack absorbs the rounding of `Date`'s floating-point seconds, so
        // that the minutes `adding` counted forward are counted back whole.
        return Int(((seconds + 0.001) / 60).rounded(.down))
    }

    /// The calendar from the environment, each variable optional (unset or empty: the default):
    /// `SLA_HOURS` (`08:00-16:00`), `SLA_TIME_ZONE` (`Europe/Helsinki`) and `SLA_CLOSED_DAYS`
    /// (extra closures, `YYYY-MM-DD` separated by commas). Every bad value is reported at once.
    public static func fromEnvironment(_ env: [String: String]) throws(BackOfficeError) -> SLACalendar {
        var calendar = SLACalendar.support
        var errors = FieldErrors()
        if let text = value("SLA_HOURS", in: env) {
            if let hours = businessHours(text) {
                (calendar.opensAt, calendar.closesAt) = (hours.lowerBound, hours.upperBound)
            } else {
                errors.add("SLA_HOURS", "must be opening and closing time as HH:MM-HH:MM with opening first, e.g. 08:00-16:00")
            }
        }
        if let text = value("SLA_TIME_ZONE", in: env) {
            if let zone = TimeZone(identifier: text) {
                calendar.timeZone = zone
            } else {
                errors.add("SLA_TIME_ZONE", "must be a time zone identifier, e.g. Europe/Helsinki")
            }
        }
        if let text = value("SLA_CLOSED_DAYS", in: env) {
            let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let days = items.compactMap(LocalDate.init)
            if days.count == items.count {
                calendar.extraClosures = Set(days)
            } else {
                let bad = items.filter { LocalDate($0) == nil }.joined(separator: ", ")
                errors.add("SLA_CLOSED_DAYS", "must be dates YYYY-MM-DD separated by commas; not a date: \(bad)")
            }
        }
        try errors.throwIfAny()
        return calendar
    }

    /// The business hours of `day` as moments, or nil on a day off.
    private func businessHours(on day: LocalDate) -> Range<Date>? {
        guard isBusinessDay(day) else { return nil }
        return day.moment(atMinute: opensAt, in: timeZone)..<day.moment(atMinute: closesAt, in: timeZone)
    }

    /// Stops a calendar without business hours, on which counting would never end.
    private func requireBusinessHours() {
        precondition(0 <= opensAt && opensAt < closesAt && closesAt <= 1440 && !workdays.isDisjoint(with: 1...7),
                     "an SLA calendar needs opening before closing within the day and a working day in the week")
    }

    /// The trimmed value of `name`, nil when unset or empty.
    private static func value(_ name: String, in env: [String: String]) -> String? {
        guard let text = env[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }

    /// Minutes after midnight of `HH:MM-HH:MM`, opening before closing, 24:00 the latest.
    private static func businessHours(_ text: String) -> Range<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { minutes(String($0)) }
        guard parts.count == 2, let opens = parts[0], let closes = parts[1], opens < closes else { return nil }
        return opens..<closes
    }

    /// Minutes after midnight of `HH:MM` (00:00 … 24:00), nil for anything else.
    private static func minutes(_ text: String) -> Int? {
        let fields = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2, fields.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hour = Int(fields[0]), let minute = Int(fields[1]), minute < 60, hour * 60 + minute <= 1440
        else { return nil }
        return hour * 60 + minute
    }
}
