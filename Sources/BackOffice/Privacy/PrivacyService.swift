import Foundation

/// The resident's right to know who has processed their data: the access-log extract, for
/// county admins only, itself written to the access log with its purpose.
public struct PrivacyService: Sendable {
    let store: any PrivacyStore

    public init(store: any PrivacyStore) {
        self.store = store
    }

    public static let defaultPurpose = "asukkaan tarkastuspyyntö (asiakastietolaki 703/2023)"

    public func accessReport(for resident: ResidentIdentifier, purpose: String?, by principal: Principal) async throws -> AccessReport {
        guard principal.countyRoles.contains(.countyAdmin) else {
            throw BackOfficeError.forbidden("only a county admin may produce a resident's access report")
        }
        let purpose = try Validation.text(purpose ?? Self.defaultPurpose, field: "purpose", length: 1...500)
            .mapError { BackOfficeError.invalid([$0]) }.get()
        let candidates: [ContactCandidate]
        switch resident {
        case .phone(let number): candidates = try await store.contactCandidates(phoneDigits: number.lastDigits, email: nil)
        case .email(let address): candidates = try await store.contactCandidates(phoneDigits: nil, email: address)
        }
        let matching = candidates.filter { resident.matches(phone: $0.phone, email: $0.email) }
        let tickets = matching.isEmpty ? [] : try await store.accessReport(
            of: matching, readBy: principal.personID, interface: principal.interface, purpose: purpose)
        return AccessReport(contact: resident.text, tickets: tickets)
    }
}
