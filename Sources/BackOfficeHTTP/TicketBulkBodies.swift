import BackOffice
import Hummingbird

/// The JSON shapes of `POST /api/v1/tickets/bulk` (snake_case on the wire).
enum TicketBulkBodies {
    /// `POST /tickets/bulk`.
    struct BulkBody: Decodable {
        struct Item: Decodable {
            let reference: String
            let version: Int?
        }

        let tickets: [Item]
        let action: String
        let value: String?
        let reason: String?

        var request: TicketBulkRequest {
            TicketBulkRequest(
                tickets: tickets.map { TicketBulkRequest.Item(reference: $0.reference, version: $0.version) }, action: action,
                value: value, reason: reason)
        }
    }

    struct BulkAnswer: ResponseEncodable {
        struct Result: Encodable {
            let reference: String
            /// changed, unchanged or refused.
            let outcome: String
            let version: Int?
            let refusal: String?
            let reason: String?
        }

        let changed: Int
        let unchanged: Int
        let refused: Int
        let results: [Result]

        init(_ outcomes: [TicketBulkOutcome]) {
            results = outcomes.map { outcome in
                switch outcome.result {
                case .changed(let version):
                    Result(reference: outcome.reference, outcome: "changed", version: version, refusal: nil, reason: nil)
                case .unchanged:
                    Result(reference: outcome.reference, outcome: "unchanged", version: nil, refusal: nil, reason: nil)
                case .refused(let kind, let reason):
                    Result(reference: outcome.reference, outcome: "refused", version: nil, refusal: kind, reason: reason)
                }
            }
            changed = results.filter { $0.outcome == "changed" }.count
            unchanged = results.filter { $0.outcome == "unchanged" }.count
            refused = results.filter { $0.outcome == "refused" }.count
        }
    }
}
