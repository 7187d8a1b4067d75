import BackOffice
import Foundation
import Hummingbird

/// The JSON shapes of the access API (snake_case on the wire).
enum AccessBodies {
    struct OrganisationBody: ResponseEncodable {
        let id: String
        let code: String
        let name: String
        let region: String?
        let kind: String
        let populationServed: Int
        let active: Bool

        enum CodingKeys: String, CodingKey {
            case id, code, name, region, kind, populationServed = "population_served", active
        }

        init(_ organisation: Organisation) {
            id = organisation.id.wire
            code = organisation.code
            name = organisation.name
            region = organisation.regionCode
            kind = organisation.kind.rawValue
            populationServed = organisation.populationServed
            active = organisation.active
        }
    }

    struct GrantBody: ResponseEncodable {
        let id: String
        let personId: String
        let role: String
        let validFrom: Date
        let validUntil: Date?
        let reason: String
        let grantedBy: String?
        let revokedAt: Date?
        let revokeReason: String?
        let active: Bool

        enum CodingKeys: String, CodingKey {
            case id, personId = "person_id", role, validFrom = "valid_from", validUntil = "valid_until", reason,
                grantedBy = "granted_by", revokedAt = "revoked_at", revokeReason = "revoke_reason", active
        }

        init(_ grant: RoleGrant, now: Date) {
            id = grant.id.wire
            personId = grant.personID.wire
            role = grant.roleName
            validFrom = grant.validFrom
            validUntil = grant.validUntil
            reason = grant.reason
            grantedBy = grant.grantedBy?.wire
            revokedAt = grant.revokedAt
            revokeReason = grant.revokeReason
            active = grant.isActive(at: now)
        }
    }

    struct MemberBody: ResponseEncodable {
        let personId: String
        let email: String
        let fullName: String
        let active: Bool
        let roles: [GrantBody]
        enum CodingKeys: String, CodingKey {
            case personId = "person_id", email, fullName = "full_name", active, roles
        }
    }

    struct MeBody: ResponseEncodable {
        struct Membership: Encodable {
            let organisation: String
            let roles: [String]
        }
        let personId: String
        let email: String
        let countyRoles: [String]
        let organisations: [Membership]
        /// The language of the person's mails, `fi` or `en`.
        let language: String
        enum CodingKeys: String, CodingKey {
            case personId = "person_id", email, countyRoles = "county_roles", organisations, language
        }
    }

    /// `PATCH /api/v1/me`.
    struct MeChange: Decodable {
        let language: String?
    }

    struct TokenBody: ResponseEncodable {
        let id: String
        let name: String
        let createdAt: Date
        let expiresAt: Date?
        let lastUsedAt: Date?
        let revokedAt: Date?
        /// Present only in the answer to the request that made the token.
        let token: String?

        enum CodingKeys: String, CodingKey {
            case id, name, createdAt = "created_at", expiresAt = "expires_at", lastUsedAt = "last_used_at",
                revokedAt = "revoked_at", token
        }

        init(_ token: ApiToken, secret: String? = nil) {
            id = token.id.wire
            name = token.name
            createdAt = token.createdAt
            expiresAt = token.expiresAt
            lastUsedAt = token.lastUsedAt
            revokedAt = token.revokedAt
            self.token = secret
        }
    }

    /// `{"items": [...], "next_cursor": "…" | null}`.
    struct Page<Item: Encodable & Sendable>: ResponseEncodable {
        let items: [Item]
        let nextCursor: String?

        enum CodingKeys: String, CodingKey { case items, nextCursor = "next_cursor" }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(items, forKey: .items)
            try container.encode(nextCursor, forKey: .nextCursor)
        }
    }

    struct NewMember: Decodable {
        let email: String
        let fullName: String
    }

    struct NewGrant: Decodable {
        let email: String
        let role: String
        let reason: String?
        let validFrom: Date?
        let validUntil: Date?
    }

    struct Revocation: Decodable {
        let reason: String?
    }

    struct NewToken: Decodable {
        let name: String
        let expiresInDays: Int?
    }
}

extension UUID {
    /// Lowercase, as ids are written everywhere on the wire.
    var wire: String { uuidString.lowercased() }
}
