import BackOffice
import Testing

/// The demo's duplicate pairs: each the same matter logged twice in one organisation, left
/// for the desk to merge.
@Suite("The demo's duplicates")
struct DemoDuplicatesTests {
    @Test func eachPairIsOneOrganisationsOneMatterWithTheDuplicateNewerAndStillNew() {
        #expect(DemoDuplicates.pairs.count == 3)
        for (original, duplicate) in DemoDuplicates.pairs {
            #expect(original.organisationCode == duplicate.organisationCode)
            #expect(original.category == duplicate.category && original.serviceCode == duplicate.serviceCode)
            #expect(original.createdHoursAgo > duplicate.createdHoursAgo)
            #expect(duplicate.moves.isEmpty && original.moves.map(\.to) == ["open"])
            #expect(original.subject != duplicate.subject)
        }
        let all = DemoTickets.all()
        #expect(all.count == 306)
        for ticket in DemoDuplicates.pairs.flatMap({ [$0.original, $0.duplicate] }) {
            #expect(all.contains { $0.organisationCode == ticket.organisationCode && $0.subject == ticket.subject })
        }
    }
}
