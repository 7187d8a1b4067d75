import Postgres

extension PostgresRow {
    /// An enumeration stored as its wire name; a name the domain does not know is a decoding error.
    func decode<T: RawRepresentable<String>>(named type: T.Type, _ column: String) throws -> T {
        try decode(named: T.self, at: try position(of: column))
    }

    /// The same for the column at `field` (0-based).
    func decode<T: RawRepresentable<String>>(named type: T.Type, at field: Int) throws -> T {
        let name = try decode(String.self, at: field)
        guard let value = T(rawValue: name) else {
            let column = columnName(at: field)
            throw PostgresError(.decoding, "unknown \(column) \(name)", column: column)
        }
        return value
    }

    /// The same for a column that may be NULL.
    func decode<T: RawRepresentable<String>>(named type: T?.Type, _ column: String) throws -> T? {
        isNull(column) ? nil : try decode(named: T.self, column)
    }
}
