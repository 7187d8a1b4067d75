import Metrics
import Synchronization

/// Durations of statements (by kind: the statement's first keyword, from a fixed list) and of
/// transactions (by outcome), and the pool's lease timeouts, through swift-metrics: nothing is
/// recorded until the application bootstraps a metrics backend.
enum QueryMetrics {
    static let kinds: Set<String> = ["select", "insert", "update", "delete", "with", "begin", "commit", "rollback", "set", "copy"]

    private static let statementTimers = Mutex<[String: Timer]>([:])
    private static let transactionTimers = Mutex<[Bool: Timer]>([:])

    /// Records one statement's round trip, `sql` being the statement that asked for it.
    static func statement(_ sql: String, took duration: Duration) {
        let kind = kind(of: sql)
        let timer = statementTimers.withLock { timers in
            if let timer = timers[kind] { return timer }
            let timer = Timer(label: "postgres_statement_duration_seconds", dimensions: [("kind", kind)], preferredDisplayUnit: .seconds)
            timers[kind] = timer
            return timer
        }
        timer.record(duration: duration)
    }

    /// Records one transaction, from `BEGIN` to its end.
    static func transaction(committed: Bool, took duration: Duration) {
        let timer = transactionTimers.withLock { timers in
            if let timer = timers[committed] { return timer }
            let timer = Timer(
                label: "postgres_transaction_duration_seconds", dimensions: [("outcome", committed ? "commit" : "rollback")],
                preferredDisplayUnit: .seconds)
            timers[committed] = timer
            return timer
        }
        timer.record(duration: duration)
    }

    static func leaseTimedOut() {
        Counter(label: "postgres_pool_lease_timeouts_total").increment()
    }

    /// The statement's first keyword in lower case when it is one of `kinds`, otherwise `other`.
    static func kind(of sql: String) -> String {
        var word = ""
        for scalar in sql.unicodeScalars {
            if scalar.properties.isWhitespace {
                if word.isEmpty { continue }
                break
            }
            guard scalar.properties.isAlphabetic, word.count < 8 else { return "other" }
            word.unicodeScalars.append(scalar)
        }
        let kind = word.lowercased()
        return kinds.contains(kind) ? kind : "other"
    }
}
