import BackOffice
import Foundation

/// Moments as people at the desk read them: in Europe/Helsinki, `2.12.2026 klo 14.05` in
/// Finnish and `2 Dec 2026, 14:05` in English; business durations as `3 h 20 min`.
struct HelsinkiTime: Sendable {
    let language: Language
    private static let zone = TimeZone(identifier: "Europe/Helsinki")!
    private static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    func moment(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let (year, month, day, hour, minute) = (parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
        let minutes = minute < 10 ? "0\(minute)" : "\(minute)"
        switch language {
        case .fi: return "\(day).\(month).\(year) klo \(hour).\(minutes)"
        case .en: return "\(day) \(Self.englishMonths[month - 1]) \(year), \(hour < 10 ? "0\(hour)" : "\(hour)"):\(minutes)"
        }
    }

    /// The timestamp for a `<time datetime>` attribute.
    func machine(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// Business minutes as days of the support calendar's hours, hours and minutes:
    /// `1 pv 2 h 5 min` / `1 d 2 h 5 min` (a business day is `minutesPerDay`).
    func duration(minutes: Int, minutesPerDay: Int) -> String {
        let days = minutesPerDay > 0 ? minutes / minutesPerDay : 0
        let rest = minutes - days * minutesPerDay
        var parts: [String] = []
        if days > 0 { parts.append("\(days) \(language == .fi ? "pv" : "d")") }
        if rest / 60 > 0 { parts.append("\(rest / 60) h") }
        if rest % 60 > 0 || parts.isEmpty { parts.append("\(rest % 60) min") }
        return parts.joined(separator: " ")
    }
}
