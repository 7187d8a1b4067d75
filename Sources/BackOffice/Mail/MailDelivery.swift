import Foundation

/// Delivering the outbox: each due mail handed to the transport once; a failure is tried
/// again after 1, 2, 4, … minutes and recorded as failed after `maximumAttempts`.
public struct MailDelivery: Sendable {
    let store: any MailOutboxStore
    let transport: any MailTransport
    let maximumAttempts: Int
    let clock: @Sendable () -> Date

    public init(store: any MailOutboxStore, transport: any MailTransport, maximumAttempts: Int = 5,
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.transport = transport
        self.maximumAttempts = maximumAttempts
        self.clock = clock
    }

    /// Delivers every mail due now, of `organisation` or of all (nil); returns how many were
    /// handed over (sent or not).
    @discardableResult
    public func deliverDue(in organisation: Organisation? = nil) async throws -> Int {
        var handled = 0
        let moment = clock()
        while try await store.deliverNext(dueAt: moment, in: organisation, { mail in await attempt(mail, at: moment) }) {
            handled += 1
        }
        return handled
    }

    private func attempt(_ mail: OutboxMail, at moment: Date) async -> DeliveryOutcome {
        do {
            try await transport.send(mail.message)
            return .sent
        } catch {
            let attempts = mail.attempts + 1
            guard attempts < maximumAttempts else { return .failed("\(error)") }
            return .retry(at: moment.addingTimeInterval(60 * pow(2, Double(attempts - 1))), error: "\(error)")
        }
    }
}
