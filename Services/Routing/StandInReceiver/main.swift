// fenliu-receiver: the local stack's stand-in for the external systems (the 12345 platform's
// departments, 110, 119, 120). It accepts Fenliu's signed webhooks on POST /hooks/{system}, checks
// the Fenliu-Signature, and keeps the last deliveries per system for GET /hooks/{system}, so the
// whole flow can be watched without the real systems. Not for production.
//
// Environment: PORT (default 8090), HOST (default 127.0.0.1), FENLIU_WEBHOOK_SECRET (required: the
// secret deliveries are signed with), FENLIU_RECEIVER_KEEP (deliveries kept per system, default 100),
// FENLIU_RECEIVER_JOURNAL (a file every accepted delivery is appended to as a JSON line, repeats
// included, in arrival order — it outlives a restart of the receiver; scripts/chaos checks it).
// `fenliu-receiver --healthcheck` asks the receiver on PORT for /healthz and exits 0 or 1.

import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceSupport

// The image's HEALTHCHECK (docker/Dockerfile, shared with the services) runs this binary with
// --healthcheck: ask the running receiver, never start a second one.
if CommandLine.arguments.contains("--healthcheck") {
    exit(await ServiceMain.healthcheck(port: Int(ProcessInfo.processInfo.environment["PORT"] ?? "") ?? 8090, path: "/healthz") ? 0 : 1)
}

var reader = ConfigurationReader(ProcessInfo.processInfo.environment)
let secret = reader.text("FENLIU_WEBHOOK_SECRET") ?? ""
if secret.isEmpty { reader.problem("FENLIU_WEBHOOK_SECRET is not set: the receiver cannot verify deliveries without it") }
let port = reader.integer("PORT", default: 8090, in: 0...65535)
let host = reader.listenHost("HOST", default: "127.0.0.1")
let keep = reader.integer("FENLIU_RECEIVER_KEEP", default: 100, in: 1...100_000)
let level = reader.text("LOG_LEVEL").flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
guard reader.problems.isEmpty else {
    FileHandle.standardError.write(Data(("fenliu-receiver cannot start:\n" + reader.problems.map { "  - \($0)\n" }.joined()).utf8))
    exit(2)
}
let logger = {
    var logger = Logger(label: "fenliu-receiver")
    logger.logLevel = level
    return logger
}()
let log = DeliveryLog(keep: keep)
let journal = try reader.text("FENLIU_RECEIVER_JOURNAL").map { try DeliveryJournal(path: $0) }

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
    journal?.append(system: system, key: key, body: body)
    logger.info("delivery received", metadata: ["system": "\(system)", "idempotency.key": "\(key)", "repeat": "\(!isNew)"])
    return .noContent
}
router.get("/hooks/:system") { _, context -> Response in
    let system = try context.parameters.require("system")
    return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: log.json(system: system))))
}

let application = Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "fenliu-receiver"), logger: logger)
try await application.runService()
