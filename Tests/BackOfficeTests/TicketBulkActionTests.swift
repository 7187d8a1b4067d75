import BackOffice
import Testing

@Suite("Bulk actions: the request checked whole, and each refusal in words")
struct TicketBulkActionTests {
    static func items(_ count: Int) -> [TicketBulkRequest.Item] {
        (1...count).map { TicketBulkRequest.Item(reference: "OULU-TK-\($0)", version: 1) }
    }

    @Test func twoHundredTicketsAreAllowedAndMoreAreRefusedWhole() throws {
        let allowed = try TicketBulkAction.checked(
            TicketBulkRequest(tickets: Self.items(200), action: "priority", value: "high", reason: "Aamun jono"), actor: "a@pohde.example")
        #expect(allowed.tickets.count == 200 && allowed.change == .priority(.high) && allowed.reason == "Aamun jono")
        let refusal = #expect(throws: BackOfficeError.self) {
            try TicketBulkAction.checked(
                TicketBulkRequest(tickets: Self.items(201), action: "priority", value: "high", reason: "Aamun jono"), actor: "a@pohde.example")
        }
        #expect(refusal == .invalid("tickets", "at most 200 tickets per action, 201 were ticked; narrow the queue and act in parts"))
    }

    @Test func everyRefusalOfTheRequestIsNamedAtOnce() {
        let refusal = #expect(throws: BackOfficeError.self) {
            try TicketBulkAction.checked(TicketBulkRequest(tickets: [], action: "delete", value: nil, reason: " "), actor: "a@pohde.example")
        }
        guard case .invalid(let errors)? = refusal else { Issue.record("expected invalid, got \(String(describing: refusal))"); return }
        #expect(errors.map(\.field) == ["tickets", "reason", "action"])
        #expect(errors[2].reason == "must be one of assign, status, priority or note")
    }

    @Test func theValueIsCheckedForItsAction() throws {
        func change(_ action: String, _ value: String?) throws -> TicketBulkAction.Change {
            try TicketBulkAction.checked(
                TicketBulkRequest(tickets: Self.items(1), action: action, value: value, reason: "syy"), actor: "teemu@pohde.example").change
        }
        #expect(try change("assign", "me") == .assign("teemu@pohde.example"))
        #expect(try change("assign", "") == .assign(nil))
        #expect(try change("assign", "Tuula@Pohde.example") == .assign("tuula@pohde.example"))
        #expect(try change("status", "resolved") == .status(.resolved))
        #expect(try change("note", " Soitettu. ") == .note("Soitettu."))
        #expect(throws: BackOfficeError.invalid("value", "must be one of new, open, waiting, resolved or closed")) { try change("status", "done") }
        let identity = #expect(throws: BackOfficeError.self) { try change("note", "Hetu 131052-308T") }
        guard case .invalid(let errors)? = identity else { Issue.record("expected invalid"); return }
        #expect(errors.map(\.code) == ["identity_code"])
    }

    @Test func aTicketTickedTwiceCountsOnce() throws {
        let items = [TicketBulkRequest.Item(reference: "OULU-TK-1"), TicketBulkRequest.Item(reference: " oulu-tk-1 "),
                     TicketBulkRequest.Item(reference: "OULU-TK-2")]
        let action = try TicketBulkAction.checked(TicketBulkRequest(tickets: items, action: "note", value: "x", reason: "y"), actor: "a@b.fi")
        #expect(action.tickets.map(\.reference) == ["OULU-TK-1", "OULU-TK-2"])
    }

    @Test func aRefusalOfOneTicketSaysWhyLedByItsReference() throws {
        let closed = #expect(throws: BackOfficeError.self) { try TicketStatus.closed.requireTransition(to: .open) }
        #expect(TicketBulkOutcome.refusal(of: "OULU-TK-12", try #require(closed)).result
            == .refused(kind: "conflict", reason: "OULU-TK-12: a closed ticket is final and cannot move to open"))
        #expect(TicketBulkOutcome.refusal(of: "OULU-TK-13", .stale("OULU-TK-13 is at version 4, not 3")).result
            == .refused(kind: "stale", reason: "OULU-TK-13: it was changed after you ticked it; reload the queue and try again"))
        #expect(TicketBulkOutcome.refusal(of: "KUUSAMO-TA-1", .notFound("ticket KUUSAMO-TA-1")).result
            == .refused(kind: "not_found", reason: "KUUSAMO-TA-1: no such ticket, or not one you may see"))
        #expect(TicketBulkOutcome.refusal(of: "OULU-TK-14", .invalid("assignee", "x@y.fi does not work the tickets of OULU-TK")).result
            == .refused(kind: "invalid", reason: "OULU-TK-14: x@y.fi does not work the tickets of OULU-TK"))
    }
}
