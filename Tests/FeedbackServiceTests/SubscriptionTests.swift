import FenliuModel
import Foundation
import RPC
import ServiceSupport
import SwiftProtobuf
import TestSupport
import Testing

@testable import FeedbackService

@Suite("Feedback: status pushed to every subscriber, in order")
struct SubscriptionTests {
    func subscribe(_ feedback: FeedbackHarness, _ url: String, channel: Fenliu_Common_V1_Channel = .unspecified, department: String = "")
        async throws -> Fenliu_Feedback_V1_Subscription
    {
        try await feedback.client.call(
            FeedbackAPI.subscribe,
            .with {
                $0.url = url
                $0.secret = "status-secret-0123456789"
                $0.channel = channel
                $0.departmentID = department
            }
        ).subscription
    }

    /// The notices a receiver accepted, decoded, in arrival order.
    func notices(_ receiver: StandInWebhookReceiver, _ system: String) -> [Fenliu_Feedback_V1_StatusNotice] {
        receiver.accepted(by: system).compactMap { try? Fenliu_Feedback_V1_StatusNotice(jsonUTF8Bytes: $0.body) }
    }

    @Test("every change reaches the channel's and the department's subscribers, signed; retried while a receiver is down, in order per ticket")
    func pushedInOrder() async throws {
        let receiver = StandInWebhookReceiver()
        try await RunningApplication.with(router: receiver.router) { base in
            try await FeedbackHarness.with { feedback in
                let channel = try await subscribe(feedback, base + "/hooks/status-110", channel: .channel110)
                #expect(channel.hasSecret_p)
                _ = try await subscribe(feedback, base + "/hooks/dept", department: "510104-cgj")
                _ = try await subscribe(feedback, base + "/hooks/other", channel: .channel12345)
                try await feedback.track("sub-1")
                #expect(await eventually { notices(receiver, "status-110").count == 1 && notices(receiver, "dept").count == 1 })

                // The 110 system goes down while the ticket moves on; it gets everything, in order.
                receiver.answer(503, for: "status-110")
                try await feedback.report("sub-1", .accepted)
                try await feedback.report("sub-1", .inProgress, note: "现场处置中")
                try await feedback.report("sub-1", .inProgress, note: "已清理一半")
                try await feedback.report("sub-1", .resolved, note: "已清理完毕")
                #expect(await eventually { receiver.refusals(by: "status-110") >= 1 })
                receiver.answer(nil, for: "status-110")
                #expect(await eventually { notices(receiver, "status-110").count == 5 })
                let received = notices(receiver, "status-110")
                #expect(received.map(\.event.sequence) == [1, 2, 3, 4, 5])
                #expect(received.map(\.event.state) == [.dispatched, .accepted, .inProgress, .inProgress, .resolved])
                #expect(received.last?.ticket.result == "已清理完毕")
                #expect(received.allSatisfy { $0.subscriptionID == channel.id })
                let delivery = try #require(receiver.accepted(by: "status-110").first)
                #expect(WebhookSignature.verify(header: delivery.signature, body: delivery.body, secret: "status-secret-0123456789"))
                #expect(notices(receiver, "other").isEmpty)
            }
        }
    }

    @Test("the supervising office's subscription hears overdue notices; an unsubscribed system hears nothing more")
    func supervisorAndUnsubscribe() async throws {
        let receiver = StandInWebhookReceiver()
        try await RunningApplication.with(router: receiver.router) { base in
            try await FeedbackHarness.with { feedback in
                _ = try await subscribe(feedback, base + "/hooks/centre", department: "municipal-12345")
                let holder = try await subscribe(feedback, base + "/hooks/dept", department: "510104-cgj")
                try await feedback.track("sub-2", signFor: 600)
                feedback.clock.advance(by: 700)
                #expect(await eventually { notices(receiver, "centre").contains { $0.event.kind == .overdue } })
                #expect(!notices(receiver, "centre").contains { $0.event.kind == .stateChanged })
                _ = try await feedback.client.call(FeedbackAPI.unsubscribe, .with { $0.id = holder.id })
                let before = notices(receiver, "dept").count
                try await feedback.report("sub-2", .accepted)
                try await Task.sleep(for: .milliseconds(400))
                #expect(notices(receiver, "dept").count == before)
                let listed = try await feedback.client.call(FeedbackAPI.listSubscriptions, .init()).subscriptions
                #expect(listed.count == 1)
            }
        }
    }

