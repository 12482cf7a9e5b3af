import FenliuModel
import Foundation
import HTTPClient
import Hummingbird
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf
import Synchronization
import TestSupport
import Testing

@testable import IntakeService

@Suite("The Open311 GeoReport v2 front door")
struct Open311Tests {
    let http = TestHTTP.client

    func get(_ url: String) async throws -> HTTPClientResponse {
        try await http.execute(HTTPClientRequest(url: url))
    }

    func post(_ url: String, form: String, contentType: String = "application/x-www-form-urlencoded") async throws -> HTTPClientResponse {
        try await http.execute(HTTPClientRequest(method: "POST", url: url, headers: [("Content-Type", contentType)], body: Array(form.utf8)))
    }

    func json(_ response: HTTPClientResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(response.body))
    }

    @Test("services list the citizen-reportable categories of the catalogue, in JSON and XML")
    func services() async throws {
        try await withIntake { _, _, base, _ in
            let response = try await get(base + "/open311/v2/services.json")
            #expect(response.status == 200)
            #expect(response.header("Content-Type")?.hasPrefix("application/json") == true)
            let services = try #require(try json(response) as? [[String: Any]])
            #expect(services.map { $0["service_code"] as? String } == ["LABOR_WAGES", "CONSTRUCTION"], "no police category")
            #expect(services.first?["service_name"] as? String == "劳务酬薪")
            #expect(services.first?["group"] as? String == "non-police")
            #expect(services.first?["metadata"] as? Bool == true)
            #expect(services.first?["type"] as? String == "realtime")

            let xml = try await get(base + "/open311/v2/services.xml")
            #expect(xml.header("Content-Type")?.hasPrefix("text/xml") == true)
            #expect(xml.text.hasPrefix(#"<?xml version="1.0" encoding="utf-8"?>"#))
            #expect(xml.text.contains("<services><service><service_code>LABOR_WAGES</service_code><service_name>劳务酬薪</service_name>"))
        }
    }

    @Test("a service definition lists the inquiry elements as attributes")
    func definition() async throws {
        try await withIntake { _, _, base, _ in
            let response = try await get(base + "/open311/v2/services/LABOR_WAGES.json")
            let definition = try #require(try json(response) as? [String: Any])
            #expect(definition["service_code"] as? String == "LABOR_WAGES")
            let attributes = try #require(definition["attributes"] as? [[String: Any]])
            #expect(attributes.map { $0["code"] as? String } == ["employer", "amountOwed", "workerCount", "since"])
            #expect(attributes[1]["description"] as? String == "拖欠金额")
            #expect(attributes[1]["required"] as? Bool == true && attributes[3]["required"] as? Bool == false)
            #expect(attributes[0]["datatype"] as? String == "string" && attributes[0]["order"] as? Int == 1)

            let xml = try await get(base + "/open311/v2/services/CONSTRUCTION.xml")
            #expect(
                xml.text.contains(
                    "<service_definition><service_code>CONSTRUCTION</service_code><attributes><attribute><variable>true</variable><code>source</code>"))

            let police = try await get(base + "/open311/v2/services/CRIME_REPORT.json")
            #expect(police.status == 404)
            let errors = try #require(try json(police) as? [[String: Any]])
            #expect(errors.first?["code"] as? Int == 404)
        }
    }

    @Test("POST requests (form-encoded) becomes an Open311 call handed to classification; GET shows it in both formats")
    func createAndRead() async throws {
        try await withIntake { client, classification, base, _ in
            let form =
                "jurisdiction_id=chengdu.gov.cn&service_code=LABOR_WAGES&address_string=%E6%88%90%E9%83%BD%E5%B8%82%E6%AD%A6%E4%BE%AF%E5%8C%BA%E7%A7%91%E5%8D%8E%E5%8C%97%E8%B7%AF65%E5%8F%B7"
                + "&lat=30.63&long=104.08&first_name=%E5%B0%8F%E6%98%8E&last_name=%E7%8E%8B&phone=028-85551234"
                + "&description=%E5%B7%A5%E5%9C%B0%E6%8B%96%E6%AC%A0%E5%B7%A5%E8%B5%84&attribute[employer]=%E6%9F%90%E5%85%AC%E5%8F%B8&attribute[since]="
            let created = try await post(base + "/open311/v2/requests.json", form: form)
            #expect(created.status == 201)
            let answer = try #require(try json(created) as? [[String: Any]])
            let id = try #require(answer.first?["service_request_id"] as? String)
            #expect(answer.first?.keys.contains("service_notice") == true)

            let call = try await client.call(IntakeAPI.getCall, .with { $0.id = id }).call
            #expect(call.channel == .open311)
            #expect(call.district == "510107")
            #expect(call.callerName == "王小明")
            #expect(call.callerPhone == "028-85551234")
            #expect(call.elements == ["employer": "某公司"])
            #expect(await eventually { classification.calls(to: ClassificationAPI.classify).contains { $0.request.callID == id } })

            let one = try await get(base + "/open311/v2/requests/\(id).json")
            let records = try #require(try json(one) as? [[String: Any]])
            #expect(records.first?["status"] as? String == "open")
            #expect(records.first?["service_code"] as? String == "LABOR_WAGES")
            #expect(records.first?["lat"] as? Double == 30.63)
            #expect(records.first?.keys.contains("expected_datetime") == true)
            let xml = try await get(base + "/open311/v2/requests/\(id).xml")
            #expect(xml.text.contains("<service_requests><request><service_request_id>\(id)</service_request_id><status>open</status>"))

            let list = try await get(base + "/open311/v2/requests.json?status=open&service_code=LABOR_WAGES")
            #expect((try json(list) as? [[String: Any]])?.map { $0["service_request_id"] as? String } == [id])
            let closed = try await get(base + "/open311/v2/requests.json?status=closed")
            #expect((try json(closed) as? [[String: Any]])?.isEmpty == true)

            // A 110 call is not public through Open311.
            let police = try await client.call(IntakeAPI.submitCall, sampleCall()).call
            #expect(try await get(base + "/open311/v2/requests/\(police.id).json").status == 404)
        }
    }

    @Test("status, the department's result, agency and expected time come from feedback's tickets, asked for a whole list in one call")
    func statusFromFeedback() async throws {
        let feedback = StandInPeer()
        feedback.answer(FeedbackAPI.listTickets) { asked in
            .with {
                $0.tickets = asked.incidentIds.map { id in
                    .with {
                        $0.callID = id
                        $0.incidentID = id
                        $0.kind = .workOrder
                        $0.state = .resolved
                        $0.result = "已办结：夜间施工已叫停"
                        $0.departmentName = "武侯区人社局"
                        $0.resolveDueAt = Google_Protobuf_Timestamp(seconds: 1_800_000_000)
                        $0.createdAt = Google_Protobuf_Timestamp(date: Date())
                        $0.updatedAt = Google_Protobuf_Timestamp(date: Date())
                    }
                }
            }
        }
        try await RunningApplication.with(router: feedback.router) { feedbackURL in
            try await withIntake(feedback: feedbackURL) { _, _, base, _ in
                let created = try await post(
                    base + "/open311/v2/requests.xml", form: "service_code=CONSTRUCTION&lat=30.6&long=104.0&description=%E5%A4%9C%E9%97%B4%E6%96%BD%E5%B7%A5")
                #expect(created.status == 201)
                #expect(created.text.contains("<service_requests><request><service_request_id>"))
                for index in 1...11 {
                    let more = try await post(
                        base + "/open311/v2/requests.json",
                        form: "service_code=CONSTRUCTION&lat=\(29 + Double(index) * 0.1)&long=103.0&description=report\(index)")
                    #expect(more.status == 201)
                }
                let list = try await get(base + "/open311/v2/requests.json")
                let records = try #require(try json(list) as? [[String: Any]])
                #expect(records.count == 12)
                let record = try #require(records.last)
                #expect(record["status"] as? String == "closed")
                #expect(record["agency_responsible"] as? String == "武侯区人社局")
                #expect(record["expected_datetime"] as? String == "2027-01-15T08:00:00Z")
                #expect(record["status_notes"] as? String == "已办结：夜间施工已叫停")
                // Twelve requests, one question to feedback, not one per request.
                #expect(feedback.calls(to: FeedbackAPI.listTickets).count == 1)
                #expect(feedback.calls(to: FeedbackAPI.listTickets).first?.request.incidentIds.count == 12)
            }
        }
    }

    @Test("bad Open311 requests get Open311 errors in the requested format, never a 500")
    func errors() async throws {
        try await withIntake { _, _, base, database in
            let missing = try await post(base + "/open311/v2/requests.json", form: "description=x")
            #expect(missing.status == 400)
            let descriptions = (try json(missing) as? [[String: Any]])?.compactMap { $0["description"] as? String } ?? []
            #expect(descriptions.contains { $0.hasPrefix("service_code") })
            #expect(descriptions.contains { $0.hasPrefix("a location is required") })

            let badFields = try await post(base + "/open311/v2/requests.xml", form: "service_code=LABOR_WAGES&lat=abc&long=104&phone=123456789")
            #expect(badFields.status == 400)
            #expect(badFields.text.contains("<errors><error><code>400</code><description>lat: is not a number</description></error>"))

            let unknownService = try await post(base + "/open311/v2/requests.json", form: "service_code=NO_SUCH&lat=30.6&long=104")
            #expect(unknownService.status == 404)
            #expect(try json(unknownService) is [[String: Any]])
            let badAttribute = try await post(
                base + "/open311/v2/requests.json",
                form: "service_code=LABOR_WAGES&lat=30.6&long=104&description=x&attribute[%E5%9D%8F]=1&email=not-an-address")
            let reasons = (try json(badAttribute) as? [[String: Any]])?.compactMap { $0["description"] as? String } ?? []
            #expect(reasons.contains { $0.hasPrefix("email:") } && reasons.contains { $0.hasPrefix("attribute[") })
            let unrouted = try await get(base + "/open311/v2/nothing/here.xml")
            #expect(unrouted.status == 404)
            #expect(unrouted.text.contains("<errors><error><code>404</code>"))
            // The door itself and the resources without their format answer the same way, never an empty 404.
            for path in ["/open311/", "/open311/v2/", "/open311/v2/services", "/open311/v2/requests", "/open311/v2/requests/"] {
                let bare = try await get(base + path)
                #expect(bare.status == 404, "\(path)")
                #expect((try? json(bare) as? [[String: Any]])??.first?["code"] as? Int == 404, "\(path): \(bare.text)")
            }
            #expect(try await get(base + "/open311/v2/services").text.contains("services.json or .xml"))

            let wrongType = try await post(base + "/open311/v2/requests.json", form: "{}", contentType: "application/json")
            #expect(wrongType.status == 415)
            let badEncoding = try await post(base + "/open311/v2/requests.json", form: "service_code=%E6%88")
            #expect(badEncoding.status == 400)
            let unknownFormat = try await get(base + "/open311/v2/requests/abc.csv")
            #expect(unknownFormat.status == 404)
            let badDate = try await get(base + "/open311/v2/requests.xml?start_date=yesterday")
            #expect(badDate.status == 400 && badDate.text.contains("<errors>"))
            #expect(try await count("calls", in: database) == 0)
        }
    }

    @Test("what Open311 clients send is kept: free-form phones, emails, any attribute code, multivalue lists; description is optional")
    func clientFieldsKept() async throws {
        try await withIntake { _, classification, base, database in
            let created = try await post(
                base + "/open311/v2/requests.json",
                form: "service_code=CONSTRUCTION&lat=30.6&long=104.0&phone=%2B44%2020%207946%200958&email=li%40example.org"
                    + "&attribute[source]=%E5%B7%A5%E5%9C%B0&attribute[Noise_Type][]=%E6%9C%BA%E6%A2%B0&attribute[Noise_Type][]=%E8%BF%90%E8%BE%93")
            #expect(created.status == 201)
            let id = try #require((try json(created) as? [[String: Any]])?.first?["service_request_id"] as? String)
            let rows = try await database.query("SELECT caller_phone, caller_email, description, elements::text AS e FROM calls")
            let row: PostgresRow = try #require(rows.first)
            #expect(try row.decode("caller_phone", as: String.self) == "+44 20 7946 0958")
            #expect(try row.decode("caller_email", as: String.self) == "li@example.org")
            let elements = try row.decode("e", as: String.self)
            #expect(elements.contains("\"Noise_Type\": \"机械,运输\""))
            // No description: the service and the answers describe the matter, for people and the classifier.
            let description = try row.decode("description", as: String.self)
            #expect(description.contains("施工管理") && description.contains("噪音来源：工地"))
            #expect(await eventually { classification.calls(to: ClassificationAPI.classify).contains { $0.request.callID == id } })
            let handedOn = try #require(classification.calls(to: ClassificationAPI.classify).first { $0.request.callID == id })
            #expect(handedOn.request.categoryHint == .construction)
            let long = String(repeating: "夜", count: 3999)
            let longReport = try await post(base + "/open311/v2/requests.json", form: "service_code=CONSTRUCTION&lat=30.7&long=104.1&description=\(long)")
            #expect(longReport.status == 201)
        }
    }

    @Test("a list of more ids than a page holds is answered, up to 1,000 requests")
    func manyIDs() async throws {
        try await withIntake { _, _, base, _ in
            var ids = [String]()
            for index in 0..<3 {
                let created = try await post(
                    base + "/open311/v2/requests.json", form: "service_code=CONSTRUCTION&lat=\(28 + Double(index))&long=104&description=r\(index)")
                ids.append(try #require((try json(created) as? [[String: Any]])?.first?["service_request_id"] as? String))
            }
            let unknown = (0..<1500).map { _ in UUID().uuidString.lowercased() }
            let list = try await get(base + "/open311/v2/requests.json?service_request_id=" + (unknown + ids).joined(separator: ","))
            #expect(list.status == 200)
            #expect(Set((try json(list) as? [[String: Any]])?.compactMap { $0["service_request_id"] as? String } ?? []) == Set(ids))
        }
    }

    @Test("without classification the built-in category names stand in")
    func catalogueFallback() async throws {
        let port = try unusedPort()
        try await TestService.with(IntakeModule.self, peers: [.classification: "http://127.0.0.1:\(port)"]) { base, _ in
            let services = try #require(try json(try await get(base + "/open311/v2/services.json")) as? [[String: Any]])
            #expect(services.count == Category.allCases.filter { $0.group == .nonPolice }.count)
            #expect(services.allSatisfy { $0["metadata"] as? Bool == false })
        }
    }
}
