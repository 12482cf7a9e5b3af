import FenliuModel
import Foundation
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf

/// The Connect methods of `fenliu.classification.v1.ClassificationService`: decisions here, the
/// review queue in `+Review`, the catalogue in `+Catalogue`.
struct ClassificationHandlers: ClassificationServiceHandler {
    /// The model and the catalogue in use.
    let engine: ClassifierEngine
    /// The classification schema.
    let database: PostgresPool
    /// Catalogue versions.
    let catalogues: CatalogueStore
    /// Tells reporting what was decided (in the decision's transaction).
    let reporter: EventReporter

    func classifyText(
        _ request: Fenliu_Classification_V1_ClassifyTextRequest, context: RPCContext
    ) async throws -> Fenliu_Classification_V1_ClassifyTextResponse {
        // Any spelling intake takes (code, name, Traditional, former name) is read as the area's code;
        // anything else is refused rather than echoed back as if it were a place.
        var district: String?
        if !request.district.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            guard let known = DistrictResolver.resolve(request.district) else {
                throw ClassificationError.invalidFields([
                    FieldViolation(field: "district", description: DistrictResolver.unknownDistrict)
                ])
            }
            district = known.code
        }
        let input = ClassificationInput(
            description: request.description_p, channel: Channel(proto: request.channel), district: district,
            chosenCategory: Category(proto: request.categoryHint)
        )
        do {
            let (outcome, catalogue) = try engine.classify(input)
            return Fenliu_Classification_V1_ClassifyTextResponse(
                outcome, catalogueVersion: catalogue.version, divertThreshold: engine.divertThreshold(under: catalogue))
        } catch {
            throw ClassificationError.invalidDescription(error)
        }
    }

    /// The hand-off from intake: decide, store, and pass on through the outbox, once per call. A
    /// call that already has a decision (a retried hand-off without its key, or two deliveries at
    /// once) gets that decision back and hands nothing on again.
    func classify(
        _ request: Fenliu_Classification_V1_ClassifyRequest, context: RPCContext
    ) async throws -> Effect<Fenliu_Classification_V1_ClassifyResponse> {
        guard !request.callID.isEmpty else {
            throw ClassificationError.invalidFields([FieldViolation(field: "callId", description: "is required")])
        }
        let channel = Channel(proto: request.channel)
        let input = ClassificationInput(
            description: request.description_p, channel: channel, district: request.district.isEmpty ? nil : request.district,
            chosenCategory: Category(proto: request.categoryHint)
        )
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
        decision.divertThreshold = engine.divertThreshold(under: catalogue)
        decision.state = !plan.needsReview ? .decided : (plan.routesNow ? .routedPendingReview : .pendingReview)
        decision.decidedAt = Google_Protobuf_Timestamp(date: Date())
        decision.channel = request.channel
        decision.district = request.district
        decision.description_p = request.description_p
        decision.duplicateOf = request.duplicateOf
        decision.revision = 1
        if request.hasReceivedAt { decision.receivedAt = request.receivedAt }

        let reporter = self.reporter
        let elements = catalogue.inquiryElements(of: outcome.category)
        let newDecision = decision
        return Effect { connection in
            let (stored, isNew) = try DecisionStore.insert(newDecision, on: connection)
            if isNew {
                // The hand-offs and the event, in one statement.
                var batch = Outbox.Batch()
                if plan.routesNow {
                    try batch.add(RoutingAPI.route, Self.routeRequest(stored, destinations: outcome.destinations, urgent: plan.isUrgent))
                }
                try batch.add(IntakeAPI.attachClassification, Self.attachment(stored, elements: elements))
                try reporter.add([Self.classifiedEvent(stored, reporter: reporter)], to: &batch)
                try batch.write(on: connection)
            }
            return Fenliu_Classification_V1_ClassifyResponse.with { $0.decision = stored }
        }
    }

    func getDecision(
        _ request: Fenliu_Classification_V1_GetDecisionRequest, context: RPCContext
    ) async throws -> Fenliu_Classification_V1_GetDecisionResponse {
        let callID = request.callID
        // Another line's decision is not found, so ids cannot be probed.
        guard let decision = try await database.withConnection({ try DecisionStore.find(callID: callID, on: $0) }),
            Visibility.current.isUnrestricted || Principal.current?.has(.reviewer) == true
                || Visibility.current.sees(channel: Channel(proto: decision.channel))
        else {
            throw ClassificationError.decisionNotFound(callID: callID)
        }
        return .with { $0.decision = decision }
    }

    /// What intake is told of a decision: the call's matter and the inquiry elements its template
    /// asks for.
    static func attachment(
        _ decision: Fenliu_Classification_V1_Decision, elements: [Fenliu_Common_V1_InquiryElement]
    ) -> Fenliu_Intake_V1_AttachClassificationRequest {
        .with {
            $0.callID = decision.callID
            $0.category = decision.category
            $0.inquiryElements = elements
            $0.decidedAt = decision.hasReviewedAt ? decision.reviewedAt : decision.decidedAt
            $0.revision = decision.revision
        }
    }

    /// What routing receives for a decision.
    static func routeRequest(
        _ decision: Fenliu_Classification_V1_Decision, destinations: [Destination], urgent: Bool
    ) -> Fenliu_Routing_V1_RouteRequest {
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

    /// What reporting learns of a decision: the matter, every destination, whether it waits for review.
    static func classifiedEvent(_ decision: Fenliu_Classification_V1_Decision, reporter: EventReporter) -> Fenliu_Reporting_V1_Event {
        var event = reporter.event("call.classified", key: [decision.callID], at: decision.decidedAt.date)
        event.callID = decision.callID
        event.category = decision.category
        event.channel = decision.channel
        event.district = decision.district
        event.attributes["destinations"] = decision.destinations.compactMap { Destination(proto: $0)?.code }.joined(separator: ",")
        event.attributes["needs_review"] = decision.needsReview ? "true" : "false"
        event.attributes["confidence"] = String(format: "%.3f", decision.confidence)
        return event
    }
}
