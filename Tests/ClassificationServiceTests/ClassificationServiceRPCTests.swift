import ClassificationService
import FenliuModel
import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf
import Synchronization
import TestSupport
import Testing

@Suite("Classification service over Connect, with a real PostgreSQL")
struct ClassificationServiceRPCTests {
    let http = TestHTTP.client

    /// Runs classification against one stand-in for routing and intake that takes every hand-off.
    func withService(_ body: (RPCClient, StandInPeer, PostgresPool) async throws -> Void) async throws {
        let recorder = StandInPeer()
        recorder.accept(RoutingAPI.route)
        recorder.accept(IntakeAPI.attachClassification)
        recorder.accept(ReportingAPI.ingestEvents)
        try await RunningApplication.with(router: recorder.router) { peers in
            try await TestService.with(ClassificationModule.self, peers: [.routing: peers, .intake: peers, .reporting: peers]) { base, database in
                try await body(RPCClient(baseURL: base, httpClient: http, timeout: TestHTTP.rpcTimeout), recorder, database)
            }
        }
    }

    @Test("ClassifyText explains a safety-rule decision and a diversion")
    func classifyText() async throws {
        try await withService { client, _, _ in
            let danger = try await client.call(
                ClassificationAPI.classifyText,
                .with {
                    $0.description_p = "来电人反映：包工头拖欠工资三个月，现在有工人站在楼顶扬言要跳下去"
                    $0.channel = .channel12345
                })
            #expect(danger.category == .emergencyHelp)
            #expect(danger.destinations.first == .police110)
            #expect(danger.safetyFlags.contains(.threatToLife))
            #expect(danger.evidence.contains { $0.kind == "safety_rule" })
            #expect(danger.catalogueVersion == "2026.1")
            #expect(!danger.modelVersion.isEmpty)

            let streetlight = try await client.call(
                ClassificationAPI.classifyText,
                .with {
                    $0.description_p = "市民来电反映：青羊区光华村街口的路灯坏了一个多星期，晚上很黑，请求维修"
                    $0.channel = .channel12345
                })
            #expect(streetlight.category == .publicFacilities)
            #expect(streetlight.destinations == [.hotline12345])
            #expect(streetlight.safetyFlags.isEmpty)

            let empty = await #expect(throws: ConnectError.self) {
                try await client.call(ClassificationAPI.classifyText, .with { $0.description_p = "  \n\t " })
            }
            #expect(empty?.code == .invalidArgument)
            #expect(empty?.fieldViolations.first?.field == "description")

            // A district is any spelling intake reads (code, name, Traditional); anything else is refused.
            for district in ["510104", "锦江区", "錦江區", "cdgx"] {
                _ = try await client.call(
                    ClassificationAPI.classifyText,
                    .with {
                        $0.description_p = "路灯坏了"
                        $0.district = district
                    })
            }
            let nowhere = await #expect(throws: ConnectError.self) {
                try await client.call(
                    ClassificationAPI.classifyText,
                    .with {
                        $0.description_p = "路灯坏了"
                        $0.district = "Atlantis"
                    })
            }
            #expect(nowhere?.code == .invalidArgument)
            #expect(nowhere?.fieldViolations.map(\.field) == ["district"])
        }
    }

    @Test("a confident diversion is stored, routed and attached to the call, once")
    func handOff() async throws {
        try await withService { client, recorder, database in
            let request = Fenliu_Classification_V1_ClassifyRequest.with {
                $0.callID = "call-a"
                $0.description_p = "来电人反映：锦江区东大街某小区门口的垃圾三天没有人清运，臭气熏天"
                $0.channel = .channel12345
                $0.district = "510104"
            }
            let first = try await client.call(ClassificationAPI.classify, request, headers: [("Idempotency-Key", "k-1")])
            #expect(first.decision.state == .decided)
            #expect(first.decision.category == .cityAppearance)
            #expect(await eventually { recorder.calls(to: RoutingAPI.route).count == 1 && recorder.calls(to: IntakeAPI.attachClassification).count == 1 })
            let route = try #require(recorder.calls(to: RoutingAPI.route).first)
            #expect(route.request.callID == "call-a")
            #expect(route.request.destinations == [.hotline12345])
            #expect(route.request.district == "510104")
            #expect(UUID(uuidString: route.key) != nil)
            #expect(recorder.calls(to: IntakeAPI.attachClassification).first?.request.inquiryElements.isEmpty == false)

            // The same hand-off again (same key, or a new key): one decision, no second route.
            let again = try await client.call(ClassificationAPI.classify, request, headers: [("Idempotency-Key", "k-1")])
            let other = try await client.call(ClassificationAPI.classify, request, headers: [("Idempotency-Key", "k-2")])
            #expect(again.decision == first.decision)
            #expect(other.decision == first.decision)
            try await Task.sleep(for: .milliseconds(300))
            #expect(recorder.calls(to: RoutingAPI.route).count == 1)
            let stored = try await client.call(ClassificationAPI.getDecision, .with { $0.callID = "call-a" })
            #expect(stored.decision.catalogueVersion == "2026.1")
            #expect(try await database.query("SELECT count(*) AS n FROM decisions").first?.decode("n", as: Int.self) == 1)
        }
    }

    @Test("the category a reporter chose is weighed as evidence; the safety rule still reads the text")
    func reporterChoice() async throws {
        try await withService { client, _, _ in
            let toilet = try await client.call(
                ClassificationAPI.classifyText,
                .with {
                    $0.description_p = "WC closed again, gongce men suo le, 3 days"
                    $0.channel = .open311
                    $0.categoryHint = .publicFacilities
                })
            #expect(toilet.category == .publicFacilities)
            #expect(toilet.evidence.contains { $0.kind == "reporter_choice" && $0.text == "PUBLIC_FACILITIES" })
            let danger = try await client.call(
                ClassificationAPI.classifyText,
                .with {
                    $0.description_p = "公厕门坏了，有个老人被困在里面出不来，已经昏迷"
                    $0.channel = .open311
                    $0.categoryHint = .publicFacilities
                })
            #expect(danger.destinations.contains { $0 == .police110 || $0 == .medical120 })
            #expect(!danger.safetyFlags.isEmpty)
        }
    }

    @Test("the same hand-off delivered ten times at once, without a key, is decided and handed on once")
    func concurrentHandOffsWithoutKey() async throws {
        try await withService { client, recorder, database in
            let request = Fenliu_Classification_V1_ClassifyRequest.with {
                $0.callID = "call-twice"
                $0.description_p = "来电人反映：武侯区玉林北路路灯坏了一个多星期"
                $0.channel = .channel12345
                $0.district = "510107"
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 1...10 { group.addTask { _ = try await client.call(ClassificationAPI.classify, request) } }
                try await group.waitForAll()
            }
            let queued = try await database.query("SELECT count(*) AS n FROM outbox WHERE target = 'routing'").first?.decode("n", as: Int.self)
            #expect(queued == 1)
            #expect(await eventually { recorder.calls(to: RoutingAPI.route).count == 1 })
            try await Task.sleep(for: .milliseconds(300))
            #expect(recorder.calls(to: RoutingAPI.route).count == 1)
            #expect(recorder.calls(to: IntakeAPI.attachClassification).count == 1)
        }
    }

    @Test("danger is routed at once and urgently, to every agency the facts need")
    func dangerRoutesAtOnce() async throws {
        try await withService { client, recorder, _ in
            let response = try await client.call(
                ClassificationAPI.classify,
                .with {
                    $0.callID = "call-fire"
                    $0.description_p = "报警人称：成华区建设路一居民楼三楼起火，浓烟很大，有一名老人被烧伤，还有人被困在楼上"
                    $0.channel = .channel110
                })
            #expect(response.decision.category == .fire)
            #expect(response.decision.state == .decided || response.decision.state == .routedPendingReview)
            #expect(await eventually { !recorder.calls(to: RoutingAPI.route).isEmpty })
            let route = try #require(recorder.calls(to: RoutingAPI.route).first?.request)
            #expect(route.urgent)
            #expect(route.destinations.first == .fire119)
            #expect(Set(route.destinations).isSuperset(of: [.fire119, .medical120]))
        }
    }

    @Test("an unsure 12345 matter waits for review, then flows on as the operator decides")
    func reviewQueue() async throws {
        try await withService { client, recorder, _ in
            let held = try await client.call(
                ClassificationAPI.classify,
                .with {
                    $0.callID = "call-unsure"
                    $0.description_p = "13800001111 12345"
                    $0.channel = .channel12345
                })
            #expect(held.decision.needsReview)
            #expect(held.decision.state == .pendingReview)
            let queue = try await client.call(ClassificationAPI.listReviewQueue, .init())
            #expect(queue.decisions.map(\.callID) == ["call-unsure"])
            try await Task.sleep(for: .milliseconds(300))
            #expect(recorder.calls(to: RoutingAPI.route).isEmpty)

            let resolved = try await client.call(
                ClassificationAPI.resolveReview,
                .with {
                    $0.callID = "call-unsure"
                    $0.category = .marketRegulation
                    $0.reviewerID = "op-7"
                    $0.note = "回电确认：健身房预付卡退费"
                })
            #expect(resolved.decision.state == .reviewed)
            #expect(resolved.decision.reviewedBy == "op-7")
            #expect(resolved.decision.destinations == [.hotline12345])
            // The classifier's own decision is kept beside the operator's.
            #expect(!held.decision.hasClassified)
            #expect(resolved.decision.classified.category == held.decision.category)
            #expect(resolved.decision.classified.destinations == held.decision.destinations)
            #expect(resolved.decision.classified.state == .pendingReview)
            let stored = try await client.call(ClassificationAPI.getDecision, .with { $0.callID = "call-unsure" }).decision
            #expect(stored.classified == resolved.decision.classified)
            #expect(await eventually { recorder.calls(to: RoutingAPI.route).count == 1 })
            #expect(try await client.call(ClassificationAPI.listReviewQueue, .init()).decisions.isEmpty)
            // Intake learns each decision with its revision: the review outranks the first decision
            // whatever order the two hand-offs arrive in.
            #expect(await eventually { recorder.calls(to: IntakeAPI.attachClassification).count == 2 })
            #expect(Set(recorder.calls(to: IntakeAPI.attachClassification).map(\.request.revision)) == [1, 2])
            #expect(resolved.decision.revision == 2)
            // Reporting hears both: the decision that waited for review, and the review.
            #expect(await eventually { recorder.calls(to: ReportingAPI.ingestEvents).flatMap(\.request.events).count == 2 })
            let events = recorder.calls(to: ReportingAPI.ingestEvents).flatMap(\.request.events)
            let classified = try #require(events.first { $0.type == "call.classified" })
            #expect(classified.id == "classification:call.classified:call-unsure")
            #expect(classified.source == "classification")
            #expect(classified.attributes["needs_review"] == "true")
            let reviewed = try #require(events.first { $0.type == "call.reviewed" })
            #expect(reviewed.category == .marketRegulation)
            #expect(reviewed.attributes["destinations"] == "HOTLINE_12345")
            #expect(reviewed.attributes["changed"] == (held.decision.category == .marketRegulation ? "false" : "true"))
            #expect(events.allSatisfy { !$0.attributes.values.contains { $0.contains("13800001111") } }, "no phone number reaches reporting")
            let twice = await #expect(throws: ConnectError.self) {
                try await client.call(
                    ClassificationAPI.resolveReview,
                    .with {
                        $0.callID = "call-unsure"; $0.category = .otherService; $0.reviewerID = "op-7"
                    })
            }
            #expect(twice?.code == .failedPrecondition)
            let missing = await #expect(throws: ConnectError.self) {
                try await client.call(ClassificationAPI.getDecision, .with { $0.callID = "nope" })
            }
            #expect(missing?.code == .notFound)
        }
    }

    @Test("catalogue versions: publishing validates, and past decisions keep their version")
    func catalogueVersions() async throws {
        try await withService { client, _, _ in
            let current = try await client.call(ClassificationAPI.getCatalogue, .init()).catalogue
            #expect(current.version == "2026.1")
            #expect(current.categories.count == 16)
            _ = try await client.call(
                ClassificationAPI.classify,
                .with {
                    $0.callID = "before"; $0.description_p = "来电人反映：小区楼下烧烤摊占道经营到凌晨"; $0.channel = .channel12345
                })

            var unsafe = current
            unsafe.version = "2026.2"
            unsafe.publishedBy = "catalogue-admin"
            if let index = unsafe.categories.firstIndex(where: { $0.category == .fire }) {
                unsafe.categories[index].defaultDestinations = [.hotline12345]
            }
            let refused = await #expect(throws: ConnectError.self) {
                try await client.call(ClassificationAPI.publishCatalogue, .with { $0.catalogue = unsafe })
            }
            #expect(refused?.code == .invalidArgument)
            #expect(refused?.fieldViolations.first?.field.hasSuffix("defaultDestinations") == true)
            // Nor may a catalogue demote an emergency destination, regroup a category, or carry control characters.
            var subtle = current
            subtle.version = "2026.2\n"
            subtle.publishedBy = "catalogue-admin"
            let medical = try #require(subtle.categories.firstIndex { $0.category == .medical })
            let fire = try #require(subtle.categories.firstIndex { $0.category == .fire })
            subtle.categories[medical].defaultDestinations = [.hotline12345, .medical120]
            subtle.categories[fire].group = "non-police"
            subtle.categories[0].keywords.append("路灯\n")
            let subtleRefusal = await #expect(throws: ConnectError.self) {
                try await client.call(ClassificationAPI.publishCatalogue, .with { $0.catalogue = subtle })
            }
            #expect(
                Set(subtleRefusal?.fieldViolations.map(\.field) ?? []) == [
                    "catalogue.version", "catalogue.categories[\(medical)].defaultDestinations", "catalogue.categories[\(fire)].group",
                    "catalogue.categories[0].keywords[\(subtle.categories[0].keywords.count - 1)]",
                ])

            var next = current
            next.version = "2026.2"
            next.publishedBy = "catalogue-admin"
            next.categories[0].keywords.append("路灯不亮了")
            let published = try await client.call(ClassificationAPI.publishCatalogue, .with { $0.catalogue = next }).catalogue
            #expect(published.version == "2026.2")
            #expect(try await client.call(ClassificationAPI.getCatalogue, .init()).catalogue.version == "2026.2")
            #expect(try await client.call(ClassificationAPI.getCatalogue, .with { $0.version = "2026.1" }).catalogue.version == "2026.1")
            let duplicate = await #expect(throws: ConnectError.self) {
                try await client.call(ClassificationAPI.publishCatalogue, .with { $0.catalogue = next })
            }
            #expect(duplicate?.code == .alreadyExists)

            let before = try await client.call(ClassificationAPI.getDecision, .with { $0.callID = "before" }).decision
            #expect(before.catalogueVersion == "2026.1")
            let after = try await client.call(
                ClassificationAPI.classify,
                .with {
                    $0.callID = "after"; $0.description_p = "来电人反映：小区楼下烧烤摊占道经营到凌晨"; $0.channel = .channel12345
                }
            ).decision
            #expect(after.catalogueVersion == "2026.2")
        }
    }

    @Test("the service's own divert threshold is refused below 0.5 or above 0.99, naming the variable", arguments: ["0.3", "1", "abc"])
    func configuredThresholdRange(value: String) {
        var reader = ConfigurationReader(["FENLIU_CLASSIFICATION_DIVERT_THRESHOLD": value])
        let configuration = ClassificationConfiguration.read(from: &reader)
        #expect(configuration.divertThreshold == Classifier.Configuration.standardDivertThreshold)
        #expect(reader.problems.count == 1)
        #expect(reader.problems.first?.contains("FENLIU_CLASSIFICATION_DIVERT_THRESHOLD") == true)
        var accepted = ConfigurationReader(["FENLIU_CLASSIFICATION_DIVERT_THRESHOLD": "0.7"])
        #expect(ClassificationConfiguration.read(from: &accepted).divertThreshold == 0.7)
        #expect(accepted.problems.isEmpty)
    }

    @Test("the divert threshold is published with a catalogue version: adopted at once, named by every decision, checked")
    func publishedDivertThreshold() async throws {
        try await withService { client, _, _ in
            // A 110 call the model diverts at the default threshold but with less than 0.99.
            var found: (text: String, request: Fenliu_Classification_V1_ClassifyTextRequest)?
            for text in ["报警人称隔壁装修太吵", "报警人称家门口的树歪了", "报警人称街上有人摆摊"] {
                let request = Fenliu_Classification_V1_ClassifyTextRequest.with {
                    $0.description_p = text; $0.channel = .channel110
                }
                let before = try await client.call(ClassificationAPI.classifyText, request)
                #expect(before.divertThreshold == Classifier.Configuration.standardDivertThreshold)
                if before.destinations == [.hotline12345], before.confidence < 0.99 {
                    found = (text, request)
                    break
                }
            }
            let (text, request) = try #require(found, "the test needs a 110 call diverted at the default with less than 0.99")

            var stricter = try await client.call(ClassificationAPI.getCatalogue, .init()).catalogue
            #expect(stricter.divertThreshold == 0, "the seed leaves the service's default")
            stricter.version = "2026.3"
            stricter.publishedBy = "diversion-policy"
            for bad in [1.5, 0.2, -0.6, Double.nan] {
                var refused = stricter
                refused.divertThreshold = bad
                let error = await #expect(throws: ConnectError.self) {
                    try await client.call(ClassificationAPI.publishCatalogue, .with { $0.catalogue = refused })
                }
                #expect(error?.code == .invalidArgument)
                #expect(error?.fieldViolations.map(\.field) == ["catalogue.divertThreshold"])
            }
            stricter.divertThreshold = 0.99
            let published = try await client.call(ClassificationAPI.publishCatalogue, .with { $0.catalogue = stricter }).catalogue
            #expect(published.divertThreshold == 0.99)

            let after = try await client.call(ClassificationAPI.classifyText, request)
            #expect(after.catalogueVersion == "2026.3")
            #expect(after.divertThreshold == 0.99)
            #expect(after.destinations == [.police110], "below the published threshold the call stays with 110")
            let decision = try await client.call(
                ClassificationAPI.classify,
                .with {
                    $0.callID = "strict"; $0.description_p = text; $0.channel = .channel110
                }
            ).decision
            #expect(decision.catalogueVersion == "2026.3")
            #expect(decision.divertThreshold == 0.99)
            #expect(decision.destinations == [.police110])
        }
    }
}
