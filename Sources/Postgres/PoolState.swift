/// The pool's bookkeeping as plain values: idle connections, open slots and waiting leases.
/// It decides; `PoolCore` carries out the decisions (opening, closing, waiting).
struct PoolState {
    /// What a waiting lease is given: a connection, or leave to open one in a freed slot.
    enum Grant: Sendable {
        case connection(Connection)
        case openSlot
    }

    /// What a lease should do now.
    enum Decision {
        case use(Connection)
        case open
        case wait
        case closed
    }

    let maximum: Int
    private(set) var idle: [Connection] = []
    /// Connections open, leased, or being opened: never above the maximum.
    private(set) var openCount = 0
    private(set) var waiters = WaiterQueue<Grant>()
    private(set) var isClosed = false

    init(maximum: Int) { self.maximum = maximum }

    /// Takes the most recently used idle connection, or reserves a slot to open one.
    mutating func lease() -> Decision {
        if isClosed { return .closed }
        if let connection = idle.popLast() { return .use(connection) }
        guard openCount < maximum else { return .wait }
        openCount += 1
        return .open
    }

    /// Decides again for a lease about to wait; returns true when it was queued to wait.
    mutating func wait(_ id: UInt64, _ continuation: CheckedContinuation<Grant, any Error>) -> Bool {
        switch lease() {
        case .use(let connection): continuation.resume(returning: .connection(connection))
        case .open: continuation.resume(returning: .openSlot)
        case .closed: continuation.resume(throwing: Self.closedError)
        case .wait:
            waiters.append(id, continuation)
            return true
        }
        return false
    }

    mutating func nextWaiterID() -> UInt64 { waiters.nextID() }

    /// A connection in good order came back: to the longest waiter, or to the idle list.
    mutating func giveBack(_ connection: Connection) {
        if !waiters.resumeFirst(with: .connection(connection)) { idle.append(connection) }
    }

    /// A slot became free: a waiter may open a connection in it, or it is given up.
    mutating func freeSlot() {
        if isClosed || !waiters.resumeFirst(with: .openSlot) { openCount -= 1 }
    }

    mutating func expire(_ id: UInt64, with error: any Error) {
        waiters.fail(id, with: error)
    }

    /// Refuses new leases and fails the waiting ones; returns the idle connections to close.
    mutating func close() -> [Connection] {
        isClosed = true
        waiters.failAll(Self.closedError)
        defer { idle.removeAll() }
        return idle
    }

    static var closedError: PostgresError { PostgresError(.poolClosed, "the connection pool is shut down") }
}
