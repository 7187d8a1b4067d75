import Hummingbird

/// The `/api/v1` operations of `AccessController`, in the order it adds them.
extension OpenAPIDocument {
    static var accessOperations: [Operation] {
        let page = [parameter("limit"), parameter("cursor")]
        let code = parameter("code")
        return [
            Operation(
                method: .get, path: "/api/v1/me", id: "me", tag: "me", summary: "Who the token belongs to",
                description: "The caller's county roles and, for each organisation they have roles in, those roles.",
                answers: [.init(status: 200, description: "The caller", schema: ref("Me"))]),
            Operation(
                method: .patch, path: "/api/v1/me", id: "changeMe", tag: "me", summary: "Set the language of the caller's mails",
                description: "`fi` or `en`: the notifications and replies the desk mails to the caller are written in it.",
                body: "MeChange",
                answers: [.init(status: 200, description: "The caller", schema: ref("Me"))],
                problems: [422]),
            Operation(
                method: .get, path: "/api/v1/me/tokens", id: "listTokens", tag: "me", summary: "The caller's API tokens",
                description: "Every token the caller has made, revoked and expired ones too; never their secrets.",
                parameters: page,
                answers: [.init(status: 200, description: "A page of tokens", schema: ref("TokenPage"))],
                problems: [422]),
            Operation(
                method: .post, path: "/api/v1/me/tokens", id: "createToken", tag: "me", summary: "Make an API token",
                description: "The answer's `token` is the secret: it is shown this once and stored only hashed.",
                body: "NewToken",
                answers: [.init(status: 201, description: "The token, with its secret", schema: ref("Token"))],
                problems: [422]),
            Operation(
                method: .delete, path: "/api/v1/me/tokens/{id}", id: "revokeToken", tag: "me",
                summary: "Revoke one of the caller's tokens",
                parameters: [parameter("tokenId")],
                answers: [.init(status: 204, description: "Revoked")],
                problems: [404]),
            Operation(
                method: .get, path: "/api/v1/orgs", id: "listOrganisations", tag: "organisations",
                summary: "The organisations the caller has standing in",
                description: "County roles see every organisation; others those they hold roles in.",
                parameters: page,
                answers: [.init(status: 200, description: "A page of organisations", schema: ref("OrganisationPage"))],
                problems: [422]),
            Operation(
                method: .get, path: "/api/v1/orgs/{code}", id: "showOrganisation", tag: "organisations",
                summary: "One organisation",
                parameters: [code],
                answers: [.init(status: 200, description: "The organisation", schema: ref("Organisation"))],
                problems: [404]),
            Operation(
                method: .get, path: "/api/v1/orgs/{code}/members", id: "listMembers", tag: "organisations",
                summary: "The organisation's members and their active roles",
                parameters: [code] + page,
                answers: [.init(status: 200, description: "A page of members", schema: ref("MemberPage"))],
                problems: [403, 404, 422]),
            Operation(
                method: .post, path: "/api/v1/orgs/{code}/members", id: "addMember", tag: "organisations",
                summary: "Add a person to the organisation",
                description: "Creates the person on first use of the e-mail address; an org_admin's or county admin's task.",
                parameters: [code, parameter("idempotencyKey")], body: "NewMember",
                answers: .made("The member", schema: ref("Member")),
                problems: [403, 404, 409, 422]),
            Operation(
                method: .get, path: "/api/v1/orgs/{code}/roles", id: "listGrants", tag: "organisations",
                summary: "The organisation's role grants", description: "Active grants, or all with `all=true`; sorted by id.",
                parameters: [code, parameter("all")] + page,
                answers: [.init(status: 200, description: "A page of grants", schema: ref("GrantPage"))],
                problems: [403, 404, 422]),
            Operation(
                method: .post, path: "/api/v1/orgs/{code}/roles", id: "grantRole", tag: "organisations",
                summary: "Grant an organisation role to a member",
                description: "No one grants their own roles (403). The person must be a member (404 otherwise).",
                parameters: [code, parameter("idempotencyKey")], body: "NewGrant",
                answers: .made("The grant", schema: ref("Grant")),
                problems: [403, 404, 409, 422]),
            Operation(
                method: .delete, path: "/api/v1/orgs/{code}/roles/{grantId}", id: "revokeRole", tag: "organisations",
                summary: "Revoke a role grant, with a reason",
                description: """
                    The grant stays on record with `revoked_at` and `revoke_reason`. Revoking an already revoked \
                    grant, or the last active org_admin of an organisation, is a 409; one's own grant a 403.
                    """,
                parameters: [code, parameter("grantId")], body: "Revocation",
                answers: [.init(status: 200, description: "The revoked grant", schema: ref("Grant"))],
                problems: [403, 404, 409, 422]),
            Operation(
                method: .post, path: "/api/v1/orgs", id: "createOrganisation", tag: "organisations",
                summary: "Create an organisation (county admins)",
                description: "Written to the audit log. A code already in use is a 409; an unknown region a 422.",
                body: "NewOrganisation",
                answers: [.init(status: 201, description: "The organisation", schema: ref("Organisation"))],
                problems: [403, 409, 422]),
            Operation(
                method: .patch, path: "/api/v1/orgs/{code}", id: "updateOrganisation", tag: "organisations",
                summary: "Change an organisation (county admins)",
                description: "Fields left out stay as they are; the change and its reason are written to the audit log.",
                parameters: [code], body: "OrganisationChanges",
                answers: [.init(status: 200, description: "The organisation as changed", schema: ref("Organisation"))],
                problems: [403, 404, 409, 422]),
            Operation(
                method: .get, path: "/api/v1/county/roles", id: "listCountyGrants", tag: "county",
                summary: "The county role grants (county admins)", description: "Active grants, or all with `all=true`; sorted by id.",
                parameters: [parameter("all")] + page,
                answers: [.init(status: 200, description: "A page of county grants", schema: ref("CountyGrantPage"))],
                problems: [403, 422]),
            Operation(
                method: .post, path: "/api/v1/county/roles", id: "grantCountyRole", tag: "county",
                summary: "Grant a county role (county admins)", description: "No one grants their own roles (403).",
                parameters: [parameter("idempotencyKey")], body: "NewCountyGrant",
                answers: .made("The grant", schema: ref("CountyGrant")),
                problems: [403, 404, 409, 422]),
            Operation(
                method: .delete, path: "/api/v1/county/roles/{grantId}", id: "revokeCountyRole", tag: "county",
                summary: "Revoke a county role grant, with a reason (county admins)",
                description: "Revoking an already revoked grant, or the last active county_admin, is a 409.",
                parameters: [parameter("grantId")], body: "Revocation",
                answers: [.init(status: 200, description: "The revoked grant", schema: ref("CountyGrant"))],
                problems: [403, 404, 409, 422]),
        ]
    }
}
