import BackOffice
import Foundation
import Hummingbird

/// The JSON shapes of the canned-reply API (snake_case on the wire).
enum CannedReplyBodies {
    struct ReplyBody: ResponseEncodable {
        let id: String
        /// The organisation's code; absent for the county-wide set.
        let organisation: String?
        let countyWide: Bool
        let title: String
        let bodyFi: String
        let bodyEn: String?
        let useCount: Int
        let lastUsedAt: Date?
        let updatedAt: Date

        enum CodingKeys: String, CodingKey {
            case id, organisation, countyWide = "county_wide", title, bodyFi = "body_fi", bodyEn = "body_en",
                useCount = "use_count", lastUsedAt = "last_used_at", updatedAt = "updated_at"
        }

        init(_ reply: CannedReply) {
            id = reply.id.wire
            organisation = reply.countyWide ? nil : reply.organisationCode
            countyWide = reply.countyWide
            title = reply.title
            bodyFi = reply.bodyFinnish
            bodyEn = reply.bodyEnglish
            useCount = reply.useCount
            lastUsedAt = reply.lastUsedAt
            updatedAt = reply.updatedAt
        }
    }

    struct FilledBody: ResponseEncodable {
        let replyId: String
        let title: String
        let language: String
        let body: String

        enum CodingKeys: String, CodingKey {
            case replyId = "reply_id", title, language, body
        }

        init(_ filled: FilledCannedReply) {
            replyId = filled.reply.id.wire
            title = filled.reply.title
            language = filled.language
            body = filled.body
        }
    }

    /// `POST /canned-replies`: `org` names the organisation's set; without it, the county-wide set.
    struct NewReplyBody: Decodable {
        let org: String?
        let title: String
        let bodyFi: String
        let bodyEn: String?

        var fields: CannedReplyFields { CannedReplyFields(title: title, bodyFinnish: bodyFi, bodyEnglish: bodyEn) }
    }

    /// `PUT /canned-replies/{id}`: every field again.
    struct ReplyFieldsBody: Decodable {
        let title: String
        let bodyFi: String
        let bodyEn: String?

        var fields: CannedReplyFields { CannedReplyFields(title: title, bodyFinnish: bodyFi, bodyEnglish: bodyEn) }
    }

    /// `POST /canned-replies/{id}/render`.
    struct RenderBody: Decodable {
        let ticket: String
        let language: String?
    }
}
