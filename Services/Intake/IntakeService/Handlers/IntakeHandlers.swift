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
    /// Feedback, which knows who holds each ticket (a department reads the calls it holds).
    let feedback: RPCClient?
    /// The intake schema.
    var database: PostgresPool { intake.database }
    var cipher: PersonalDataCipher { intake.cipher }

    /// Validates, stores and hands on a call; replays an identical resubmission.
    func submitCall(_ request: Fenliu_Intake_V1_SubmitCallRequest, context: RPCContext) async throws -> Fenliu_Intake_V1_SubmitCallResponse {
        // A hotline's key submits on its own line only.
        if let principal = Principal.current, !principal.seesEverything, let channel = Channel(proto: request.channel),
            !principal.channels.contains(channel)
        {
            throw ConnectError(.permissionDenied, "the key \(principal.name) may not submit calls on \(channel.code)")
        }
        let input = CallValidator.Input(
            channel: Channel(proto: request.channel),
            unknownChannelNumber: Channel(proto: request.channel) == nil && request.channel != .unspecified ? request.channel.rawValue : nil,
            externalID: request.externalID, receivedAt: request.hasReceivedAt ? request.receivedAt.date : nil,
            callerName: request.callerName, callerPhone: request.callerPhone, callerEmail: request.callerEmail, district: request.district,
            address: request.address,
            latitude: request.hasLatitude ? request.latitude : nil, longitude: request.hasLongitude ? request.longitude : nil,
            description: request.description_p, elements: request.elements, operatorID: request.operatorID
        )
        let (call, replayed) = try await intake.submit(input)
        return .with {
            $0.call = call.proto(masked: !CallIntake.seesPersonalData(of: call))
            $0.replayed = replayed
        }
    }

    /// One call with its missing inquiry elements. A hotline reads its own line's calls; a
    /// department reads a call it holds a ticket for (asked of feedback), with the caller's data in
    /// clear since it must reach them; anyone else gets `not_found`, so ids cannot be probed.
    func getCall(_ request: Fenliu_Intake_V1_GetCallRequest, context: RPCContext) async throws -> Fenliu_Intake_V1_GetCallResponse {
        let id = try Self.callID(request.id, field: "id")
        let cipher = self.cipher
        let intake = self.intake
        // A line's own call (or any, for the centre) is read and shown in one visit to the database.
        let found = try await database.withConnection { connection -> (call: CallRecord, shown: Fenliu_Intake_V1_Call?)? in
            guard let call = try CallStore.find(id, cipher: cipher, on: connection) else { return nil }
            guard CallIntake.isVisible(call) else { return (call, nil) }
            return (call, try intake.shown([call], on: connection).first)
        }
        guard let found else { throw IntakeError.callNotFound(request.id) }
        if let shown = found.shown { return .with { $0.call = shown } }
        // Anyone else: only a department holding a ticket of it (asked of feedback, outside any
        // database work), which sees the caller in clear.
        guard try await holdsTicket(of: found.call) else { throw IntakeError.callNotFound(request.id) }
        let held = try await database.withConnection { connection in
            try intake.shown([found.call], clearForHolder: true, on: connection)
        }
        return .with { $0.call = held[0] }
    }

    /// Whether one of the caller's departments holds a ticket of the call's incident now.
    private func holdsTicket(of call: CallRecord) async throws -> Bool {
        guard let principal = Principal.current, !principal.departments.isEmpty, let feedback else { return false }
        let incident = (call.duplicateOf ?? call.id).uuidString.lowercased()
        for department in principal.departments.sorted() {
            let tickets = try await feedback.call(
                FeedbackAPI.listTickets,
                .with {
                    $0.departmentID = department
                    $0.incidentIds = [incident]
                    $0.pageSize = 1
                }
            ).tickets
            if !tickets.isEmpty { return true }
        }
        return false
    }

    /// One page of calls, newest first.
    func listCalls(_ request: Fenliu_Intake_V1_ListCallsRequest, context: RPCContext) async throws -> Fenliu_Intake_V1_ListCallsResponse {
        var listing = try CallListingRequest.listing(from: request)
        listing.visibleChannels = Visibility.current.channels
        let after = try listing.position(of: request.pageToken)
        let chosen = listing
        let cipher = self.cipher
        let intake = self.intake
        let (calls, next) = try await database.withConnection { connection in
            let page = try chosen.page(after: after, cipher: cipher, on: connection)
            return (try intake.shown(page.calls, on: connection), page.next)
        }
        return .with {
            $0.calls = calls
            $0.nextPageToken = next?.encoded ?? ""
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
        let cipher = self.cipher
        let call = try await database.transaction { connection -> CallRecord in
            guard let current = try CallStore.find(id, forUpdate: true, cipher: cipher, on: connection), CallIntake.isVisible(current) else {
                throw IntakeError.callNotFound(request.id)
            }
            // An empty value removes an element an operator recorded by mistake.
            var merged = current.submission.elements
            for (key, value) in changes { merged[key] = value.isEmpty ? nil : value }
            guard merged.count <= FieldRules.elementCountMaximum else {
                throw IntakeError.invalidFields([
                    FieldViolation(field: "elements", description: "would hold more than \(FieldRules.elementCountMaximum) entries")
                ])
            }
            guard let updated = try CallStore.updateElements(id, elements: merged, operatorID: operatorID, cipher: cipher, on: connection) else {
                throw IntakeError.callNotFound(request.id)
            }
            return updated
        }
        return .with { $0.call = call.proto(masked: !CallIntake.seesPersonalData(of: call)) }
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

    /// `ReencryptPersonalData`: one batch of calls moved to the current data key.
    func reencryptPersonalData(
        _ request: Fenliu_Intake_V1_ReencryptPersonalDataRequest, context: RPCContext
    ) async throws -> Fenliu_Intake_V1_ReencryptPersonalDataResponse {
        let size = try PageSize.resolve(request.batchSize, default: 500, maximum: 5000, field: "batchSize")
        guard cipher.isEnabled else {
            throw ConnectError(.failedPrecondition, "FENLIU_DATA_KEYS is not set: there is no key to seal with")
        }
        let cipher = self.cipher
        let (moved, remaining) = try await database.transaction { connection in
            let moved = try CallStore.reencrypt(limit: size, cipher: cipher, on: connection)
            if moved > 0 { try AuditTrail.record("personal_data.reencrypted", target: cipher.current?.id ?? "", detail: "\(moved) calls", on: connection) }
            return (moved, try CallStore.notYetSealed(cipher: cipher, on: connection))
        }
        return .with {
            $0.moved = Int32(moved)
            $0.remaining = remaining
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
