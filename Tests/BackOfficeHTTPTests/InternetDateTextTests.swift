@testable import BackOfficeHTTP
import Foundation
import Testing

@Suite("Dates in the answers")
struct InternetDateTextTests {
    @Test(arguments: [0, 1.9999, -0.5, 951_782_400, 1_764_651_600.7, -86_400.25, 4_102_444_799.999, 253_402_300_799])
    func theyReadAsJSONEncodersISO8601(_ seconds: Double) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let date = Date(timeIntervalSince1970: seconds)
        let expected = try #require(String(data: try encoder.encode([date]), encoding: .utf8))
        #expect("[\"\(InternetDateText.string(from: date))\"]" == expected)
    }
}
