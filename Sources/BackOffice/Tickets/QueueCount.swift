/// How many tickets a queue holds, as the desk sees it beside the queue's name: exact up to a
/// cap, "more than the cap" beyond it ("999+"). Counting stops after the cap, so a count costs
/// what a page costs however many tickets the county has; past a few hundred the exact figure
/// tells an agent nothing the page would not.
public enum QueueCount: Sendable, Equatable {
    /// Exactly this many.
    case exact(Int)
    /// More than this many (the cap): counting stopped there.
    case moreThan(Int)

    /// The cap of the desk's counts.
    public static let standardCap = 999

    /// The count of a store that counted `counted` matching tickets, stopping at `cap + 1`.
    public init(counted: Int, cap: Int) {
        self = counted > cap ? .moreThan(cap) : .exact(counted)
    }
}
