import CLibPQ
import Dispatch
import Foundation
import Synchronization

/// One libpq connection.
///
/// Every libpq call on it runs on the connection's own serial queue, never on Swift's
/// cooperative thread pool, bridged to `async` with continuations. Cancelling the task that
/// waits for a statement sends `PQcancel` to the server. A connection is used by one task at a
/// time: lease it from a `ConnectionPool`, or own it.
public final class Connection: @unchecked Sendable {
    /// The `PGconn`; touched only on `queue`.
    let handle: OpaquePointer
    let queue: DispatchQueue
    /// Runs tasks on `queue`, so that a leased connection's work needs no thread hops.
    public let executor: ConnectionExecutor
    private let cancelHandle: OpaquePointer?
    /// The socket, for a liveness check that needs no libpq call.
    private let socket: Int32
    let state = Mutex(ConnectionState())
    /// Confined to `queue`.
    var statements = StatementCache()
    /// Statements to send with the next one; see `Transaction.sendWithNext`.
    let queuedStatements = Mutex<[PostgresQuery]>([])
    /// Confined to `queue`.
    private var isFinished = false
    /// Exchanges with the server so far, for `RoundTrips`; confined to `queue`.
    var exchanges = 0
    /// How many statements of the last pipeline answered, in order, before one failed or the
    /// connection was lost (none when it failed while preparing them); confined to `queue`.
    var pipelineAnswered = 0
    /// Whether the open transaction's COMMIT already went out (`Transaction.queryCommitting`).
    let committedEarly = Mutex(false)

