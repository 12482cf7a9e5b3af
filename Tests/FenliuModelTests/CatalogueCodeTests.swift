import FenliuModel
import Foundation
import SwiftProtobuf
import Testing

@Suite("The shared model matches the contract")
struct CatalogueCodeTests {
    /// The proto JSON name of an enum value, as a client sees it on the wire.
    func wireName<E: SwiftProtobuf.Enum>(_ value: E) throws -> String {
        var message = Fenliu_Classification_V1_ClassifyTextResponse()
        switch value {
        case let category as Fenliu_Common_V1_Category: message.category = category
        case let destination as Fenliu_Common_V1_Destination: message.destinations = [destination]
        default: Issue.record("unexpected enum")
        }
        let object = try JSONSerialization.jsonObject(with: try message.jsonUTF8Data()) as? [String: Any] ?? [:]
        return object["category"] as? String ?? (object["destinations"] as? [String])?.first ?? ""
    }

    @Test("every catalogue category is a proto enum value of the same name")
    func categories() throws {
        for category in Category.allCases {
            let proto = try #require(Fenliu_Common_V1_Category.allCases.first { (try? wireName($0)) == category.code })
            #expect(proto.rawValue > 0)
        }
        #expect(Fenliu_Common_V1_Category.allCases.count == Category.allCases.count + 1)
    }

    @Test("every destination is a proto enum value of the same name")
    func destinations() throws {
        for destination in Destination.allCases {
            #expect(Fenliu_Common_V1_Destination.allCases.contains { (try? wireName($0)) == destination.code })
        }
    }

    @Test("the safety-relevant groups follow the catalogue")
    func groups() {
        #expect(Category.crimeReport.defaultDestination == .police110)
        #expect(Category.fire.defaultDestination == .fire119)
        #expect(Category.medical.defaultDestination == .medical120)
        #expect(Category.traffic.defaultDestination == .police110)
        #expect(Category.laborWages.defaultDestination == .hotline12345)
        #expect(Category.allCases.filter { !$0.isEmergencyService }.count == 10)
    }

    @Test("all 22 areas of districts.tsv, with their codes and names")
    func districts() throws {
        let tsv = try #require(District.tableURL, "districts.tsv is not in FenliuModel's bundle")
        let rows = try String(contentsOf: tsv, encoding: .utf8).split(separator: "\n").dropFirst().map {
            $0.split(separator: "\t", omittingEmptySubsequences: false)
        }
        #expect(District.all.count == 22)
        #expect(rows.count == 22)
        for (row, district) in zip(rows, District.all) {
            #expect(String(row[0]) == district.code)
            #expect(String(row[1]) == district.name)
            #expect(String(row[2]) == district.kind.rawValue)
        }
    }

    @Test("every method in the API tables is declared in its .proto file")
    func methodTables() throws {
        let protoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Shared/Proto/fenliu")
        let tables: [(String, [String])] = [
            ("intake/v1/intake.proto", IntakeAPI.methodNames), ("classification/v1/classification.proto", ClassificationAPI.methodNames),
            ("routing/v1/routing.proto", RoutingAPI.methodNames), ("feedback/v1/feedback.proto", FeedbackAPI.methodNames),
            ("reporting/v1/reporting.proto", ReportingAPI.methodNames), ("admin/v1/admin.proto", AdminAPI.methodNames),
        ]
        for (file, names) in tables {
            let text = try String(contentsOf: protoRoot.appendingPathComponent(file), encoding: .utf8)
            let declared = text.split(separator: "\n").compactMap { line -> String? in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("rpc ") else { return nil }
                return String(trimmed.dropFirst(4).prefix { $0 != "(" })
            }
            #expect(declared == names, "\(file)")
        }
    }
}

@Suite("Proto conversions")
struct ProtoConversionTests {
    @Test("domain and proto enums convert both ways, by name")
    func roundTrip() throws {
        for category in Category.allCases {
            #expect(Category(proto: category.proto) == category)
            #expect(
                try Fenliu_Classification_V1_ClassifyTextResponse.with { $0.category = category.proto }.jsonString()
                    .contains("\"\(category.code)\""))
        }
        for destination in Destination.allCases {
            #expect(Destination(proto: destination.proto) == destination)
            #expect(
                try Fenliu_Classification_V1_ClassifyTextResponse.with { $0.destinations = [destination.proto] }.jsonString()
                    .contains("\"\(destination.code)\""))
        }
        for channel in Channel.allCases {
            #expect(Channel(proto: channel.proto) == channel)
            #expect(
                try Fenliu_Classification_V1_ClassifyTextRequest.with { $0.channel = channel.proto }.jsonString()
                    .contains("\"\(channel.code)\""))
        }
        #expect(Category(proto: .unspecified) == nil)
        #expect(Channel(proto: .unspecified) == nil)
    }
}
