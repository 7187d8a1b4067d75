import Foundation

/// Writes JSON text straight into bytes, for the answers on the hot path: objects
/// and arrays, keys, strings, integers, null and dates. Its output is byte for byte what the
/// requests' `responseEncoder` (Foundation's `JSONEncoder`, `.withoutEscapingSlashes`) writes
/// for the same values in the same order: strings escaped as RFC 8259 asks and no more (`"`,
/// `\`, and the control characters below U+0020, as `\b \t \n \f \r` or `\u00xx`; `/`, DEL
/// and U+2028 left as they are), dates as `InternetDateText`.
///
/// Commas are the writer's business: a key or a value after another value in the same object
/// or array is preceded by one.
struct JSONWriter {
    /// The UTF-8 written so far. An array rather than a `ByteBuffer`: appending a byte to it
    /// costs less than a buffer's checked write (measured), and the answer copies it once.
    private(set) var bytes: [UInt8] = []
    /// Whether the next key or value follows another one at the same level.
    private var afterValue = false

    init() {
        bytes.reserveCapacity(1024)
    }

    mutating func beginObject() { beginContainer(UInt8(ascii: "{")) }
    mutating func endObject() { endContainer(UInt8(ascii: "}")) }
    mutating func beginArray() { beginContainer(UInt8(ascii: "[")) }
    mutating func endArray() { endContainer(UInt8(ascii: "]")) }

    /// An object's key; its value comes next. Keys are plain ASCII names written as given.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        append(name)
        append("\":")
        afterValue = false
    }

    mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { appendEscaped($0) }
        bytes.append(UInt8(ascii: "\""))
        afterValue = true
    }

    /// The string, or `null` when there is none (a key that is always present).
    mutating func stringOrNull(_ value: String?) {
        guard let value else { return null() }
        string(value)
    }

    mutating func integer(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        afterValue = true
    }

    mutating func null() {
        separate()
        append("null")
        afterValue = true
    }

    /// As `InternetDateText`: `"2026-11-24T08:00:00Z"`.
    mutating func date(_ value: Date) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: InternetDateText.length) { text in
            InternetDateText.write(value, into: UnsafeMutableRawBufferPointer(text))
            bytes.append(contentsOf: text)
        }
        bytes.append(UInt8(ascii: "\""))
        afterValue = true
    }

    // Fields of an object, the key omitted when the value is nil (as `encodeIfPresent`).

    mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func field(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        integer(value)
    }

    mutating func field(_ name: StaticString, _ value: Date?) {
        guard let value else { return }
        key(name)
        date(value)
    }

    private mutating func separate() {
        if afterValue { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func beginContainer(_ opening: UInt8) {
        separate()
        bytes.append(opening)
        afterValue = false
    }

    private mutating func endContainer(_ closing: UInt8) {
        bytes.append(closing)
        afterValue = true
    }

    /// The UTF-8 of a string's content: runs that need no escape copied as they are.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            appendEscape(of: byte)
            runStart = index + 1
        }
        if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
    }

    private mutating func appendEscape(of byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x08: append("\\b")
        case 0x09: append("\\t")
        case 0x0A: append("\\n")
        case 0x0C: append("\\f")
        case 0x0D: append("\\r")
        default:
            let hex: StaticString = "0123456789abcdef"
            append("\\u00")
            bytes.append(hex.utf8Start[Int(byte >> 4)])
            bytes.append(hex.utf8Start[Int(byte & 0x0F)])
        }
    }

    private mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
