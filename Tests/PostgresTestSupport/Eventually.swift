import Foundation

/// Polls `condition` until it holds, for at most `limit`; returns how long that took. Past
/// the limit it throws, naming `what` was awaited: a test waits for a fact, never for a time.
@discardableResult
public func eventually(
    _ what: String, within limit: Duration = .seconds(10), _ condition: () async throws -> Bool
) async throws -> Duration {
    let started = ContinuousClock.now
    while try await !condition() {
        guard ContinuousClock.now - started < limit else { throw NotYet(what: what, limit: limit) }
        try await Task.sleep(for: .milliseconds(10))
    }
    return ContinuousClock.now - started
}

/// What `eventually` throws when its condition did not come true in time.
public struct NotYet: Error, CustomStringConvertible {
    public let what: String
    public let limit: Duration
    public var description: String { "\(what): not within \(limit)" }
}
