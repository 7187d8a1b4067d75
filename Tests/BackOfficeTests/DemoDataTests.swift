import BackOffice
import Testing

@Suite("The demo county")
struct DemoDataTests {
    @Test func coversEveryMunicipalityOfNorthOstrobothniaOnce() {
        let municipalities = DemoData.regions.flatMap(\.municipalities)
        #expect(municipalities.count == 30)
        #expect(Set(municipalities).count == 30)
        #expect(Set(municipalities).isSuperset(of: ["Oulu", "Kuusamo", "Raahe", "Ylivieska", "Kärsämäki", "Hailuoto"]))
    }

    @Test func organisationsHaveValidCodesKnownRegionsAndUniqueCodes() {
        let regionCodes = Set(DemoData.regions.map(\.code))
        let codes = DemoData.organisations.map(\.code)
        #expect(Set(codes).count == codes.count)
        for organisation in DemoData.organisations {
            #expect(regionCodes.contains(organisation.regionCode), "\(organisation.code)")
            #expect(organisation.code.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") }, "\(organisation.code)")
            #expect(organisation.populationServed > 0)
        }
        #expect(DemoData.organisations.count >= 20)
    }
}

@Suite("Readiness")
struct ReadinessTests {
    @Test func readyOnlyWhenEveryCheckPasses() {
        let passing = Readiness.Check(name: "database", passed: true, detail: "reachable")
        let failing = Readiness.Check(name: "migrations", passed: false, detail: "0011_x.sql: pending")
        #expect(Readiness(checks: [passing]).isReady)
        #expect(!Readiness(checks: [passing, failing]).isReady)
    }
}
