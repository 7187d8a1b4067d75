import Foundation
import Synchronization

/// The id of the request being served, for log lines written far from the adapter that
/// received it (the store logs the database's own words there, never to the client), and who
/// the request turned out to act for, for the request's own log line.
public enum RequestTrace {
    @TaskLocal public static var id: String?
    @TaskLocal public static var record: Record?

    /// What is learnt about a request while it is served: only ids, never a name or an address.
    public final class Record: Sendable {
        private let actor = Mutex<UUID?>(nil)

        public init() {}

        /// The person the request acts for, once authenticated.
        public var actorID: UUID? { actor.withLock { $0 } }

        func note(actor id: UUID) { actor.withLock { $0 = id } }
    }

    /// Notes the authenticated person on the request being served, if one is.
    static func noteActor(_ id: UUID) { record?.note(actor: id) }

    /// Whether a request id a client sent may be used as the request's own: 1 to 64 letters,
    /// digits, `.`, `_` or `-`, so it can go into a log line or a URI as it is.
    public static func isSane(_ candidate: String) -> Bool {
        (1...64).contains(candidate.utf8.count) && candidate.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                return true
            default:
                return false
            }
        }
    }
}
