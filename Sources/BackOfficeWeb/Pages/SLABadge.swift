import BackOffice
import Foundation

/// An SLA clock as the queue and the ticket page show it: a coloured badge (`sla-ok` more
/// than an hour left, `sla-soon` under an hour, `sla-late` past due, `sla-paused` while
/// waiting, `sla-done`) with the due time and what is left or past.
struct SLABadge {
    let cssClass: String
    let text: String
    let due: String
    let datetime: String

    init(_ standing: SLAStanding, due: Date, time: HelsinkiTime, catalogue: Catalogue, calendar: SLACalendar) {
        let minutesPerDay = calendar.closesAt - calendar.opensAt
        let duration = { (minutes: Int) in time.duration(minutes: minutes, minutesPerDay: minutesPerDay) }
        switch standing {
        case .done(let met):
            cssClass = met ? "sla-done" : "sla-missed"
            text = catalogue.text(met ? "sla_met" : "sla_missed")
        case .paused:
            cssClass = "sla-paused"
            text = catalogue.text("sla_paused")
        case .running(let left):
            cssClass = left < SLAStanding.dueSoonMinutes ? "sla-soon" : "sla-ok"
            text = catalogue.text("sla_left", ["time": duration(left)])
        case .breached(let late):
            cssClass = "sla-late"
            text = catalogue.text("sla_late", ["time": duration(late)])
        }
        self.due = time.moment(due)
        datetime = time.machine(due)
    }
}
