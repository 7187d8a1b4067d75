import Synchronization

/// Counts the exchanges with the server (a statement, a pipeline up to its sync, a prepare,
/// a script, a COPY) that a piece of work makes, across every connection it uses: for tests
/// that hold a request to its round trips.
public enum RoundTrips {
    /// The counter of the work under way in this task, if it is counted.
    @TaskLocal static var counter: Counter?

    final class Counter: Sendable {
        let value = Atomic<Int>(0)
        let transactions = Atomic<Int>(0)
    }

    /// Runs `body` and returns its value with the round trips and the transactions it made.
    public static func counting<T>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> T
    ) async rethrows -> (value: T, roundTrips: Int, transactions: Int) {
        let counter = Counter()
        let value = try await $counter.withValue(counter) { try await body() }
        return (value, counter.value.load(ordering: .relaxed), counter.transactions.load(ordering: .relaxed))
    }
}
