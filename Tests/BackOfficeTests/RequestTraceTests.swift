import BackOffice
import Testing

@Suite("A client's request id")
struct RequestTraceTests {
    @Test(arguments: ["a", "0f3c-42", "ops.test_1", String(repeating: "x", count: 64), "5d4c0a4e-5b1e-4f0e-9a53-0e7d2c1b9f00"])
    func saneIdsAreTaken(_ id: String) {
        #expect(RequestTrace.isSane(id))
    }

    @Test(arguments: ["", String(repeating: "x", count: 65), "two words", "a\nb", "<script>", "ä", "a/b", "a\"b"])
    func othersAreNot(_ id: String) {
        #expect(!RequestTrace.isSane(id))
    }
}
