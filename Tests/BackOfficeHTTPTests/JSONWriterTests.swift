import BackOffice
@testable import BackOfficeHTTP
import Foundation
import Testing

/// The ticket answers `JSONWriter` writes, compared byte for byte with what the answers'
/// `JSONEncoder` writes for the same bodies (keys sorted: without `.sortedKeys` the encoder's
/// key order changes from one call to the next, so no other order can be compared).
@Suite("Ticket answers written as the encoder writes them")
struct JSONWriterTests {
    @Test func everyTicketIsWrittenByteForByteAsEncoded() throws {
        let tickets = TicketSamples.tickets(count: 600)
        #expect(Set(tickets.map(\.status)) == Set(TicketStatus.allCases))
        for ticket in tickets {
            let body = TicketBodies.TicketBody(ticket)
            let written = Self.written(body)
            #expect(written == (try Self.encoded(body)), "\(ticket.reference): \(String(decoding: written, as: UTF8.self))")
        }
    }

    @Test func pagesAreWrittenAsAccessBodiesPageIsEncoded() throws {
        let tickets = TicketSamples.tickets(count: 120)
        for (items, cursor) in [(Array(tickets.prefix(50)), "a\"b\\c/d\u{1}"), (Array(tickets.suffix(70)), nil), ([], nil)] as [([Ticket], String?)] {
            let page = TicketBodies.TicketPageBody(TicketPage(tickets: items, nextCursor: cursor))
            let encoded = try Self.encoded(AccessBodies.Page(items: page.items, nextCursor: cursor))
            #expect(Self.written(page) == encoded)
        }
    }

    @Test(arguments: TicketSamples.awkwardTexts)
    func stringsAreEscapedAsTheEncoderEscapesThem(_ text: String) throws {
        var json = JSONWriter()
        json.beginArray()
        json.string(text)
        json.stringOrNull(text)
        json.stringOrNull(nil)
        json.endArray()
        #expect(json.bytes == (try Self.encoded([text, text, nil])))
    }

    @Test func everyCodePointBelowU0100AndSomeAboveIsEscapedAsEncoded() throws {
        var scalars = (0..<0x100).compactMap(Unicode.Scalar.init(_:))
        scalars += [0x2028, 0x2029, 0xFEFF, 0xFFFD, 0x1F600, 0x10FFFF].compactMap(Unicode.Scalar.init(_:))
        for scalar in scalars {
            let text = "x" + String(Character(scalar)) + "y"
            var json = JSONWriter()
            json.string(text)
            #expect(json.bytes == (try Self.encoded([text])).dropFirst().dropLast(), "U+\(String(scalar.value, radix: 16))")
        }
    }

    private static func written(_ body: some JSONWritable) -> [UInt8] {
        var json = JSONWriter()
        body.write(to: &json)
        return json.bytes
    }

    /// The answers' encoder with `.sortedKeys` added.
    private static func encoded(_ value: some Encodable) throws -> [UInt8] {
        let encoder = BackOfficeRequestContext.answerEncoder()
        encoder.outputFormatting.insert(.sortedKeys)
        return Array(try encoder.encode(value))
    }
}
