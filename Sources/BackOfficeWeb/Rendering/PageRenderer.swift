import Foundation
import Hummingbird
import Mustache

/// Renders the pages from the Mustache templates of `Resources/templates`, each inside the
/// layout, with the catalogue of the request's language as `t`.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let catalogues: Catalogues

    /// Loads the templates and the language catalogues from the target's resources.
    public static func load() async throws -> PageRenderer {
        guard let resources = Bundle.module.resourceURL?.appendingPathComponent("Resources") else {
            throw LoadFailure(description: "the web pages' resources are missing from the build")
        }
        return PageRenderer(
            library: try await MustacheLibrary(directory: resources.appendingPathComponent("templates").path),
            catalogues: try Catalogues.load(from: resources.appendingPathComponent("i18n")))
    }

    struct LoadFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// The page `template` with `content` as its view, as an HTML response.
    func render(_ template: String, _ page: Page, status: HTTPResponse.Status = .ok) -> Response {
        guard let html = library.render(page, withTemplate: template) else {
            preconditionFailure("no template named \(template)")
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
