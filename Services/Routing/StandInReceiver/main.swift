// fenliu-receiver: the local stack's stand-in for the external systems (the 12345 platform's
// departments, 110, 119, 120). It accepts Fenliu's signed webhooks on POST /hooks/{system}, checks
// the Fenliu-Signature, and keeps the last deliveries per system for GET /hooks/{system}, so the
// whole flow can be watched without the real systems. Not for production.
//
// Environment: PORT (default 8090), HOST (default 127.0.0.1), FENLIU_WEBHOOK_SECRET (required: the
// secret deliveries are signed with), FENLIU_RECEIVER_KEEP (deliveries kept per system, default 100).

import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceSupport

let environment = ProcessInfo.processInfo.environment
let logger = {
    var logger = Logger(label: "fenliu-receiver")
    logger.logLevel = Logger.Level(rawValue: environment["LOG_LEVEL"]?.lowercased() ?? "info") ?? .info
    return logger
}()
guard let secret = environment["FENLIU_WEBHOOK_SECRET"], !secret.isEmpty else {
    logger.critical("FENLIU_WEBHOOK_SECRET is not set: the receiver cannot verify deliveries without it")
    exit(1)
}
let port = Int(environment["PORT"] ?? "") ?? 8090
let host = environment["HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
let log = DeliveryLog(keep: Int(environment["FENLIU_RECEIVER_KEEP"] ?? "") ?? 100)

let router = Router()
router.get("/healthz") { _, _ in HTTPResponse.Status.ok }
router.post("/hooks/:system") { request, context -> HTTPResponse.Status in
    let system = try context.parameters.require("system")
    var request = request
    let body = Array(try await request.collectBody(upTo: 1 << 20).readableBytesView)
    let signature = request.headers[HTTPField.Name(WebhookSignature.headerName)!] ?? ""
    let key = request.headers[HTTPField.Name("Idempotency-Key")!] ?? ""
    guard WebhookSignature.verify(header: signature, body: body, secret: secret) else {
        logger.warning("refused a delivery with a bad signature", metadata: ["system": "\(system)", "idempotency.key": "\(key)"])
        return .unauthorized
    }
    let isNew = log.record(system: system, key: key, body: body)
    logger.info("delivery received", metadata: ["system": "\(system)", "idempotency.key": "\(key)", "repeat": "\(!isNew)"])
    return .noContent
}
router.get("/hooks/:system") { _, context -> Response in
    let system = try context.parameters.require("system")
    return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: log.json(system: system))))
}

let application = Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "fenliu-receiver"), logger: logger)
try await application.runService()
