import FenliuModel
import Foundation
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf

extension FeedbackHandlers {
    /// `Subscribe`: a system registers a webhook for the tickets of a channel's calls, of a
    /// department (the holder's, or — for the 12345 centre and 110 — those it supervises), or of one
    /// call. Every event from then on is delivered to it, signed with its secret, in order per ticket.
    func subscribe(_ request: Fenliu_Feedback_V1_SubscribeRequest, context: RPCContext) async throws -> Fenliu_Feedback_V1_SubscribeResponse {
        var violations = [FieldViolation]()
        let url = request.url.trimmingCharacters(in: .whitespaces)
        if let violation = FieldViolation.webhookURL(url, field: "url") { violations.append(violation) }
        if request.secret.count < 16 || request.secret.count > 256 {
            violations.append(FieldViolation(field: "secret", description: "must be 16 to 256 characters: it signs every delivery"))
        }
        var scopes = [Subscription.Scope]()
        if request.channel != .unspecified {
            if let channel = Channel(proto: request.channel) {
                scopes.append(.channel(channel))
            } else {
                violations.append(FieldViolation(field: "channel", description: "is not a channel"))
            }
        }
        let department = request.departmentID.trimmingCharacters(in: .whitespaces)
        if !department.isEmpty { scopes.append(.department(department)) }
        let call = request.callID.trimmingCharacters(in: .whitespaces)
        if !call.isEmpty { scopes.append(.call(call)) }
        if scopes.count != 1 && violations.allSatisfy({ $0.field != "channel" }) {
            violations.append(FieldViolation(field: "channel", description: "give exactly one of channel, departmentId or callId"))
        }
        guard violations.isEmpty, let scope = scopes.first else { throw FeedbackError.invalidFields(violations) }
        let subscription = Subscription(id: UUID().uuidString.lowercased(), url: url, scope: scope, createdAt: configuration.clock.now())
        let secret = request.secret
        let visibility = Visibility.current
        try await database.withConnection { connection in
            // A key follows only what it may see: its own channel, its own department, or a call
            // whose tickets it may see.
            switch scope {
            case .channel(let channel) where !visibility.sees(channel: channel):
                throw ConnectError(.permissionDenied, "this key may not follow the calls of \(channel.code)")
            case .department(let department) where !visibility.sees(department: department, channel: nil):
                throw ConnectError(.permissionDenied, "this key may not follow the tickets of \(department)")
            case .call(let call) where !visibility.isUnrestricted:
                let tickets = try TicketStore.forCall(call, on: connection)
                guard tickets.contains(where: { visibility.sees(department: $0.departmentID, channel: $0.origin) }) else {
                    throw ConnectError(.permissionDenied, "this key may not follow call \(call)")
                }
            default:
                break
            }
            try SubscriptionStore.insert(subscription, secret: secret, createdBy: Principal.current?.owner ?? "", on: connection)
        }
        return .with { $0.subscription = subscription.proto }
    }

    /// Whose subscriptions the caller may list and remove (`SubscriptionStore.Holder`), or `nil` for
    /// all (a key that sees everything, or keys off).
    private static var subscriptionHolder: SubscriptionStore.Holder? {
        guard let principal = Principal.current, !principal.seesEverything else { return nil }
        let visibility = Visibility.current
        return SubscriptionStore.Holder(owner: principal.owner, channels: visibility.channelArray, departments: visibility.departmentArray)
    }

    /// `Unsubscribe`: no more deliveries; those not delivered yet are withdrawn. A restricted key
    /// removes only what its owner subscribed, or a default feed of its own line or department;
    /// another's is `not_found`, so ids cannot be probed.
    func unsubscribe(_ request: Fenliu_Feedback_V1_UnsubscribeRequest, context: RPCContext) async throws -> Fenliu_Feedback_V1_UnsubscribeResponse {
        guard !request.id.isEmpty else { throw FeedbackError.invalidField("id", "is required") }
        let holder = Self.subscriptionHolder
        try await database.transaction { connection in
            guard try SubscriptionStore.delete(request.id, holder: holder, on: connection) else {
                throw FeedbackError.subscriptionNotFound(request.id)
            }
            try Outbox.cancel(subscriber: request.id, on: connection)
        }
        return .init()
    }

    /// `ListSubscriptions`: a restricted key's own; every one for a key that sees everything.
    func listSubscriptions(
        _ request: Fenliu_Feedback_V1_ListSubscriptionsRequest, context: RPCContext
    ) async throws -> Fenliu_Feedback_V1_ListSubscriptionsResponse {
        let holder = Self.subscriptionHolder
        let subscriptions = try await database.withConnection { try SubscriptionStore.all(holder: holder, on: $0) }
        return .with { $0.subscriptions = subscriptions.map(\.proto) }
    }
}
