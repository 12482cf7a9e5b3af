import FenliuModel
import Foundation
import Hummingbird
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf

/// The Connect methods of `fenliu.intake.v1.IntakeService`: decode, call the domain, encode.
struct IntakeHandlers: IntakeServiceHandler {
    /// The path calls take in.
    let intake: CallIntake
    /// The intake schema.
    var database: PostgresPool { intake.database }

    /// Validates, stores and hands on a call; replays an identical resubmission.
    func submitCall(_ request: Fenliu_Intake_V1_SubmitCallRequest, context: RPCContext) async throws -> Fenliu_Intake_V1_SubmitCallResponse {
        let input = CallValidator.Input(
            channel: Channel(proto: request.channel), externalID: request.externalID, receivedAt: request.hasReceivedAt ? request.receivedAt.date : nil,
            callerName: request.callerName, callerPhone: request.callerPhone, callerEmail: request.callerEmail, district: request.district,
            address: request.address,
            latitude: request.hasLatitude ? request.latitude : nil, longitude: request.hasLongitude ? request.longitude : nil,
            description: request.description_p, elements: request.elements, operatorID: request.operatorID
        )
        let (call, replayed) = try await intake.submit(input)
        return .with {
            $0.call = call.proto
            $0.replayed = replayed
        }
    }

    /// One call with its missing inquiry elements.
    func getCall(_ request: Fenliu_Intake_V1_GetCallRequest, context: RPCContext) async throws -> Fenliu_Intake_V1_GetCallResponse {
        let id = try Self.callID(request.id, field: "id")
        guard let call = try await database.withConnection({ try CallStore.find(id, on: $0) }) else {
            throw IntakeError.callNotFound(request.id)
        }
        return .with { $0.call = call.proto }
    }

    /// One page of calls, newest first.
    func listCalls(_ request: Fenliu_Intake_V1_ListCallsRequest, context: RPCContext) async throws -> Fenliu_Intake_V1_ListCallsResponse {
        let listing = try CallListingRequest.listing(from: request)
        let after = try listing.position(of: request.pageToken)
        let page = try await database.withConnection { try listing.page(after: after, on: $0) }
        return .with {
            $0.calls = page.calls.map(\.proto)
            $0.nextPageToken = page.next?.encoded ?? ""
        }
    }

    /// Merges inquiry elements into a call; an empty value removes one.
    func updateCallElements(_ request: Fenliu_Intake_V1_UpdateCallElementsRequest, context: RPCContext) async throws
        -> Fenliu_Intake_V1_UpdateCallElementsResponse
    {
        var problems = [FieldViolation]()
        let id: UUID? = UUID(uuidString: request.id)
        if id == nil { problems.append(FieldViolation(field: "id", description: "must be a call id (a UUID)")) }
        if request.elements.isEmpty { problems.append(FieldViolation(field: "elements", description: "is required: the elements to add or change")) }
        let changes = ElementRules.check(request.elements, allowingRemoval: true) { problems.append($0) }
        let operatorID = request.operatorID.trimmingCharacters(in: .whitespaces)
        if operatorID.count > FieldRules.operatorIDMaximum || operatorID.containsControlCharacter(allowingLineBreaks: false) {
            problems.append(
                FieldViolation(field: "operatorId", description: "must be at most \(FieldRules.operatorIDMaximum) characters, without control characters"))
        }
        guard problems.isEmpty, let id else { throw IntakeError.invalidFields(problems) }
        let call = try await database.transaction { connection -> CallRecord in
            guard let current = try CallStore.find(id, forUpdate: true, on: connection) else { throw IntakeError.callNotFound(request.id) }
            // An empty value removes an element an operator recorded by mistake.
            var merged = current.submission.elements
            for (key, value) in changes { merged[key] = value.isEmpty ? nil : value }
            guard merged.count <= FieldRules.elementCountMaximum else {
                throw IntakeError.invalidFields([
                    FieldViolation(field: "elements", description: "would hold more than \(FieldRules.elementCountMaximum) entries")
                ])
            }
            guard let updated = try CallStore.updateElements(id, elements: merged, operatorID: operatorID, on: connection) else {
                throw IntakeError.callNotFound(request.id)
            }
            return updated
        }
        return .with { $0.call = call.proto }
    }

    /// Stores classification's category and element template (applied once per Idempotency-Key).
    func attachClassification(
        _ request: Fenliu_Intake_V1_AttachClassificationRequest, context: RPCContext
    ) async throws -> Effect<Fenliu_Intake_V1_AttachClassificationResponse> {
        var problems = [FieldViolation]()
        let id = UUID(uuidString: request.callID)
        if id == nil { problems.append(FieldViolation(field: "callId", description: "must be a call id (a UUID)")) }
        let category = Category(proto: request.category)
        if category == nil { problems.append(FieldViolation(field: "category", description: "is required: a catalogue category")) }
        for (index, element) in request.inquiryElements.enumerated() where !ElementRules.isValidKey(element.key) {
            problems.append(FieldViolation(field: "inquiryElements[\(index)].key", description: "must be lowerCamelCase ASCII"))
        }
        if request.revision < 0 { problems.append(FieldViolation(field: "revision", description: "must not be negative")) }
        guard problems.isEmpty, let id, let category else { throw IntakeError.invalidFields(problems) }
        let template = request.inquiryElements.map(InquiryElementTemplate.init)
        // A sender that predates revisions counts as the first decision.
        let revision = max(request.revision, 1)
        return Effect { connection in
            guard try CallStore.attachClassification(id, category: category, template: template, revision: revision, on: connection) else {
                throw IntakeError.callNotFound(request.callID)
            }
            return Fenliu_Intake_V1_AttachClassificationResponse()
        }
    }

    /// A call id from a request field, or `invalid_argument` naming the field.
    static func callID(_ text: String, field: String) throws -> UUID {
        guard let id = UUID(uuidString: text.trimmingCharacters(in: .whitespaces)) else {
            throw IntakeError.invalidFields([FieldViolation(field: field, description: text.isEmpty ? "is required" : "must be a call id (a UUID)")])
        }
        return id
    }
}
