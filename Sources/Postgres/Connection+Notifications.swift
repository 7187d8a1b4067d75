import CLibPQ
import Foundation

/// A message of PostgreSQL's `NOTIFY`, received on a connection that `LISTEN`s to its channel.
public struct Notification: Sendable, Equatable {
    public let channel: String
    public let payload: String
    /// The server process that sent it.
    public let senderProcessID: Int32
}

extension Connection {
    /// Waits up to `timeout` for the next notification of a channel this connection listens
    /// to (`LISTEN`, run with `executeScript`); nil when none came. A connection that broke
    /// meanwhile throws, so a listener learns at once that it may have missed some.
    public func nextNotification(within timeout: Duration) async throws -> Notification? {
        let milliseconds = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        return try await perform(cancellable: false) { () throws(PostgresError) -> Notification? in
            if let waiting = try self.takeNotification() { return waiting }
            var descriptor = pollfd(fd: PQsocket(self.handle), events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, milliseconds) >= 0 else { return nil }
            return try self.takeNotification()
        }
    }

    /// On the queue: reads what the server sent and returns the first notification of it.
    private func takeNotification() throws(PostgresError) -> Notification? {
        guard PQconsumeInput(handle) == 1, PQstatus(handle) == CONNECTION_OK else {
            throw PostgresError(.connection, "the listening connection broke: \(Connection.errorMessage(handle))")
        }
        guard let notify = PQnotifies(handle) else { return nil }
        defer { PQfreemem(notify) }
        return Notification(
            channel: String(cString: notify.pointee.relname), payload: String(cString: notify.pointee.extra),
            senderProcessID: notify.pointee.be_pid)
    }
}
