import FenliuModel
import Foundation
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf

/// ClassifyText, Classify, GetDecision, ListReviewQueue and ResolveReview.
struct DecisionHandlers: Sendable {
    let engine: ClassifierEngine
    let environment: ServiceEnvironment

    private var database: PostgresPool { environment.database }
    private var outbox: Outbox { environment.outbox }

    func classifyText(_ request: Fenliu_Classification_V1_ClassifyTextRequest) throws -> Fenliu_Classification_V1_ClassifyTextResponse {
        let input = ClassificationInput(
            description: request.description_p, channel: Channel(proto: request.channel),
            district: request.district.isEmpty ? nil : request.district
        )
        do {
            let (outcome, catalogue) = try engine.classify(input)
            return Fenliu_Classification_V1_ClassifyTextResponse(outcome, catalogueVersion: catalogue.version)
        } catch {
            throw ClassificationServiceError.invalidDescription(error.description)
        }
    }

    /// The hand-off from intake: decide, store, and pass on through the outbox, once per call.
    func classify(_ request: Fenliu_Classification_V1_ClassifyRequest, context: RPCContext) async throws -> Fenliu_Classification_V1_ClassifyResponse {
        guard !request.callID.isEmpty else { throw ConnectError.invalidArgument(field: "callId", "is required") }
        let channel = Channel(proto: request.channel)
        let input = ClassificationInput(description: request.description_p, channel: channel, district: request.district.isEmpty ? nil : request.district)
        let (outcome, catalogue): (ClassificationOutcome, Fenliu_Classification_V1_Catalogue)
        do {
            (outcome, catalogue) = try engine.classify(input)
        } catch {
            catalogue = engine.catalogue
            outcome = DecisionPolicy.unclassifiable(channel: channel, reason: error.description, modelVersion: "none")
        }
        let plan = DecisionPolicy.plan(for: outcome)
        var decision = Fenliu_Classification_V1_Decision()
        decision.callID = request.callID
        decision.category = outcome.category.proto
        decision.destinations = outcome.destinations.map(\.proto)
        decision.confidence = outcome.confidence
        decision.needsReview = plan.needsReview
        decision.evidence = outcome.evidence.map(\.proto)
        decision.safetyFlags = outcome.safetyFlags.map(\.proto)
        decision.modelVersion = outcome.modelVersion
        decision.catalogueVersion = catalogue.version
        decision.state = !plan.needsReview ? .decided : (plan.routesNow ? .routedPendingReview : .pendingReview)
        decision.decidedAt = Google_Protobuf_Timestamp(date: Date())
        decision.channel = request.channel
        decision.district = request.district
        decision.description_p = request.description_p
        decision.duplicateOf = request.duplicateOf
        if request.hasReceivedAt { decision.receivedAt = request.receivedAt }

        let outbox = self.outbox
        let elements = catalogue.inquiryElements(of: outcome.category)
        let newDecision = decision
        let response = try await Inbox.once(key: context.idempotencyKey, method: "Classify", on: database) { connection in
            if let existing = try DecisionStore.find(callID: request.callID, on: connection) {
                return Fenliu_Classification_V1_ClassifyResponse.with { $0.decision = existing }
            }
            let stored = try DecisionStore.insert(newDecision, on: connection)
            if plan.routesNow {
                try outbox.enqueue(Self.routeRequest(stored, destinations: outcome.destinations, urgent: plan.isUrgent),
                                   to: .peer(.routing, path: RoutingAPI.route.path), on: connection)
            }
            try Self.attach(stored, elements: elements, outbox: outbox, on: connection)
            return Fenliu_Classification_V1_ClassifyResponse.with { $0.decision = stored }
        }
        outbox.committed()
        return response
    }

    func getDecision(_ request: Fenliu_Classification_V1_GetDecisionRequest) async throws -> Fenliu_Classification_V1_GetDecisionResponse {
        let callID = request.callID
        guard let decision = try await database.withConnection({ try DecisionStore.find(callID: callID, on: $0) }) else {
            throw ClassificationServiceError.decisionNotFound(callID)
        }
        return .with { $0.decision = decision }
    }

    func listReviewQueue(_ request: Fenliu_Classification_V1_ListReviewQueueRequest) async throws -> Fenliu_Classification_V1_ListReviewQueueResponse {
        let limit = request.pageSize <= 0 ? 20 : min(Int(request.pageSize), 100)
        let after = try PageToken.position(request.pageToken)
        let decisions = try await database.withConnection { try DecisionStore.reviewQueue(after: after, limit: limit + 1, on: $0) }
        return .with {
            $0.decisions = Array(decisions.prefix(limit))
            if decisions.count > limit, let last = $0.decisions.last {
                $0.nextPageToken = PageToken.encode(last.decidedAt.date, last.callID)
            }
        }
    }

