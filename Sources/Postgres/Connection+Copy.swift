import CLibPQ
import Foundation

/// Sends the data of a `COPY … FROM STDIN`, buffering it into large chunks so that few calls
/// cross to the connection's queue.
public final class CopyWriter: @unchecked Sendable {
    private let connection: Connection
    private var buffer: [UInt8] = []
    static let chunkSize = 256 * 1024

    init(connection: Connection) {
        self.connection = connection
        buffer.reserveCapacity(Self.chunkSize)
    }

    /// Appends bytes in the format the COPY statement names (text, CSV or binary).
    public func write(_ bytes: some Sequence<UInt8>) async throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.chunkSize { try await flush() }
    }

    /// Appends a string's UTF-8 bytes.
    public func write(_ text: String) async throws {
        try await write(text.utf8)
    }

    func flush() async throws {
        guard !buffer.isEmpty else { return }
        let chunk = buffer
        buffer.removeAll(keepingCapacity: true)
        let connection = connection
        try await connection.perform { () throws(PostgresError) in
            let sent = chunk.withUnsafeBufferPointer { pointer in
                pointer.withMemoryRebound(to: CChar.self) {
                    PQputCopyData(connection.handle, $0.baseAddress, Int32($0.count))
                }
            }
            guard sent == 1 else {
                throw PostgresError(.connection, "COPY data could not be sent: \(Connection.errorMessage(connection.handle))")
            }
        }
    }
}

extension Connection {
    /// Runs `COPY … FROM STDIN` and feeds it what `write` writes. When `write` throws, the
    /// COPY is aborted on the server and nothing of it is stored. Returns the rows loaded.
    @discardableResult
    public func copyFrom(_ statement: String, _ write: (CopyWriter) async throws -> Void) async throws -> Int {
        let start = try await perform { () throws(PostgresError) in
            try self.flushQueued()
            self.exchanges += 1
            return try self.checked(PQexec(self.handle, statement))
        }
        guard start.status == PGRES_COPY_IN else {
            throw PostgresError(.protocolViolation, "the statement is not a COPY … FROM STDIN")
        }
        let writer = CopyWriter(connection: self)
        var failure: (any Error)?
        do {
            try await write(writer)
            try await writer.flush()
        } catch {
            failure = error
        }
        let reason = failure.map { "aborted by the client: \($0)" }
        let ending: @Sendable () throws(PostgresError) -> QueryResult = { () throws(PostgresError) -> QueryResult in
            guard PQputCopyEnd(self.handle, reason) == 1 else {
                throw PostgresError(.connection, "COPY could not be ended: \(Connection.errorMessage(self.handle))")
            }
            return try self.finishCopy()
        }
        if let failure {
            _ = try? await perform(cancellable: false, ending)
            throw failure
        }
        return try await perform(cancellable: false, ending).affectedRows
    }

    /// On the queue: reads results until libpq has none left, keeping the COPY's own.
    private func finishCopy() throws(PostgresError) -> QueryResult {
        var first: OpaquePointer?
        while let next = PQgetResult(handle) {
            if first == nil { first = next } else { PQclear(next) }
        }
        return try checked(first)
    }
}
