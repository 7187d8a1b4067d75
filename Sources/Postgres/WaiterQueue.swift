/// Tasks waiting in arrival order, each resumed exactly once: with a value, or with an error.
struct WaiterQueue<Value: Sendable> {
    private var order: [UInt64] = []
    private var continuations: [UInt64: CheckedContinuation<Value, any Error>] = [:]
    private var lastID: UInt64 = 0

    var count: Int { continuations.count }

    mutating func nextID() -> UInt64 {
        lastID += 1
        return lastID
    }

    mutating func append(_ id: UInt64, _ continuation: CheckedContinuation<Value, any Error>) {
        order.append(id)
        continuations[id] = continuation
    }

    /// Resumes the longest-waiting task; false when none waits.
    mutating func resumeFirst(with value: Value) -> Bool {
        while !order.isEmpty {
            let id = order.removeFirst()
            if let continuation = continuations.removeValue(forKey: id) {
                continuation.resume(returning: value)
                return true
            }
        }
        return false
    }

    /// Fails one waiter, if it still waits.
    mutating func fail(_ id: UInt64, with error: any Error) {
        continuations.removeValue(forKey: id)?.resume(throwing: error)
        order.removeAll { $0 == id }
    }

    mutating func failAll(_ error: any Error) {
        for continuation in continuations.values { continuation.resume(throwing: error) }
        continuations.removeAll()
        order.removeAll()
    }
}
