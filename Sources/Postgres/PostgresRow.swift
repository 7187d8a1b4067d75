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

/// One result row; values are decoded by column name or position. The decoders are
/// inlinable, so that a caller's concrete types are specialised (a page of tickets decodes
/// 1 500 values, and the generic path's metadata look-ups were a measured cost).
public struct PostgresRow: Sendable {
    @usableFromInline let result: QueryResult
    @usableFromInline let index: Int

    /// The value of `column` as `T`, with an error that names the column and the reason
    /// (missing, NULL into a non-optional type, or a type or value that does not fit).
    @inlinable
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, _ column: String) throws(PostgresError) -> T {
        try decode(T.self, at: try position(of: column))
    }

    /// The value of the column at `field` (0-based) as `T`.
    @inlinable
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, at field: Int) throws(PostgresError) -> T {
        guard let text = result.text(row: index, field: field) else {
            guard let null = T.nullValue else { throw nullError(field: field, type: "\(T.self)") }
            return null
        }
        guard let value = T.decode(text, typeOID: result.columnTypes[field]) else {
            throw valueError(field: field, type: "\(T.self)", text: text)
        }
        return value
    }

    /// Whether the column's value is NULL.
    public func isNull(_ column: String) -> Bool {
        guard let field = result.columnIndex[column] else { return true }
        return result.text(row: index, field: field) == nil
    }

    /// The 0-based position of `column` in the result, or an error naming the columns there are.
    public func position(of column: String) throws(PostgresError) -> Int {
        guard let field = result.columnIndex[column] else {
            throw PostgresError(
                .decoding, "column \"\(column)\" is not in the result (columns: \(result.columnNames.joined(separator: ", ")))",
                column: column)
        }
        return field
    }

    /// The name of the column at `field` (0-based).
    public func columnName(at field: Int) -> String { result.columnNames[field] }

    @usableFromInline
    func nullError(field: Int, type: String) -> PostgresError {
        let column = columnName(at: field)
        return PostgresError(.decoding, "column \"\(column)\" is NULL but \(type) cannot hold NULL", column: column)
    }

    @usableFromInline
    func valueError(field: Int, type: String, text: String) -> PostgresError {
        let column = columnName(at: field)
        let typeOID = result.columnTypes[field]
        let shown = text.count > 60 ? String(text.prefix(60)) + "…" : text
        return PostgresError(
            .decoding, "column \"\(column)\" (type oid \(typeOID)) cannot be decoded as \(type): \"\(shown)\"", column: column)
    }
}

/// Owns a `PGresult`; freed when the last row referring to it is gone. A `PGresult` does not
/// depend on its connection and is only read, so sharing it between threads is safe.
@usableFromInline
final class QueryResult: @unchecked Sendable {
    private let handle: OpaquePointer
    let rowCount: Int
    let columnNames: [String]
    @usableFromInline let columnTypes: [UInt32]
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

    @usableFromInline
    func text(row: Int, field: Int) -> String? {
        if PQgetisnull(handle, Int32(row), Int32(field)) == 1 { return nil }
        return String(cString: PQgetvalue(handle, Int32(row), Int32(field)))
    }
}
