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

@testable import IntakeService

/// The catalogue the stand-in classification serves: wage arrears with three required elements,
/// noise with two, and a police category that Open311 must not offer.
let testCatalogue = Fenliu_Classification_V1_Catalogue.with {
    $0.version = "test-1"
    $0.categories = [
        .with {
            $0.category = .laborWages
            $0.chineseName = "劳务酬薪"
            $0.group = "non-police"
            $0.keywords = ["欠薪", "讨薪"]
            $0.inquiryElements = [
                .with {
                    $0.key = "employer"; $0.label = "用工单位"; $0.required = true; $0.hint = "单位名称"
                },
                .with {
                    $0.key = "amountOwed"; $0.label = "拖欠金额"; $0.required = true; $0.hint = "元"
                },
                .with {
                    $0.key = "workerCount"; $0.label = "涉及人数"; $0.required = true
                },
                .with {
                    $0.key = "since"; $0.label = "拖欠起始时间"; $0.required = false
                },
            ]
        },
        .with {
            $0.category = .construction
            $0.chineseName = "施工管理"
            $0.group = "non-police"
            $0.inquiryElements = [
                .with {
                    $0.key = "source"; $0.label = "噪音来源"; $0.required = true
                },
                .with {
                    $0.key = "hours"; $0.label = "施工时段"; $0.required = true
                },
            ]
        },
        .with {
            $0.category = .crimeReport
            $0.chineseName = "报警"
            $0.group = "police"
        },
    ]
}

/// A stand-in classification: takes every Classify hand-off and serves `testCatalogue`.
func classificationStandIn() -> StandInPeer {
    let peer = StandInPeer()
    peer.accept(ClassificationAPI.classify)
    peer.answer(ClassificationAPI.getCatalogue) { _ in .with { $0.catalogue = testCatalogue } }
    return peer
}

/// Runs intake against a stand-in classification and calls `body` with a client, the stand-in,
/// intake's base URL and its database.
func withIntake<T: Sendable>(
    feedback: String? = nil,
    _ body: (RPCClient, StandInPeer, String, PostgresPool) async throws -> T
) async throws -> T {
    let classification = classificationStandIn()
    return try await RunningApplication.with(router: classification.router) { classificationURL in
        var peers: [ServiceName: String] = [.classification: classificationURL]
        if let feedback { peers[.feedback] = feedback }
        return try await TestService.with(IntakeModule.self, peers: peers) { base, database in
            try await body(RPCClient(baseURL: base, httpClient: TestHTTP.client, timeout: TestHTTP.rpcTimeout), classification, base, database)
        }
    }
}

/// A valid 110 call; tests change what they need.
func sampleCall(_ externalID: String = "110-\(UUID().uuidString.prefix(8))") -> Fenliu_Intake_V1_SubmitCallRequest {
    .with {
        $0.channel = .channel110
        $0.externalID = externalID
        $0.receivedAt = Google_Protobuf_Timestamp(date: Date().addingTimeInterval(-120))
        $0.callerName = "李四"
        $0.callerPhone = "13800138000"
        $0.district = "510107"
        $0.address = "武侯区人民南路四段12号"
        $0.description_p = "报警人称工地拖欠工资三个月，约二十名工人讨薪"
        $0.operatorID = "op-110-7"
    }
}

/// Counts rows of `table` matching `condition` (code-chosen SQL only).
func count(_ table: String, where condition: String = "true", in database: PostgresPool) async throws -> Int {
    let rows = try await database.query("SELECT count(*) AS n FROM \(unescaped: table) WHERE \(unescaped: condition)")
    return try rows.first?.decode("n") ?? 0
}
