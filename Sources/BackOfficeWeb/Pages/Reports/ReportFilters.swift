import Foundation
import Hummingbird

/// The GET parameters of a report page: `region`, `organisation` (a code), `months` (how many
/// up to this month) and, on the ticket page, `by=organisation`. Empty means not given.
struct ReportFilters {
    let region: String?
    let organisation: String?
    let months: String?
    let perOrganisation: Bool

    init(_ query: Parameters, topic: ReportTopic) {
        func value(_ name: String) -> String? {
            query[Substring(name)].map { String($0).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        region = value("region")
        organisation = value("organisation")
        months = topic.defaultMonths == nil ? nil : value("months") ?? topic.defaultMonths.map(String.init)
        perOrganisation = topic.canSplitByOrganisation && (value("by") == "organisation" || organisation != nil)
    }

    /// The same filters as a query string (for the CSV link), `?` included when there are any.
    var query: String {
        let pairs = [("region", region), ("organisation", organisation), ("months", months),
                     ("by", perOrganisation ? "organisation" : nil)]
        let given = pairs.compactMap { name, value in value.map { "\(name)=\(Redirect.encoded($0))" } }
        return given.isEmpty ? "" : "?" + given.joined(separator: "&")
    }
}
