/// What a bulk action did to one ticket: changed (its new version), already as asked, or
/// refused with why ("OULU-TK-12: a closed ticket is final and cannot move to open").
public struct TicketBulkOutcome: Sendable, Equatable {
    public enum Result: Sendable, Equatable {
        case changed(version: Int)
        case unchanged
        /// `kind`: not_found, forbidden, stale, conflict or invalid.
        case refused(kind: String, reason: String)
    }

    public let reference: String
    public let result: Result

    public init(reference: String, result: Result) {
        self.reference = reference
        self.result = result
    }

    /// The refusal of one ticket in the words of the domain's error, led by the reference.
    public static func refusal(of reference: String, _ error: BackOfficeError) -> TicketBulkOutcome {
        let (kind, why): (String, String) = switch error {
        case .notFound: ("not_found", "no such ticket, or not one you may see")
        case .forbidden(let why): ("forbidden", why)
        case .stale: ("stale", "it was changed after you ticked it; reload the queue and try again")
        case .conflict(let why): ("conflict", why)
        case .invalid(let errors): ("invalid", errors.map(\.reason).joined(separator: "; "))
        default: ("failed", error.description)
        }
        return TicketBulkOutcome(reference: reference, result: .refused(kind: kind, reason: "\(reference): \(why)"))
    }
}
