/// One bound parameter as libpq sends it: its type, its format and its bytes (nil for NULL).
public struct PostgresBind: Sendable, Equatable {
    /// The parameter's type OID; 0 lets the server infer it from the statement.
    public var typeOID: UInt32
    /// Whether `bytes` are in PostgreSQL's binary format (true) or its text format (false).
    public var isBinary: Bool
    /// The value, or nil for SQL NULL.
    public var bytes: [UInt8]?

    public init(typeOID: UInt32, isBinary: Bool = false, bytes: [UInt8]?) {
        self.typeOID = typeOID
        self.isBinary = isBinary
        self.bytes = bytes
    }

    /// A value in text format; refuses text with a NUL byte, which libpq would silently cut.
    public static func text(_ value: String, typeOID: UInt32) throws(PostgresError) -> PostgresBind {
        let bytes = Array(value.utf8)
        guard !bytes.contains(0) else {
            throw PostgresError(
                .invalidParameter,
                "a text parameter contains a NUL byte (U+0000), which PostgreSQL cannot store")
        }
        return PostgresBind(typeOID: typeOID, bytes: bytes)
    }

    public static func null(typeOID: UInt32 = 0) -> PostgresBind {
        PostgresBind(typeOID: typeOID, bytes: nil)
    }
}

/// The OIDs of the built-in types this library encodes and decodes.
public enum PostgresType {
    public static let unknown: UInt32 = 0
    public static let bool: UInt32 = 16
    public static let bytea: UInt32 = 17
    public static let name: UInt32 = 19
    public static let int8: UInt32 = 20
    public static let int2: UInt32 = 21
    public static let int4: UInt32 = 23
    public static let text: UInt32 = 25
    public static let oid: UInt32 = 26
    public static let json: UInt32 = 114
    public static let float4: UInt32 = 700
    public static let float8: UInt32 = 701
    public static let varchar: UInt32 = 1043
    public static let bpchar: UInt32 = 1042
    public static let date: UInt32 = 1082
    public static let timestamp: UInt32 = 1114
    public static let timestamptz: UInt32 = 1184
    public static let numeric: UInt32 = 1700
    public static let uuid: UInt32 = 2950
    public static let jsonb: UInt32 = 3802
    public static let textArray: UInt32 = 1009
    public static let varcharArray: UInt32 = 1015
    public static let uuidArray: UInt32 = 2951
    public static let int8Array: UInt32 = 1016
    public static let int4Array: UInt32 = 1007

    /// The integer types.
    static let integers: Set<UInt32> = [int2, int4, int8, oid]
    /// Types whose text form is plain text.
    static let textual: Set<UInt32> = [text, varchar, bpchar, name, unknown]
}