    /// Opens a connection; the blocking connect runs on the new connection's queue.
    public static func connect(_ configuration: ConnectionConfiguration = .fromEnvironment()) async throws -> Connection {
        let queue = DispatchQueue(label: "postgres.connection")
        let executor = ConnectionExecutor(queue: queue)
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { () throws(PostgresError) -> Connection in
                    try Connection(configuration: configuration, executor: executor)
                })
            }
        }
    }

    private init(configuration: ConnectionConfiguration, executor: ConnectionExecutor) throws(PostgresError) {
        let pairs = configuration.keywordsAndValues
        let keywords = pairs.map { strdup($0.0) }
        let values = pairs.map { strdup($0.1) }
        defer {
            keywords.forEach { free($0) }
            values.forEach { free($0) }
        }
        let keywordPointers = keywords.map { UnsafePointer($0) } + [nil]
        let valuePointers = values.map { UnsafePointer($0) } + [nil]
        guard let handle = PQconnectdbParams(keywordPointers, valuePointers, 1) else {
            throw PostgresError(.connection, "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = Connection.errorMessage(handle)
            PQfinish(handle)
            throw PostgresError(.connection, "could not connect to PostgreSQL: \(message)")
        }
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        self.handle = handle
        self.queue = executor.queue
        self.executor = executor
        self.cancelHandle = PQgetCancel(handle)
        self.socket = PQsocket(handle)
        // Fixed text formats, so values decode the same whatever the server's defaults are.
        let setup = PQexec(
            handle,
            "SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; SET IntervalStyle = 'iso_8601'; "
                + "SET extra_float_digits = 3; SET bytea_output = 'hex'")
        _ = try checked(setup)
    }

    deinit {
        if !isFinished { PQfinish(handle) }
        if let cancelHandle { PQfreeCancel(cancelHandle) }
    }

    /// Closes the connection. Safe to call more than once.
    public func close() async {
        await onQueue {
            if !self.isFinished {
                self.isFinished = true
                PQfinish(self.handle)
            }
            self.state.withLock { $0.isBroken = true }
        }
    }

    /// The server's version number, e.g. 150018.
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// Whether the pool may hand this connection out again: open, outside any transaction,
    /// and never sent a cancel request (which could otherwise hit a later statement).
    public var isReusable: Bool {
        state.withLock { !$0.isBroken && !$0.isInTransaction && !$0.cancelWasSent }
    }

    /// Whether the idle connection is still open, judged from its socket alone (no libpq
    /// call, no hop to the queue): an idle connection hears nothing from a healthy server, so
    /// a readable socket means the server has said goodbye (a shutdown or a terminated
    /// backend) or hung up, and the connection is not to be used again.
    public func isAlive() -> Bool {
        guard isReusable else { return false }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) == 0 else {
            state.withLock { $0.isBroken = true }
            return false
        }
        return true
    }

    /// Runs `body` on the connection's queue and waits for it; not cancellable.
    func onQueue<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: body()) }
        }
    }

    /// Runs a libpq operation on the connection's queue. When `cancellable`, cancelling the
    /// waiting task refuses to start the operation, or sends `PQcancel` while it runs.
    ///
    /// A task already running on the connection's queue (the pool gives the body of a lease
    /// the connection as its task executor) calls libpq right there, without a hop; any other
    /// task hands the call to the queue and waits for it.
    func perform<T: Sendable>(
        cancellable: Bool = true, _ body: @escaping @Sendable () throws(PostgresError) -> T
    ) async throws -> T {
        let generation = state.withLock { $0.beginOperation() }
        let counter = RoundTrips.counter
        let counted: @Sendable () throws(PostgresError) -> T = {
            guard let counter else { return try body() }
            let before = self.exchanges
            defer { counter.value.add(self.exchanges - before, ordering: .relaxed) }
            return try body()
        }
        let operation = { () async throws -> T in
            if self.executor.isCurrent { return try self.run(generation, cancellable: cancellable, counted).get() }
            return try await withCheckedThrowingContinuation { continuation in
                self.queue.async { continuation.resume(with: self.run(generation, cancellable: cancellable, counted)) }
            }
        }
        guard cancellable else { return try await operation() }
        return try await withTaskCancellationHandler(operation: operation) {
            if self.state.withLock({ $0.requestCancel(generation) }) { self.sendCancelRequest() }
        }
    }

    /// On the queue: one operation, with the bookkeeping that cancellation and the pool need.
    private func run<T>(
        _ generation: UInt64, cancellable: Bool, _ body: () throws(PostgresError) -> T
    ) -> Result<T, any Error> {
        guard !isFinished else { return .failure(PostgresError(.connection, "the connection is closed")) }
        guard state.withLock({ $0.start(generation, cancellable: cancellable) }) else {
            return .failure(CancellationError())
        }
        let result = Result(catching: body)
        let cancelled = state.withLock { state in
            state.finish(
                broken: PQstatus(handle) != CONNECTION_OK,
                inTransaction: PQtransactionStatus(handle) != PQTRANS_IDLE)
        }
        if case .failure(let error) = result, cancelled, error.sqlState == .queryCanceled {
            return .failure(CancellationError())
        }
        return result.mapError { $0 as any Error }
    }

    /// Asks the server to cancel the running statement. `PQcancel` opens a connection of its
    /// own, so it runs off the caller's thread.
    private func sendCancelRequest() {
        guard cancelHandle != nil else { return }
        DispatchQueue.global().async {
            var buffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(self.cancelHandle, &buffer, Int32(buffer.count))
        }
    }

    /// libpq's last error on one line (it writes some over several, indented).
    static func errorMessage(_ handle: OpaquePointer) -> String {
        String(cString: PQerrorMessage(handle)).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// What a connection is doing, shared between its queue and the tasks that wait for it.
struct ConnectionState {
    private var generation: UInt64 = 0
    private var cancelRequested = false
    var isCancelRequested: Bool { cancelRequested }
    private var isRunning = false
    private(set) var cancelWasSent = false
    var isBroken = false
    private(set) var isInTransaction = false

    /// A new operation begins; cancellation of earlier ones no longer applies.
    mutating func beginOperation() -> UInt64 {
        generation += 1
        cancelRequested = false
        return generation
    }

    /// Whether the operation may start on the queue now.
    mutating func start(_ operation: UInt64, cancellable: Bool) -> Bool {
        guard operation == generation, !(cancellable && cancelRequested) else { return false }
        isRunning = true
        return true
    }

    /// The operation ended; returns whether its cancellation was requested.
    mutating func finish(broken: Bool, inTransaction: Bool) -> Bool {
        isRunning = false
        isBroken = isBroken || broken
        isInTransaction = inTransaction
        return cancelRequested
    }

    /// Records a cancel request; returns whether a `PQcancel` must be sent now.
    mutating func requestCancel(_ operation: UInt64) -> Bool {
        guard operation == generation else { return false }
        cancelRequested = true
        guard isRunning else { return false }
        cancelWasSent = true
        return true
    }
}

extension Connection {
    /// The connection parameters libpq actually used (host, port, dbname, user, …), with
    /// passwords left out: for handing the same target to another tool.
    public func parameters() async -> [String: String] {
        await onQueue {
            var parameters: [String: String] = [:]
            guard let options = PQconninfo(self.handle) else { return parameters }
            defer { PQconninfoFree(options) }
            var option = options
            while let keyword = option.pointee.keyword {
                let name = String(cString: keyword)
                if let value = option.pointee.val, name != "password" {
                    parameters[name] = String(cString: value)
                }
                option += 1
            }
            return parameters
        }
    }
}
