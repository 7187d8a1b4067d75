import BackOffice

/// The JSON shapes of `AccessBodies`, `HealthController` and `Problem`, as they are on the wire:
/// snake_case names, and optional fields left out (not null) when they have no value.
extension OpenAPIDocument {
    static var schemas: JSON {
        [
            "Problem": object(
                "An RFC 9457 problem document",
                required: [
                    "type": string.described("A stable `/problems/<slug>` URI, e.g. `/problems/not-found`"),
                    "title": string,
                    "status": integer.described("The HTTP status"),
                    "detail": string,
                    "instance": string.described("The request's id, as in the `X-Request-Id` response header and the server's log"),
                ],
                optional: ["errors": array(of: ref("InvalidField")).described("Each invalid field (422 only)")]),
            "InvalidField": object(required: ["field": string.described("The snake_case name of the field"), "reason": string]),
            "HealthStatus": object(required: [
                "status": ["type": "string", "enum": ["live", "ready", "not_ready"]],
                "checks": array(of: ref("HealthCheck")),
            ]),
            "HealthCheck": object(required: ["name": string, "passed": boolean, "detail": string]),
            "Me": object(required: [
                "person_id": uuid,
                "email": email,
                "county_roles": array(of: enumeration(CountyRole.self)),
                "organisations": array(of: ref("Membership")),
                "language": enumeration(MailLanguage.self).described("The language of the person's mails"),
            ]),
            "MeChange": object(required: ["language": enumeration(MailLanguage.self).described("The language of the caller's mails")]),
            "Membership": object(required: [
                "organisation": string.described("The organisation's code"),
                "roles": array(of: enumeration(OrganisationRole.self)),
            ]),
            "Organisation": object(
                required: [
                    "id": uuid,
                    "code": string.described("e.g. `OULU-TK`"),
                    "name": string,
                    "kind": enumeration(OrganisationKind.self),
                    "population_served": integer,
                    "active": boolean,
                ],
                optional: ["region": string.described("The region's code")]),
            "OrganisationPage": page(of: "Organisation"),
            "Member": object(required: [
                "person_id": uuid,
                "email": email,
                "full_name": string,
                "active": boolean,
                "roles": array(of: ref("Grant")).described("The member's active grants"),
            ]),
            "MemberPage": page(of: "Member"),
            "Grant": grant(role: enumeration(OrganisationRole.self)),
            "CountyGrant": grant(role: enumeration(CountyRole.self)),
            "CountyGrantPage": page(of: "CountyGrant"),
            "GrantPage": page(of: "Grant"),
            "Token": object(
                required: ["id": uuid, "name": string, "created_at": dateTime],
                optional: [
                    "expires_at": dateTime,
                    "last_used_at": dateTime,
                    "revoked_at": dateTime,
                    "token": string.described("The secret: only in the answer to the request that made the token"),
                ]),
            "TokenPage": page(of: "Token"),
            "NewToken": object(
                required: ["name": string.limited(100)],
                optional: ["expires_in_days": nullable(["type": "integer", "minimum": 1, "maximum": 3650])
                    .described("Never expires when absent")]),
            "NewMember": object(required: ["email": email.limited(254), "full_name": string.limited(200)]),
            "NewGrant": object(
                required: [
                    "email": email.described("A member of the organisation"),
                    "role": enumeration(OrganisationRole.self),
                    "reason": string.limited(1000),
                ],
                optional: [
                    "valid_from": nullable(dateTime).described("Now when absent"),
                    "valid_until": nullable(dateTime).described("After `valid_from` and in the future; open-ended when absent"),
                ]),
            "NewCountyGrant": object(
                required: ["email": email, "role": enumeration(CountyRole.self), "reason": string.limited(1000)],
                optional: ["valid_until": nullable(dateTime).described("In the future; open-ended when absent")]),
            "Revocation": object(required: ["reason": string.limited(1000)]),
            "NewOrganisation": object(
                required: [
                    "code": string.described("Letters A-Z and digits in groups joined by hyphens, e.g. `KUUSAMO-SOS`"),
                    "name": string.limited(200),
                    "region": string.described("A region's code"),
                ],
                optional: [
                    "kind": organisationKind.described("`health_centre` when absent"),
                    "population_served": ["type": "integer", "minimum": 0, "maximum": 10_000_000],
                    "active": boolean,
                ]),
            "OrganisationChanges": object(required: [:], optional: [
                "code": string,
                "name": string.limited(200),
                "region": string.described("A region's code"),
                "kind": organisationKind,
                "population_served": ["type": "integer", "minimum": 0, "maximum": 10_000_000],
                "active": boolean,
                "reason": string.limited(2000).described("Why; recorded in the audit log"),
            ]),
        ]
    }

    // MARK: Building blocks

    /// A role grant as answered, with the roles of its scope.
    static func grant(role: JSON) -> JSON {
        object(
            required: [
                "id": uuid,
                "person_id": uuid,
                "role": role,
                "valid_from": dateTime,
                "reason": string,
                "active": boolean.described("In force now: started, not ended, not revoked"),
            ],
            optional: [
                "valid_until": dateTime,
                "granted_by": uuid.described("The person who granted it; absent for the system"),
                "revoked_at": dateTime,
                "revoke_reason": string,
            ])
    }

    /// The kinds an organisation may be given (the county is not one of them).
    static var organisationKind: JSON {
        ["type": "string", "enum": .array(OrganisationKind.allCases.filter { $0 != .county }.map { .string($0.rawValue) })]
    }

    static let string: JSON = ["type": "string"]
    static let integer: JSON = ["type": "integer"]
    static let boolean: JSON = ["type": "boolean"]
    static let uuid: JSON = ["type": "string", "format": "uuid", "description": "A lowercase UUID"]
    static let email: JSON = ["type": "string", "format": "email"]
    static let dateTime: JSON = ["type": "string", "format": "date-time"]

    static func enumeration<Value: CaseIterable & RawRepresentable>(_: Value.Type) -> JSON where Value.RawValue == String {
        ["type": "string", "enum": .array(Value.allCases.map { .string($0.rawValue) })]
    }

    static func array(of items: JSON) -> JSON { ["type": "array", "items": items] }

    /// The same schema, also allowing `null` (request fields decoded as optionals).
    static func nullable(_ schema: JSON) -> JSON {
        guard case .string(let type)? = schema["type"] else { return schema }
        return schema.merging(["type": [.string(type), "null"]])
    }

    /// `{"items": [...], "next_cursor": "…" | null}`.
    static func page(of item: String) -> JSON {
        object(required: [
            "items": array(of: ref(item)),
            "next_cursor": nullable(string).described("Pass as `cursor` for the next page; null on the last page"),
        ])
    }

    static func object(
        _ description: String? = nil, required: KeyValuePairs<String, JSON>, optional: KeyValuePairs<String, JSON> = [:]
    ) -> JSON {
        let properties = (Array(required) + Array(optional)).map { JSON.Member(key: $0.key, value: $0.value) }
        let schema: JSON = ["type": "object", "required": .array(required.map { .string($0.key) }), "properties": .object(properties)]
        return description.map { schema.merging(["description": .string($0)]) } ?? schema
    }
}

extension JSON {
    func described(_ text: String) -> JSON { merging(["description": .string(text)]) }
    /// A string schema of 1 to `length` characters (after trimming, as the API checks it).
    func limited(_ length: Int) -> JSON { merging(["minLength": 1, "maxLength": .integer(length)]) }
}
