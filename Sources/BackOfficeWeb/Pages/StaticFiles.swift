import Foundation
import Hummingbird

/// The pages' style sheets and scripts (every `.css` and `.js` file of `Resources/static`),
/// read once at start and served with a day's caching.
struct StaticFiles<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let files: [String: (contentType: String, body: ByteBuffer)]

    static func load() throws -> StaticFiles {
        let directory = try PageRenderer.resource("static")
        var files: [String: (String, ByteBuffer)] = [:]
        let types = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8"]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            guard let type = types[(name as NSString).pathExtension] else { continue }
            files[name] = (type, ByteBuffer(bytes: Array(try Data(contentsOf: directory.appendingPathComponent(name)))))
        }
        return StaticFiles(files: files)
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("static/:file") { _, context in
            guard let name = context.parameters.get("file"), let file = files[name] else { throw HTTPError(.notFound) }
            return Response(
                status: .ok, headers: [.contentType: file.contentType, .cacheControl: "public, max-age=86400"],
                body: .init(byteBuffer: file.body))
        }
    }
}
