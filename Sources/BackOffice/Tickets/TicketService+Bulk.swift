import Foundation

/// Bulk actions on the queue: one action on many tickets, each changed in its own
/// transaction with its own version check, status machine and history entry; a refusal of
/// one never undoes another.
extension TicketService {
    /// Checks the request whole (at most `TicketBulkAction.limit` tickets, a reason, a valid
    /// action), then acts on each ticket in turn and says what became of each, in the order given.
    public func bulk(_ request: TicketBulkRequest, by principal: Principal) async throws -> [TicketBulkOutcome] {
        let action = try TicketBulkAction.checked(request, actor: principal.email)
        var outcomes: [TicketBulkOutcome] = []
        outcomes.reserveCapacity(action.tickets.count)
        for item in action.tickets {
            let reference = item.reference.trimmingCharacters(in: .whitespaces).uppercased()
            do {
                outcomes.append(try await apply(action, to: reference, expectedVersion: item.version, by: principal))
            } catch let error as BackOfficeError {
                if case .unavailable = error { throw error }
                if case .outcomeUnknown = error { throw error }
                outcomes.append(.refusal(of: reference, error))
            }
        }
        return outcomes
    }

    private func apply(_ action: TicketBulkAction, to reference: String, expectedVersion: Int?, by principal: Principal) async throws -> TicketBulkOutcome {
        guard let code = TicketReference.organisationCode(of: reference) else { throw BackOfficeError.notFound("ticket \(reference)") }
        let result: (ticket: Ticket, changed: Bool)
        switch action.change {
        case .assign(let email):
            result = try await update(
                reference, in: code, with: TicketChanges(assigneeEmail: email ?? ""), expectedVersion: expectedVersion,
                reason: action.reason, by: principal)
        case .priority(let priority):
            result = try await update(
                reference, in: code, with: TicketChanges(priority: priority.rawValue), expectedVersion: expectedVersion,
                reason: action.reason, by: principal)
        case .status(let status):
            result = try await move(reference, in: code, to: status, expectedVersion: expectedVersion, reason: action.reason, by: principal)
        case .note(let body):
            result = (try await note(body, on: reference, in: code, expectedVersion: expectedVersion, reason: action.reason, by: principal), true)
        }
        return TicketBulkOutcome(reference: result.ticket.reference, result: result.changed ? .changed(version: result.ticket.version) : .unchanged)
    }
}
