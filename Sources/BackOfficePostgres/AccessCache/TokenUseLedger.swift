import Foundation
import Synchronization

/// When each bearer token was last marked used, and the tokens waiting to be marked: a
/// token's `last_used_at` moves at most once a minute, written by `AccessCacheService`
/// in one statement for all of them, never on the request's path.
final class TokenUseLedger: Sendable {
    /// The least time between two marks of one token.
    static let interval: TimeInterval = 60
    /// Most tokens remembered; past it, the marks older than the interval are forgotten.
    static let capacity = 10_000

    private struct State {
        var marked: [UUID: Date] = [:]
        var waiting: [UUID: Date] = [:]
    }

    private let state = Mutex(State())

    /// Notes a use of `tokenID` at `moment`; `stored` is its `last_used_at` as last read.
    func note(_ tokenID: UUID, stored: Date?, at moment: Date) {
        state.withLock { state in
            let last = max(state.marked[tokenID] ?? .distantPast, stored ?? .distantPast)
            guard moment.timeIntervalSince(last) >= Self.interval else { return }
            if state.marked.count >= Self.capacity {
                state.marked = state.marked.filter { moment.timeIntervalSince($0.value) < Self.interval }
            }
            state.marked[tokenID] = moment
            state.waiting[tokenID] = moment
        }
    }

    /// The tokens to mark used now, each with the moment of its use; they are no longer waiting.
    func takeWaiting() -> [UUID: Date] {
        state.withLock { state in
            defer { state.waiting.removeAll() }
            return state.waiting
        }
    }
}
