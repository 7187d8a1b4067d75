import Foundation
import Synchronization

/// A clock that tells the real time until it is set to another moment: for replaying history
/// (the demo tickets' past) and for tests that need a fixed time.
public final class SettableClock: Sendable {
    private let moment = Mutex<Date?>(nil)

    public init() {}

    public var now: Date { moment.withLock { $0 ?? Date() } }

    /// Stops the clock at `date`; nil lets it tell the real time again.
    public func set(_ date: Date?) { moment.withLock { $0 = date } }
}