    @Test("a subscription needs a URL, a secret and exactly one scope")
    func badSubscriptions() async throws {
        try await FeedbackHarness.with { feedback in
            let none = await #expect(throws: ConnectError.self) {
                try await feedback.client.call(
                    FeedbackAPI.subscribe,
                    .with {
                        $0.url = "ftp://x"; $0.secret = "short"
                    })
            }
            #expect(Set(none?.fieldViolations.map(\.field) ?? []) == ["url", "secret", "channel"])
            let two = await #expect(throws: ConnectError.self) {
                try await feedback.client.call(
                    FeedbackAPI.subscribe,
                    .with {
                        $0.url = "http://x/h"; $0.secret = "0123456789abcdef"; $0.channel = .channel110; $0.callID = "c"
                    })
            }
            #expect(two?.fieldViolations.map(\.field) == ["channel"])
            // A cloud's metadata service, or any link-local or unspecified address, is no subscriber;
            // loopback is (the local stack's receiver).
            for url in ["http://169.254.169.254/latest", "http://[fe80::1]/h", "http://0.0.0.0:8090/h", "http://[::ffff:169.254.1.1]/h"] {
                let inside = await #expect(throws: ConnectError.self, "\(url)") {
                    try await feedback.client.call(
                        FeedbackAPI.subscribe,
                        .with {
                            $0.url = url; $0.secret = "0123456789abcdef"; $0.channel = .channel110
                        })
                }
                #expect(inside?.fieldViolations.map(\.field) == ["url"], "\(url)")
            }
            _ = try await feedback.client.call(
                FeedbackAPI.subscribe,
                .with {
                    $0.url = "http://127.0.0.1:8090/hooks/x"; $0.secret = "0123456789abcdef"; $0.channel = .channel110
                })
        }
    }

    @Test("ListEvents hands out everything after a cursor, once, for systems that poll")
    func eventFeed() async throws {
        try await FeedbackHarness.with { feedback in
            try await feedback.track("feed-1")
            try await feedback.track("feed-2", origin: .channel12345)
            try await feedback.report("feed-1", .accepted)
            let first = try await feedback.client.call(FeedbackAPI.listEvents, .with { $0.pageSize = 2 })
            #expect(first.events.count == 2)
            let rest = try await feedback.client.call(
                FeedbackAPI.listEvents,
                .with {
                    $0.pageSize = 2; $0.cursor = first.nextCursor
                })
            #expect(rest.events.map(\.ticketID) == ["feed-1"])
            let nothing = try await feedback.client.call(
                FeedbackAPI.listEvents,
                .with {
                    $0.pageSize = 2; $0.cursor = rest.nextCursor
                })
            #expect(nothing.events.isEmpty)
            #expect(nothing.nextCursor == rest.nextCursor)
            try await feedback.report("feed-2", .accepted)
            // The feed holds an event back while any older transaction in the cluster still runs
            // (another suite's, in a parallel test run): a poller sees it on a later poll.
            var more = Fenliu_Feedback_V1_ListEventsResponse()
            for _ in 0..<50 {
                more = try await feedback.client.call(
                    FeedbackAPI.listEvents,
                    .with {
                        $0.pageSize = 2; $0.cursor = nothing.nextCursor
                    })
                if !more.events.isEmpty { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(more.events.map(\.ticketID) == ["feed-2"])
            let only12345 = try await feedback.client.call(FeedbackAPI.listEvents, .with { $0.origin = .channel12345 })
            #expect(Set(only12345.events.map(\.ticketID)) == ["feed-2"])
            let forged = await #expect(throws: ConnectError.self) {
                try await feedback.client.call(
                    FeedbackAPI.listEvents,
                    .with {
                        $0.cursor = first.nextCursor; $0.origin = .channel110
                    })
            }
            #expect(forged?.fieldViolations.first?.field == "cursor")
        }
    }
}
