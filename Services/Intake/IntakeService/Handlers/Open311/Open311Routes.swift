import FenliuModel
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceSupport

/// The Open311 GeoReport v2 front door: `/open311/v2/services`, `/services/{code}`, `/requests` and
/// `/requests/{id}`, each in `.json` and `.xml`. `jurisdiction_id` is accepted and ignored (Fenliu
/// serves one city); a POST needs an Open311 app's `api_key` (403 otherwise); the GETs are public and
/// show no personal data.
struct Open311Routes: Sendable {
    /// The path reports take in, the same as SubmitCall's.
    let intake: CallIntake
    /// The services on offer.
    let catalogue: Open311Catalogue
    /// Ticket states from feedback, when configured.
    let status: Open311StatusSource
    /// Largest POST body read (`FENLIU_MAX_BODY_BYTES`).
    let maximumBodyBytes: Int
    /// Checks a POST's `api_key`; `nil` when keys are off.
    let gate: AccessGate?

    /// Registers the routes on `router`.
    func register(on router: Router<BasicRequestContext>) {
        for format in [Open311Format.json, .xml] {
            router.get("/open311/v2/services.\(format.rawValue)") { _, _ in await services(format) }
            router.post("/open311/v2/requests.\(format.rawValue)") { request, _ in await answer(format) { try await create(request, format) } }
            router.get("/open311/v2/requests.\(format.rawValue)") { request, _ in await answer(format) { try await requests(request, format) } }
            router.get("/open311/v2/servicerequestupdates.\(format.rawValue)") { request, _ in
                await answer(format) { try await updates(request, format) }
            }
        }
        router.get("/open311/v2/services/:file") { _, context in
            await withFile(context) { code, format in try await definition(code, format) }
        }
        router.get("/open311/v2/requests/:file") { _, context in
            await withFile(context) { id, format in try await request(id, format) }
        }
        // Anything else under the door answers in Open311's error format, not Hummingbird's — the
        // door itself and the resources without a format too, which the wildcard does not reach
        // (a path that is a prefix of a route stops there with an empty 404).
        let unknown: @Sendable (Request, BasicRequestContext) async -> Response = { request, _ in
            let path = request.uri.path
            let format: Open311Format = path.lowercased().hasSuffix(".xml") ? .xml : .json
            let bare = path.hasSuffix("/") ? String(path.dropLast()) : path
            let hint =
                ["/open311/v2/services", "/open311/v2/requests", "/open311/v2/servicerequestupdates"].contains(bare)
                ? " (add the format: \(bare.split(separator: "/").last!).json or .xml)" : ""
            return Self.response(Open311Document.errors(code: 404, ["no such Open311 resource: \(path)\(hint)"]), format, status: .notFound)
        }
        for method: HTTPRequest.Method in [.get, .post, .put, .delete, .patch] {
            for path in ["/open311", "/open311/v2", "/open311/v2/services", "/open311/v2/requests", "/open311/**"] {
                router.on(RouterPath(path), method: method, use: unknown)
            }
        }
    }

    private func services(_ format: Open311Format) async -> Response {
        let records = await catalogue.services().map { service in
            Open311Document.Record([
                ("service_code", .text(service.category.code)), ("service_name", .text(service.name)),
                ("description", .text(service.name)), ("metadata", .boolean(!service.elements.isEmpty)),
                ("type", .text("realtime")), ("keywords", .text(service.keywords.joined(separator: ","))),
                ("group", .text(service.group)),
            ])
        }
        return Self.response(Open311Document(root: "services", item: "service", records: records), format)
    }

    private func definition(_ code: String, _ format: Open311Format) async throws -> Response {
        guard let service = await catalogue.service(code: code) else {
            throw Open311Failure(status: .notFound, ["service_code \(code) is not a service citizens can report"])
        }
        let attributes = service.elements.enumerated().map { index, element in
            Open311Document.Record([
                ("variable", .boolean(true)), ("code", .text(element.key)), ("datatype", .text("string")),
                ("required", .boolean(element.isRequired)), ("datatype_description", .text(element.hint)),
                ("order", .integer(index + 1)), ("description", .text(element.label)),
            ])
        }
        let record = Open311Document.Record([("service_code", .text(code)), ("attributes", .list(item: "attribute", attributes))])
        return Self.response(Open311Document(root: "service_definition", item: nil, records: [record]), format)
    }

    /// Runs `body` with the `{name}.{format}` of a path, answering Open311 errors in that format.
    private func withFile(_ context: BasicRequestContext, _ body: (String, Open311Format) async throws -> Response) async -> Response {
        guard let file = context.parameters.get("file"), let (name, format) = Open311Format.split(file), !name.isEmpty else {
            return Self.response(Open311Document.errors(code: 404, ["unknown resource: use .json or .xml"]), .json, status: .notFound)
        }
        return await answer(format) { try await body(name, format) }
    }

    /// Runs `body`; any failure becomes an Open311 error list in `format`, never a bare 500.
    func answer(_ format: Open311Format, _ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let failure as Open311Failure {
            return Self.response(Open311Document.errors(code: Int(failure.status.code), failure.descriptions), format, status: failure.status)
        } catch let error as IntakeError {
            let failure = Open311Failure(error)
            return Self.response(Open311Document.errors(code: Int(failure.status.code), failure.descriptions), format, status: failure.status)
        } catch {
            intake.logger.error("Open311 request failed", metadata: ["error": "\(String(reflecting: error))"])
            return Self.response(Open311Document.errors(code: 500, ["internal error"]), format, status: .internalServerError)
        }
    }

    /// A rendered document as an HTTP response.
    static func response(_ document: Open311Document, _ format: Open311Format, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: format.contentType],
            body: .init(byteBuffer: ByteBuffer(string: document.rendered(format)))
        )
    }
}
