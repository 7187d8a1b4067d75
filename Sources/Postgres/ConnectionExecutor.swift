import Dispatch

/// A task executor that runs jobs on one connection's serial queue.
///
/// The pool runs the body of a lease with this executor preferred, so the task's code and its
/// libpq calls share the connection's thread: a statement costs no hop between threads, and
/// libpq still never runs on Swift's cooperative pool.
public final class ConnectionExecutor: TaskExecutor, @unchecked Sendable {
    let queue: DispatchQueue
    private static let key = DispatchSpecificKey<ObjectIdentifier>()

    init(queue: DispatchQueue) {
        self.queue = queue
        queue.setSpecific(key: Self.key, value: ObjectIdentifier(self))
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    /// Whether the calling code runs on this executor's queue.
    var isCurrent: Bool { DispatchQueue.getSpecific(key: Self.key) == ObjectIdentifier(self) }
}
