import FenliuModel
import Foundation
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf

extension ClassificationHandlers {
    /// Decisions waiting for an operator, oldest first.
    func listReviewQueue(
        _ request: Fenliu_Classification_V1_ListReviewQueueRequest, context: RPCContext
    ) async throws -> Fenliu_Classification_V1_ListReviewQueueResponse {
        let limit = try PageSize.resolve(request.pageSize, default: 20, maximum: 100)
        let after = try PageToken.decode(request.pageToken, kinds: [.time, .text])
        let decisions = try await database.withConnection { try DecisionStore.reviewQueue(after: after, limit: limit + 1, on: $0) }
        return .with {
            $0.decisions = Array(decisions.prefix(limit))
            if decisions.count > limit, let last = $0.decisions.last {
                $0.nextPageToken = PageToken(position: [.time(last.decidedAt.date), .text(last.callID)]).encoded
            }
        }
    }

    /// An operator confirms or corrects a decision. A held call is routed now; a call already routed
    /// for safety gets tickets only for destinations it did not reach yet: a review may add agencies,
    /// never silently withdraw an emergency dispatch (that is 110's call to make, not ours). Each
    /// review raises the decision's revision, so intake keeps the newest whatever order the
    /// hand-offs arrive in.
    func resolveReview(
        _ request: Fenliu_Classification_V1_ResolveReviewRequest, context: RPCContext
    ) async throws -> Fenliu_Classification_V1_ResolveReviewResponse {
        var violations = [FieldViolation]()
        if request.callID.isEmpty { violations.append(FieldViolation(field: "callId", description: "is required")) }
        let category = Category(proto: request.category)
        if category == nil { violations.append(FieldViolation(field: "category", description: "must be a catalogue category")) }
        let requested = request.destinations.compactMap(Destination.init(proto:))
        if requested.count != request.destinations.count {
            violations.append(FieldViolation(field: "destinations", description: "must be known destinations"))
        }
        if request.reviewerID.trimmingCharacters(in: .whitespaces).isEmpty {
            violations.append(FieldViolation(field: "reviewerId", description: "must name the operator"))
        }
        guard violations.isEmpty, let category else { throw ClassificationError.invalidFields(violations) }
        var chosen = requested.isEmpty ? [category.defaultDestination] : requested
        if category.isEmergencyService, !chosen.contains(category.defaultDestination) {
            chosen.insert(category.defaultDestination, at: 0)
        }
        let destinations = chosen
        let reporter = self.reporter
        let elements = engine.catalogue.inquiryElements(of: category)
        let resolved = try await database.transaction { connection in
            // Locked, so two operators (or a retried call) cannot both pass the pending check.
            guard var decision = try DecisionStore.find(callID: request.callID, forUpdate: true, on: connection) else {
                throw ClassificationError.decisionNotFound(callID: request.callID)
            }
            guard decision.state == .pendingReview || decision.state == .routedPendingReview else {
                throw ClassificationError.notInReview(callID: request.callID)
            }
            try AuditTrail.record("review.resolved", target: request.callID, detail: category.code, on: connection)
            let before = decision
            let alreadyRouted = decision.state == .routedPendingReview ? decision.destinations.compactMap(Destination.init(proto:)) : []
            let newDestinations = destinations.filter { !alreadyRouted.contains($0) }
            decision.classified = .with {
                $0.category = before.category
                $0.destinations = before.destinations
                $0.confidence = before.confidence
                $0.state = before.state
            }
            decision.category = category.proto
            decision.destinations = (alreadyRouted + newDestinations).map(\.proto)
            decision.needsReview = false
            decision.state = .reviewed
            decision.reviewedBy = request.reviewerID
            decision.reviewedAt = Google_Protobuf_Timestamp(date: Date())
            decision.reviewNote = request.note
            decision.revision = max(decision.revision, 1) + 1
            decision.evidence.append(
                .with {
                    $0.kind = "review"; $0.text = request.reviewerID; $0.note = request.note
                })
            try DecisionStore.update(decision, on: connection)
            var batch = Outbox.Batch()
            if !newDestinations.isEmpty {
                try batch.add(RoutingAPI.route, Self.routeRequest(decision, destinations: newDestinations, urgent: !decision.safetyFlags.isEmpty))
            }
            try batch.add(IntakeAPI.attachClassification, Self.attachment(decision, elements: elements))
            var reviewed = reporter.event("call.reviewed", key: [decision.callID, String(decision.revision)], at: decision.reviewedAt.date)
            reviewed.callID = decision.callID
            reviewed.category = decision.category
            reviewed.channel = decision.channel
            reviewed.district = decision.district
            reviewed.attributes["destinations"] = decision.destinations.compactMap { Destination(proto: $0)?.code }.joined(separator: ",")
            reviewed.attributes["previous_category"] = Category(proto: before.category)?.code ?? ""
            let changed = before.category != decision.category || Set(before.destinations) != Set(decision.destinations)
            reviewed.attributes["changed"] = changed ? "true" : "false"
            try reporter.add([reviewed], to: &batch)
            try batch.write(on: connection)
            return decision
        }
        return .with { $0.decision = resolved }
    }
}
