import FenliuModel
import Foundation
import Logging
import Postgres
import ServiceSupport
import SwiftProtobuf

/// Takes a call in: validates it, links it to an incident it repeats, stores it and hands it to
/// classification in one transaction. Both front doors (Connect and Open311) use this one path.
struct CallIntake: Sendable {
    /// The intake schema.
    let database: PostgresPool
    /// Where the hand-off to classification is written, in the call's transaction.
    let outbox: Outbox
    /// The service logger; never given caller names or phones above debug.
    let logger: Logger
    /// Tells reporting a call was received (in the call's transaction).
    let reporter: EventReporter
    /// Seals callers' names, phones and emails at rest.
    let cipher: PersonalDataCipher
    /// The repeat-call rule and its thresholds.
    var rule = RepeatCallRule()
    /// The current time; Open311 calls are stamped with it and `receivedAt` is checked against it.
    var clock: @Sendable () -> Date = { Date() }

    /// The stored call and whether it was stored before (a replay of the same content).
    func submit(_ input: CallValidator.Input) async throws -> (call: CallRecord, replayed: Bool) {
        let submission = try CallValidator(now: clock()).validate(input)
        let rule = self.rule
        let outbox = self.outbox
        let reporter = self.reporter
        let cipher = self.cipher
        let result: (CallRecord, Bool) = try await database.transaction { connection in
            // A replay is answered before the repeat search, the costliest statement of a call: the
            // insert below would find it too (and a new call would take one statement fewer without
            // this lookup, stop 32), but clients retry most when intake is slowest, and a retry storm
            // of replays each paying the search would make it slower still.
            if let (existing, sameContent) = try CallStore.existing(submission, cipher: cipher, on: connection) {
                return try Self.replay(existing, sameContent: sameContent)
            }
            let id = UUID()
            let candidates = try CallStore.repeatCandidates(for: submission, lookback: rule.lookback, cipher: cipher, on: connection)
            let facts = CallRecord.facts(of: submission, id: id, phoneIndex: cipher.index(submission.callerPhone))
            let link = rule.link(facts, candidates: candidates)
            switch try CallStore.insert(submission, id: id, link: link, cipher: cipher, on: connection) {
            case .existing(let existing, let sameContent):
                return try Self.replay(existing, sameContent: sameContent)
            case .inserted(let record):
                var batch = Outbox.Batch()
                try batch.add(ClassificationAPI.classify, Self.classifyRequest(for: record))
                try reporter.add([record.receivedEvent(reporter)], to: &batch)
                try batch.write(on: connection)
                return (record, false)
            }
        }
        if !result.1 {
            // Both front doors come here; the Open311 one is not an RPC, so wake the worker here.
            outbox.committed()
            logger.info(
                "call stored",
                metadata: [
                    "call.id": "\(result.0.id)", "call.channel": "\(submission.channel.code)",
                    "call.district": "\(submission.district?.code ?? "-")", "call.duplicate_of": "\(result.0.duplicateOf?.uuidString.lowercased() ?? "-")",
                ])
        }
        return result
    }

    private static func replay(_ existing: CallRecord, sameContent: Bool) throws -> (CallRecord, Bool) {
        guard sameContent else {
            throw IntakeError.externalIDConflict(
                channel: existing.submission.channel.code, externalID: existing.submission.externalID,
                existingCallID: existing.id.uuidString.lowercased()
            )
        }
        return (existing, true)
    }

    /// The hand-off message classification receives.
    static func classifyRequest(for record: CallRecord) -> Fenliu_Classification_V1_ClassifyRequest {
        .with {
            $0.callID = record.id.uuidString.lowercased()
            $0.description_p = record.submission.description
            $0.channel = record.submission.channel.proto
            $0.district = record.submission.district?.code ?? ""
            $0.receivedAt = Google_Protobuf_Timestamp(microsecondsOf: record.submission.receivedAt)
            $0.duplicateOf = record.duplicateOf?.uuidString.lowercased() ?? ""
            if let code = record.submission.open311ServiceCode, let chosen = Category(code: code) { $0.categoryHint = chosen.proto }
        }
    }

    /// Whether the current caller sees `call` at all: its own channel's calls for a hotline's key,
    /// everything for a supervisor or with keys off.
    static func isVisible(_ call: CallRecord) -> Bool { Visibility.current.sees(channel: call.submission.channel) }

    /// Whether the current caller may read the call's personal data in clear: the channel that
    /// submitted it (or everyone, with keys off). Anyone else sees it masked.
    static func seesPersonalData(of call: CallRecord) -> Bool {
        guard let principal = Principal.current else { return true }
        return principal.channels.contains(call.submission.channel)
    }

    /// The call as the current caller may see it (`clearForHolder`: the department holding its
    /// ticket, which must reach the caller); a read of personal data in clear by a key is written to
    /// the audit trail.
    func shown(_ calls: [CallRecord], clearForHolder: Bool = false, on connection: PostgresConnection) throws -> [Fenliu_Intake_V1_Call] {
        try calls.map { call in
            let clear = clearForHolder || Self.seesPersonalData(of: call)
            if clear, Principal.current != nil,
                !(call.submission.callerName.isEmpty && call.submission.callerPhone.isEmpty && call.submission.callerEmail.isEmpty)
            {
                try AuditTrail.record("call.read_personal_data", target: call.id.uuidString.lowercased(), on: connection)
            }
            return call.proto(masked: !clear)
        }
    }
}