    /// An operator confirms or corrects a decision. A held call is routed now; a call already routed
    /// for safety gets tickets only for destinations it did not reach yet: a review may add agencies,
    /// never silently withdraw an emergency dispatch (that is 110's call to make, not ours).
    func resolveReview(_ request: Fenliu_Classification_V1_ResolveReviewRequest) async throws -> Fenliu_Classification_V1_ResolveReviewResponse {
        guard !request.callID.isEmpty else { throw ConnectError.invalidArgument(field: "callId", "is required") }
        guard let category = Category(proto: request.category) else {
            throw ConnectError.invalidArgument(field: "category", "must be a catalogue category")
        }
        let requested = request.destinations.compactMap(Destination.init(proto:))
        guard requested.count == request.destinations.count else {
            throw ConnectError.invalidArgument(field: "destinations", "must be known destinations")
        }
        var chosen = requested.isEmpty ? [category.defaultDestination] : requested
        if category.isEmergencyService, !chosen.contains(category.defaultDestination) {
            chosen.insert(category.defaultDestination, at: 0)
        }
        let destinations = chosen
        guard !request.reviewerID.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ConnectError.invalidArgument(field: "reviewerId", "must name the operator")
        }
        let outbox = self.outbox
        let elements = engine.catalogue.inquiryElements(of: category)
        let resolved = try await database.transaction { connection in
            // Locked, so two operators (or a retried call) cannot both pass the pending check.
            guard var decision = try DecisionStore.find(callID: request.callID, forUpdate: true, on: connection) else {
                throw ClassificationServiceError.decisionNotFound(request.callID)
            }
            guard decision.state == .pendingReview || decision.state == .routedPendingReview else {
                throw ClassificationServiceError.notInReview(request.callID)
            }
            let alreadyRouted = decision.state == .routedPendingReview ? decision.destinations.compactMap(Destination.init(proto:)) : []
            let newDestinations = destinations.filter { !alreadyRouted.contains($0) }
            decision.category = category.proto
            decision.destinations = (alreadyRouted + newDestinations).map(\.proto)
            decision.needsReview = false
            decision.state = .reviewed
            decision.reviewedBy = request.reviewerID
            decision.reviewedAt = Google_Protobuf_Timestamp(date: Date())
            decision.reviewNote = request.note
            decision.evidence.append(.with { $0.kind = "review"; $0.text = request.reviewerID; $0.note = request.note })
            try DecisionStore.update(decision, on: connection)
            if !newDestinations.isEmpty {
                try outbox.enqueue(Self.routeRequest(decision, destinations: newDestinations, urgent: !decision.safetyFlags.isEmpty),
                                   to: .peer(.routing, path: RoutingAPI.route.path), on: connection)
            }
            try Self.attach(decision, elements: elements, outbox: outbox, on: connection)
            return decision
        }
        outbox.committed()
        return .with { $0.decision = resolved }
    }

    /// Tells intake the call's matter and the inquiry elements its template asks for.
    static func attach(
        _ decision: Fenliu_Classification_V1_Decision, elements: [Fenliu_Common_V1_InquiryElement], outbox: Outbox,
        on connection: PostgresConnection
    ) throws {
        try outbox.enqueue(Fenliu_Intake_V1_AttachClassificationRequest.with {
            $0.callID = decision.callID
            $0.category = decision.category
            $0.inquiryElements = elements
            $0.decidedAt = decision.hasReviewedAt ? decision.reviewedAt : decision.decidedAt
        }, to: .peer(.intake, path: IntakeAPI.attachClassification.path), on: connection)
    }

    static func routeRequest(_ decision: Fenliu_Classification_V1_Decision, destinations: [Destination], urgent: Bool) -> Fenliu_Routing_V1_RouteRequest {
        Fenliu_Routing_V1_RouteRequest.with {
            $0.callID = decision.callID
            $0.category = decision.category
            $0.destinations = destinations.map(\.proto)
            $0.district = decision.district
            $0.channel = decision.channel
            $0.urgent = urgent
            $0.summary = String(decision.description_p.prefix(500))
            if decision.hasReceivedAt { $0.receivedAt = decision.receivedAt }
            $0.duplicateOf = decision.duplicateOf
            $0.needsReview = decision.state == .routedPendingReview
        }
    }
}
