import CLibPQ

/// The rows a statement returned, read straight from libpq's result.
public struct PostgresRows: Sendable, RandomAccessCollection {
    let result: QueryResult

    /// The column names, in order.
    public var columns: [String] { result.columnNames }
    /// Rows changed by an INSERT, UPDATE, DELETE, MERGE or COPY (0 for others).
    public var affectedRows: Int { result.affectedRows }

    public var startIndex: Int { 0 }
    public var endIndex: Int { result.rowCount }
    public subscript(position: Int) -> PostgresRow { PostgresRow(result: result, index: position) }

    /// The only row, or an error when there is none or more than one.
    public func single() throws(PostgresError) -> PostgresRow {
        guard count == 1 else {
            throw PostgresError(.decoding, "expected exactly one row, the statement returned \(count)")
        }
        return self[0]
    }
}

/// One result row; values are decoded by column name.
public struct PostgresRow: Sendable {
    let result: QueryResult
    let index: Int

    /// The value of `column` as `T`, with an error that names the column and the reason
    /// (missing, NULL into a non-optional type, or a type or value that does not fit).
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, _ column: String) throws(PostgresError) -> T {
        guard let field = result.columnIndex[column] else {
            throw PostgresError(
                .decoding, "column \"\(column)\" is not in the result (columns: \(result.columnNames.joined(separator: ", ")))",
                column: column)
        }
        return try decode(T.self, at: field)
    }

    /// The value of the column at `field` (0-based) as `T`.
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, at field: Int) throws(PostgresError) -> T {
        let column = result.columnNames[field]
        guard let text = result.text(row: index, field: field) else {
            guard let null = T.nullValue else {
                throw PostgresError(.decoding, "column \"\(column)\" is NULL but \(T.self) cannot hold NULL", column: column)
            }
            return null
        }
        let typeOID = result.columnTypes[field]
        guard let value = T.decode(text, typeOID: typeOID) else {
            let shown = text.count > 60 ? String(text.prefix(60)) + "…" : text
            throw PostgresError(
                .decoding, "column \"\(column)\" (type oid \(typeOID)) cannot be decoded as \(T.self): \"\(shown)\"",
                column: column)
        }
        return value
    }

    /// Whether the column's value is NULL.
    public func isNull(_ column: String) -> Bool {
        guard let field = result.columnIndex[column] else { return true }
        return result.text(row: index, field: field) == nil
    }
}

/// Owns a `PGresult`; freed when the last row referring to it is gone. A `PGresult` does not
/// depend on its connection and is only read, so sharing it between threads is safe.
final class QueryResult: @unchecked Sendable {
    private let handle: OpaquePointer
    let rowCount: Int
    let columnNames: [String]
    let columnTypes: [UInt32]
    let columnIndex: [String: Int]
    let affectedRows: Int
    /// The command tag, e.g. `INSERT 0 1` or `COMMIT`.
    let commandTag: String
    let status: ExecStatusType

    init(taking handle: OpaquePointer) {
        self.handle = handle
        rowCount = Int(PQntuples(handle))
        let fieldCount = Int(PQnfields(handle))
        var names: [String] = []
        var types: [UInt32] = []
        var index: [String: Int] = [:]
        for field in 0..<fieldCount {
            let name = PQfname(handle, Int32(field)).map { String(cString: $0) } ?? "?column?"
            names.append(name)
            types.append(PQftype(handle, Int32(field)))
            if index[name] == nil { index[name] = field }
        }
        columnNames = names
        columnTypes = types
        columnIndex = index
        affectedRows = PQcmdTuples(handle).flatMap { Int(String(cString: $0)) } ?? 0
        commandTag = PQcmdStatus(handle).map { String(cString: $0) } ?? ""
        status = PQresultStatus(handle)
    }

    deinit { PQclear(handle) }

    func text(row: Int, field: Int) -> String? {
        if PQgetisnull(handle, Int32(row), Int32(field)) == 1 { return nil }
        return String(cString: PQgetvalue(handle, Int32(row), Int32(field)))
    }
}
