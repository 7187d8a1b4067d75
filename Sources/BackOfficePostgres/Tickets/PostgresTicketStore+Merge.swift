import BackOffice
import Foundation
import Postgres

extension PostgresTicketStore {
    public func merge(
        number: Int, into targetNumber: Int, in organisation: Organisation, expectedVersion: Int?, by actor: UUID?,
        interface: Interface, _ merge: (inout Ticket, Ticket) throws -> [String: TicketEvent.Change]
    ) async throws -> (merged: Ticket, into: Ticket) {
        try await StoreError.mapping(notFound: "person") {
            try await pool.withTenant(organisation.id, actor: actor) { transaction in
                // Both locked in the order of their numbers, so that two merges of one pair wait
                // for each other instead of deadlocking.
                var locked: [Int: Ticket] = [:]
                for each in Set([number, targetNumber]).sorted() {
                    locked[each] = try await Self.ticket(number: each, in: organisation, lock: true, transaction)
                }
                guard let duplicate = locked[number] else { throw BackOfficeError.notFound("ticket \(organisation.code)-\(number)") }
                guard let original = locked[targetNumber] else {
                    throw BackOfficeError.notFound("ticket \(organisation.code)-\(targetNumber)")
                }
                try Self.require(expectedVersion, of: duplicate)
                var closed = duplicate
                let changes = try merge(&closed, original)
                let merged = try await Self.store(closed, in: transaction)
                // The original's thread grows: its version rises, so a form made before says so.
                let into = try await Self.store(original, in: transaction)
                Self.sendEvent(TicketChange(kind: "merged", changes: changes), of: merged, by: actor, interface: interface, transaction)
                Self.sendEvent(
                    TicketChange(kind: "merged_in", changes: ["merged_from": TicketEvent.Change(from: nil, to: duplicate.reference)]),
                    of: into, by: actor, interface: interface, transaction)
                return (merged, into)
            }
        }
    }
}
