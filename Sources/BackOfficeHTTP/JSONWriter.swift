import Foundation
import NIOCore

/// Writes JSON text straight into a `ByteBuffer`, for the answers on the hot path: objects
/// and arrays, keys, strings, integers, null and dates. Its output is byte for byte what the
/// requests' `responseEncoder` (Foundation's `JSONEncoder`, `.withoutEscapingSlashes`) writes
/// for the same values in the same order: strings escaped as RFC 8259 asks and no more (`"`,
/// `\`, and the control characters below U+0020, as `\b \t \n \f \r` or `\u00xx`; `/`, DEL
/// and U+2028 left as they are), dates as `InternetDateText`.
///
/// Commas are the writer's business: a key or a value after another value in the same object
/// or array is preceded by one.
struct JSONWriter {
    private(set) var buffer: ByteBuffer
    /// Whether the next key or value follows another one at the same level.
    private var afterValue = false

    init(capacity: Int = 1024) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    mutating func beginObject() { beginContainer(UInt8(ascii: "{")) }
    mutating func endObject() { endContainer(UInt8(ascii: "}")) }
    mutating func beginArray() { beginContainer(UInt8(ascii: "[")) }
    mutating func endArray() { endContainer(UInt8(ascii: "]")) }

    /// An object's key; its value comes next. Keys are plain ASCII names written as given.
    mutating func key(_ name: StaticString) {
        separate()
        buffer.writeInteger(UInt8(ascii: "\""))
        buffer.writeStaticString(name)
        buffer.writeStaticString("\":")
        afterValue = false
    }

    mutating func string(_ value: String) {
        separate()
        buffer.writeInteger(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { writeEscaped($0) }
        buffer.writeInteger(UInt8(ascii: "\""))
        afterValue = true
    }

    /// The string, or `null` when there is none (a key that is always present).
    mutating func stringOrNull(_ value: String?) {
        guard let value else { return null() }
        string(value)
    }

    mutating func integer(_ value: Int) {
        separate()
        buffer.writeString(String(value))
        afterValue = true
    }

    mutating func null() {
        separate()
        buffer.writeStaticString("null")
        afterValue = true
    }

    /// As `InternetDateText`: `"2026-11-24T08:00:00Z"`.
    mutating func date(_ value: Date) {
        separate()
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: InternetDateText.length + 2) { bytes in
            bytes[0] = UInt8(ascii: "\"")
            InternetDateText.write(value, into: UnsafeMutableRawBufferPointer(rebasing: bytes[1...]))
            bytes[InternetDateText.length + 1] = UInt8(ascii: "\"")
            return InternetDateText.length + 2
        }
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
        if afterValue { buffer.writeInteger(UInt8(ascii: ",")) }
    }

    private mutating func beginContainer(_ opening: UInt8) {
        separate()
        buffer.writeInteger(opening)
        afterValue = false
    }

    private mutating func endContainer(_ closing: UInt8) {
        buffer.writeInteger(closing)
        afterValue = true
    }

    /// The UTF-8 of a string's content: runs that need no escape copied as they are.
    private mutating func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if runStart < index { buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))) }
            writeEscape(of: byte)
            runStart = index + 1
        }
        if runStart < utf8.count { buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[runStart...]))) }
    }

    private mutating func writeEscape(of byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): buffer.writeStaticString("\\\"")
        case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
        case 0x08: buffer.writeStaticString("\\b")
        case 0x09: buffer.writeStaticString("\\t")
        case 0x0A: buffer.writeStaticString("\\n")
        case 0x0C: buffer.writeStaticString("\\f")
        case 0x0D: buffer.writeStaticString("\\r")
        default:
            let hex: StaticString = "0123456789abcdef"
            buffer.writeStaticString("\\u00")
            buffer.writeInteger(hex.utf8Start[Int(byte >> 4)])
            buffer.writeInteger(hex.utf8Start[Int(byte & 0x0F)])
        }
    }
}
