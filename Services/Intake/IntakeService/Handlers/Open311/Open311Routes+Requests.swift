import FenliuModel
import Foundation
import Hummingbird
import NIOCore
import Postgres

extension Open311Routes {
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
        var service: Open311Service?
        if let code = form["service_code"] {
            service = await catalogue.service(code: code)
            if service == nil { problems.append("service_code: \(code) is not a service citizens can report; see services.json") }
        } else {
            problems.append("service_code: is required")
        }
        let latitude = form["lat"].map(Double.init)
        let longitude = form["long"].map(Double.init)
        if latitude == .some(nil) { problems.append("lat: is not a number") }
        if longitude == .some(nil) { problems.append("long: is not a number") }
        let address = form["address_string"] ?? form["address_id"] ?? ""
        if address.isEmpty && (latitude == nil || longitude == nil) {
            problems.append("a location is required: lat and long, or address_string")
        }
        guard problems.isEmpty, let service else { throw Open311Failure(status: .badRequest, problems) }
        return CallValidator.Input(
            channel: .open311, externalID: "open311-" + UUID().uuidString.lowercased(), receivedAt: intake.clock(),
            callerName: Self.name(first: form["first_name"], last: form["last_name"]), callerPhone: form["phone"] ?? "",
            district: "", address: address, latitude: latitude ?? nil, longitude: longitude ?? nil,
            description: form["description"] ?? "", elements: form.attributes, operatorID: "",
            open311ServiceCode: service.category.code
        )
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
            let wanted = ids.split(separator: ",").compactMap { UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }
            guard wanted.count <= 100 else {
                throw Open311Failure(status: .badRequest, ["service_request_id lists at most 100 ids"])
            }
            calls = try await intake.database.withConnection { try CallStore.find(wanted, on: $0) }.filter { $0.submission.channel == .open311 }
        } else {
            let end = try Self.date(query.get("end_date"), name: "end_date") ?? intake.clock().addingTimeInterval(FieldRules.clockSkew)
            let start = try Self.date(query.get("start_date"), name: "start_date") ?? end.addingTimeInterval(-90 * 86_400)
            guard start < end else { throw Open311Failure(status: .badRequest, ["start_date must be before end_date"]) }
            let listing = CallListing(
                channel: .open311, receivedFrom: start, receivedTo: end,
                open311ServiceCode: query.get("service_code").flatMap { $0.isEmpty ? nil : $0 }, limit: 1000
            )
            calls = try await intake.database.withConnection { try listing.page(after: nil, on: $0).calls }
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
        let call = try await intake.database.withConnection { try CallStore.find(id, on: $0) }
        return call?.submission.channel == .open311 ? call : nil
    }

    private static func date(_ text: String?, name: String) throws -> Date? {
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
