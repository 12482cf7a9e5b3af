import FenliuModel
import Foundation
import Hummingbird
import NIOCore
import Postgres
import ServiceSupport

extension Open311Routes {
    /// Most requests one answer lists, as GeoReport v2 suggests.
    static let maximumRequests = 1000

    /// `POST /requests`: a citizen's report becomes a call on `CHANNEL_OPEN311`.
    func create(_ request: Request, _ format: Open311Format) async throws -> Response {
        let contentType = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard contentType == "application/x-www-form-urlencoded" else {
            throw Open311Failure(status: .unsupportedMediaType, ["send the request as application/x-www-form-urlencoded"])
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maximumBodyBytes)
        } catch is NIOTooManyBytesError {
            throw Open311Failure(status: .contentTooLarge, ["the request is larger than \(maximumBodyBytes) bytes"])
        }
        guard let text = String(validating: body.readableBytesView, as: UTF8.self), let form = Open311Form(text) else {
            throw Open311Failure(status: .badRequest, ["the body is not valid form-encoded UTF-8"])
        }
        // GeoReport v2: a POST needs the app's api_key; 403 when it is missing or not valid.
        if let gate {
            guard let key = form["api_key"], !key.isEmpty else { throw Open311Failure(status: .forbidden, ["api_key: is required"]) }
            let standing: AccessGate.Open311Key
            do {
                standing = try await gate.open311Key(key)
            } catch {
                throw Open311Failure(status: .serviceUnavailable, ["the keys cannot be read just now; try again shortly"])
            }
            switch standing {
            case .app: break
            case .withoutOpen311Scope: throw Open311Failure(status: .forbidden, ["api_key: this key has no open311 scope; ask for an app's key"])
            case .unknown: throw Open311Failure(status: .forbidden, ["api_key: is not a valid key (unknown or revoked)"])
            }
        }
        let input = try await callInput(form)
        let (call, _) = try await intake.submit(input)
        let record = Open311Document.Record([
            ("service_request_id", .text(call.id.uuidString.lowercased())),
            ("service_notice", .text("已受理，将转交责任部门办理")), ("account_id", .text(nil)),
        ])
        return Self.response(Open311Document(root: "service_requests", item: "request", records: [record]), format, status: .created)
    }

    private func callInput(_ form: Open311Form) async throws -> CallValidator.Input {
        var problems = [String]()
        let code = form["service_code"]
        if code == nil { problems.append("service_code: is required") }
        let latitude = form["lat"].map(Double.init)
        let longitude = form["long"].map(Double.init)
        if latitude == .some(nil) { problems.append("lat: is not a number") }
        if longitude == .some(nil) { problems.append("long: is not a number") }
        let address = form["address_string"] ?? form["address_id"] ?? ""
        if address.isEmpty && (latitude == nil || longitude == nil) {
            problems.append("a location is required: lat and long, or address_string")
        }
        guard problems.isEmpty, let code else { throw Open311Failure(status: .badRequest, problems) }
        // GeoReport v2: a service_code that is not offered is 404, not a bad request.
        guard let service = await catalogue.service(code: code) else {
            throw Open311Failure(status: .notFound, ["service_code: \(code) is not a service citizens can report; see services.json"])
        }
        let attributes = form.attributes
        return CallValidator.Input(
            channel: .open311, externalID: "open311-" + UUID().uuidString.lowercased(), receivedAt: intake.clock(),
            callerName: Self.name(first: form["first_name"], last: form["last_name"]), callerPhone: form["phone"] ?? "",
            callerEmail: form["email"] ?? "", district: "", address: address, latitude: latitude ?? nil, longitude: longitude ?? nil,
            description: form["description"] ?? Self.describe(service, attributes: attributes), elements: attributes, operatorID: "",
            open311ServiceCode: service.category.code
        )
    }

    /// What a report without a description says: its service and its answered attributes, so the
    /// matter still reads as what the citizen chose (description is optional in GeoReport v2).
    static func describe(_ service: Open311Service, attributes: [String: String]) -> String {
        let labels = Dictionary(service.elements.map { ($0.key, $0.label) }, uniquingKeysWith: { first, _ in first })
        let answers = attributes.keys.sorted().map { "\(labels[$0] ?? $0)：\(attributes[$0]!)" }
        return (["市民通过城市应用反映【\(service.name)】问题"] + answers).joined(separator: "；")
    }

    /// Chinese names are written family name first without a space; others "first last".
    static func name(first: String?, last: String?) -> String {
        let parts = [first, last].compactMap { $0 }
        guard parts.count == 2 else { return parts.first ?? "" }
        return parts.contains(where: { $0.unicodeScalars.contains { $0.value > 0x2E80 } }) ? last! + first! : first! + " " + last!
    }

    /// `GET /requests`: Open311 calls, newest first, filtered as GeoReport v2 describes
    /// (`service_request_id`, `service_code`, `start_date`, `end_date`, `status`); 90 days and at
    /// most 1000 requests unless narrowed, as the standard suggests.
    func requests(_ request: Request, _ format: Open311Format) async throws -> Response {
        let query = request.uri.queryParameters
        var calls: [CallRecord]
        if let ids = query.get("service_request_id"), !ids.isEmpty {
            calls = []
            // Clients send every open report's id in one request (FixMyStreet does): as many as
            // they like, answered up to the standard's 1,000.
            var seen = Set<UUID>()
            let wanted = ids.split(separator: ",").compactMap { UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }
                .filter { seen.insert($0).inserted }
            calls = []
            for start in stride(from: 0, to: wanted.count, by: Self.maximumRequests) where calls.count < Self.maximumRequests {
                let chunk = Array(wanted[start..<min(start + Self.maximumRequests, wanted.count)])
                calls += try await intake.database.withConnection { try CallStore.find(chunk, cipher: intake.cipher, on: $0) }
                    .filter { $0.submission.channel == .open311 }
            }
            calls = Array(calls.prefix(Self.maximumRequests))
        } else {
            let end = try Self.date(query.get("end_date"), name: "end_date") ?? intake.clock().addingTimeInterval(FieldRules.clockSkew)
            let start = try Self.date(query.get("start_date"), name: "start_date") ?? end.addingTimeInterval(-90 * 86_400)
            guard start < end else { throw Open311Failure(status: .badRequest, ["start_date must be before end_date"]) }
            let listing = CallListing(
                channel: .open311, receivedFrom: start, receivedTo: end,
                open311ServiceCode: query.get("service_code").flatMap { $0.isEmpty ? nil : $0 }, limit: Self.maximumRequests
            )
            calls = try await intake.database.withConnection { try listing.page(after: nil, cipher: intake.cipher, on: $0).calls }
        }
        let statuses = await status.statuses(for: calls)
        if let wanted = query.get("status")?.lowercased(), !wanted.isEmpty {
            let accepted = Set(wanted.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            guard accepted.isSubset(of: ["open", "closed"]) else { throw Open311Failure(status: .badRequest, ["status must be open or closed"]) }
            calls = calls.filter { accepted.contains(statuses[$0.id]?.isClosed == true ? "closed" : "open") }
        }
        let services = await catalogue.services()
        let records = calls.map { Self.record($0, status: statuses[$0.id] ?? .received, services: services) }
        return Self.response(Open311Document(root: "service_requests", item: "request", records: records), format)
    }

    /// `GET /requests/{id}`: one request, as a one-element list as the standard shows it.
    func request(_ id: String, _ format: Open311Format) async throws -> Response {
        guard let uuid = UUID(uuidString: id), let call = try await findOpen311Call(uuid) else {
            throw Open311Failure(status: .notFound, ["service_request_id \(id) not found"])
        }
        let statuses = await status.statuses(for: [call])
        let record = Self.record(call, status: statuses[call.id] ?? .received, services: await catalogue.services())
        return Self.response(Open311Document(root: "service_requests", item: "request", records: [record]), format)
    }

    /// Only calls that came in through Open311 are public: a 110 caller's report is not.
    private func findOpen311Call(_ id: UUID) async throws -> CallRecord? {
        let call = try await intake.database.withConnection { try CallStore.find(id, cipher: intake.cipher, on: $0) }
        return call?.submission.channel == .open311 ? call : nil
    }

    static func date(_ text: String?, name: String) throws -> Date? {
        guard let text, !text.isEmpty else { return nil }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        throw Open311Failure(status: .badRequest, ["\(name) must be a W3C date-time such as 2026-11-29T08:30:00+08:00"])
    }

    private static func record(_ call: CallRecord, status: Open311RequestStatus, services: [Open311Service]) -> Open311Document.Record {
        let code = call.submission.open311ServiceCode ?? call.category?.code ?? ""
        let name = services.first { $0.category.code == code }?.name ?? Category(code: code)?.chineseName ?? ""
        let formatter = ISO8601DateFormatter()
        return Open311Document.Record([
            ("service_request_id", .text(call.id.uuidString.lowercased())), ("status", .text(status.isClosed ? "closed" : "open")),
            ("status_notes", .text(status.notes)), ("service_name", .text(name)), ("service_code", .text(code)),
            ("description", .text(call.submission.description)), ("agency_responsible", .text(status.agency)),
            ("service_notice", .text(nil)), ("requested_datetime", .text(formatter.string(from: call.submission.receivedAt))),
            ("updated_datetime", .text(formatter.string(from: max(status.updated ?? call.createdAt, call.createdAt)))),
            ("expected_datetime", .text(status.expected.map(formatter.string(from:)))), ("address", .text(call.submission.address)),
            ("address_id", .text(nil)), ("zipcode", .text(nil)), ("lat", .number(call.submission.latitude)),
            ("long", .number(call.submission.longitude)), ("media_url", .text(nil)),
        ])
    }
}
