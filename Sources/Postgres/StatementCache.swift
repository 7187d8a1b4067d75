/// The statements a connection has prepared, by text and parameter types, so each is parsed
/// and planned once per connection and then only executed.
struct StatementCache {
    struct Key: Hashable {
        let sql: String
        let types: [UInt32]
    }

    /// More distinct statements than this run unnamed instead of growing the cache.
    static let capacity = 1000
    private var names: [Key: String] = [:]

    func name(for key: Key) -> String? { names[key] }

    var isFull: Bool { names.count >= Self.capacity }

    /// Records a statement that was prepared; returns its new name.
    mutating func add(_ key: Key) -> String {
        let name = "s\(names.count + 1)"
        names[key] = name
        return name
    }

    mutating func remove(_ key: Key) {
        names[key] = nil
    }
}
