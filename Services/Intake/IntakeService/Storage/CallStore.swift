import FenliuModel
import Foundation
import Postgres
import ServiceSupport

/// The SQL of the `calls` table. Each function runs on a connection the caller holds, so handlers
/// compose them inside one transaction (a call and its outbox message commit together).
enum CallStore {
    /// The outcome of an insert that may meet an earlier call with the same channel and external id.
    enum InsertOutcome {
        /// The call is new and stored.
        case inserted(CallRecord)
        /// A call with this channel and external id exists; `sameContent` says whether it is a replay.
        case existing(CallRecord, sameContent: Bool)
    }

    /// The call with this channel and external id, and whether its content matches `submission`.
    static func existing(_ submission: CallSubmission, cipher: PersonalDataCipher, on connection: PostgresConnection) throws -> (CallRecord, Bool)? {
        let rows = try connection.query(
            """
            SELECT \(unescaped: CallRow.columns),
                   content_hash = encode(sha256(convert_to(\(submission.canonicalContent), 'UTF8')), 'hex') AS same_content
            FROM calls WHERE channel = \(submission.channel.code) AND external_id = \(submission.externalID)
            """, plan: .cached)
        guard let row = rows.first else { return nil }
        return (try CallRow.record(row, cipher: cipher), try row.decode("same_content", as: Bool.self))
    }

    /// The repeat-call rule's facts of the calls it may link to: received within `lookback` before
    /// `receivedAt`, by the same phone or in the same district (or with no district, for Open311 calls
    /// placed by coordinates). Bounded, newest first, so a flood of calls cannot make one insert slow.
    ///
    /// Only the columns the rule reads, and the phone as its index (`PersonalDataCipher.index`, what
    /// `facts(of:id:phoneIndex:)` gives the new call too): a profile at 90 calls/s put a fifth of the
    /// machine's time in this query when it read whole calls, decrypting three fields and decoding
    /// two JSON columns of up to 200 rows for every new call.
    static func repeatCandidates(
        for submission: CallSubmission, lookback: TimeInterval, cipher: PersonalDataCipher, on connection: PostgresConnection
    ) throws -> [RepeatCallRule.CallFacts] {
        let phone = cipher.index(submission.callerPhone)
        let from = submission.receivedAt.addingTimeInterval(-lookback)
        // One branch per condition, each the newest 200 along its own index (phone, district, no
        // district), then the newest 200 of them all: the same rows as one scan filtering on all the
        // conditions, which walked back through every call of the window (about 900 rows read per
        // new call at 150 calls/s, most of them in other districts).
        let columns = "id, duplicate_of, received_at, caller_phone_index, district, address, latitude, longitude, description"
        let rows = try connection.query(
            """
            SELECT * FROM (
                (SELECT \(unescaped: columns) FROM calls
                 WHERE \(phone)::text <> '' AND caller_phone_index <> '' AND caller_phone_index = \(phone) AND received_at BETWEEN \(from) AND \(submission.receivedAt)
                 ORDER BY received_at DESC LIMIT 200)
                UNION
                (SELECT \(unescaped: columns) FROM calls
                 WHERE district = \(submission.district?.code) AND received_at BETWEEN \(from) AND \(submission.receivedAt)
                 ORDER BY received_at DESC LIMIT 200)
                UNION
                (SELECT \(unescaped: columns) FROM calls
                 WHERE district IS NULL AND received_at BETWEEN \(from) AND \(submission.receivedAt)
                 ORDER BY received_at DESC LIMIT 200)
                UNION
                (SELECT \(unescaped: columns) FROM calls
                 WHERE \(submission.district == nil)::boolean AND received_at BETWEEN \(from) AND \(submission.receivedAt)
                 ORDER BY received_at DESC LIMIT 200)
            ) candidates
            ORDER BY received_at DESC LIMIT 200
            """)
        // The ids as PostgreSQL prints a uuid — lower-case, hyphenated, what `uuidString.lowercased()`
        // gives — with no round trip through `UUID` for each of up to 200 rows.
        return try rows.map { row in
            RepeatCallRule.CallFacts(
                id: try row.decode("id"), duplicateOf: try row.decode("duplicate_of", as: String?.self),
                receivedAt: try row.decode("received_at"), callerPhone: try row.decode("caller_phone_index"),
                districtCode: try row.decode("district", as: String?.self), address: try row.decode("address"),
                latitude: try row.decode("latitude", as: Double?.self), longitude: try row.decode("longitude", as: Double?.self),
                description: try row.decode("description"))
        }
    }

    /// Stores a new call, or finds the call that already holds its channel and external id. A
    /// concurrent insert of the same key waits for the other transaction and then sees its row, so
    /// two submissions never create two calls.
    static func insert(
        _ submission: CallSubmission, id: UUID, link: RepeatCallRule.Link?, cipher: PersonalDataCipher, on connection: PostgresConnection
    ) throws -> InsertOutcome {
        let rows = try connection.query(
            """
            INSERT INTO calls (id, channel, external_id, content_hash, received_at, caller_name, caller_phone, caller_email, caller_phone_index,
                               district, address,
                               latitude, longitude, description, elements, operator_id, open311_service_code, duplicate_of, duplicate_reason)
            VALUES (\(id), \(submission.channel.code), \(submission.externalID),
                    encode(sha256(convert_to(\(submission.canonicalContent), 'UTF8')), 'hex'), \(submission.receivedAt),
                    \(try cipher.seal(submission.callerName)), \(try cipher.seal(submission.callerPhone)), \(try cipher.seal(submission.callerEmail)),
                    \(cipher.index(submission.callerPhone)), \(submission.district?.code), \(submission.address),
                    \(submission.latitude), \(submission.longitude), \(submission.description), \(try CallRow.json(submission.elements))::jsonb,
                    \(submission.operatorID), \(submission.open311ServiceCode), \(link.flatMap { UUID(uuidString: $0.firstCallID) }),
                    \(link?.reason ?? ""))
            ON CONFLICT (channel, external_id) DO NOTHING
            RETURNING \(unescaped: CallRow.columns)
            """, plan: .cached)
        if let row = rows.first { return .inserted(try CallRow.record(row, cipher: cipher)) }
        guard let (record, sameContent) = try existing(submission, cipher: cipher, on: connection) else {
            throw PostgresError(code: .queryFailed, message: "a conflicting call vanished during insert")
        }
        return .existing(record, sameContent: sameContent)
    }

    /// The call with `id`, locked for update when asked.
    static func find(_ id: UUID, forUpdate: Bool = false, cipher: PersonalDataCipher, on connection: PostgresConnection) throws -> CallRecord? {
        let rows = try connection.query(
            """
            SELECT \(unescaped: CallRow.columns) FROM calls WHERE id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """, plan: .cached)
        return try rows.first.map { try CallRow.record($0, cipher: cipher) }
    }

    /// The calls with these ids, in the order given (unknown ids left out), with one query.
    static func find(_ ids: [UUID], cipher: PersonalDataCipher, on connection: PostgresConnection) throws -> [CallRecord] {
        guard !ids.isEmpty else { return [] }
        let list = "{" + ids.map { $0.uuidString.lowercased() }.joined(separator: ",") + "}"
        let found = try connection.query("SELECT \(unescaped: CallRow.columns) FROM calls WHERE id = ANY(\(list)::uuid[])").map {
            try CallRow.record($0, cipher: cipher)
        }
        let byID = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    /// Replaces the elements of a call and records who changed them.
    static func updateElements(
        _ id: UUID, elements: [String: String], operatorID: String, cipher: PersonalDataCipher, on connection: PostgresConnection
    ) throws -> CallRecord? {
        let rows = try connection.query(
            """
            UPDATE calls SET elements = \(try CallRow.json(elements))::jsonb, elements_updated_at = now(),
                             elements_updated_by = NULLIF(\(operatorID), '')
            WHERE id = \(id) RETURNING \(unescaped: CallRow.columns)
            """)
        return try rows.first.map { try CallRow.record($0, cipher: cipher) }
    }

    /// Stores the category classification decided and the template of inquiry elements it needs.
    /// A later decision (a human review that corrects the category) replaces an earlier one, judged
    /// by the decision's revision, not by when it arrived: the outbox may deliver a retried first
    /// decision after the correction. Returns whether the call exists.
    static func attachClassification(
        _ id: UUID, category: Category, template: [InquiryElementTemplate], revision: Int64, on connection: PostgresConnection
    ) throws -> Bool {
        let rows = try connection.query(
            """
            UPDATE calls SET category = \(category.code), inquiry_elements = \(try CallRow.json(template))::jsonb,
                classified_at = now(), classification_revision = \(revision)
            WHERE id = \(id) AND (classification_revision IS NULL OR classification_revision <= \(revision))
            """, plan: .cached)
        if rows.affectedRows == 1 { return true }
        return try !connection.query("SELECT 1 FROM calls WHERE id = \(id)", plan: .cached).isEmpty
    }

    /// Seals up to `limit` calls whose personal data is in clear or under an older key with the
    /// current key (and recomputes their phone's blind index); returns how many it moved. Rows are
    /// claimed with `SKIP LOCKED`, so re-encryption runs beside the live service.
    ///
    /// With an index key, a row already sealed with the current key but indexed by the number
    /// itself (written before the index key was set) is moved too: its index is not the 64 hex
    /// digits of an HMAC, and until it is, a repeat call from that phone would not find it.
    static func reencrypt(limit: Int, cipher: PersonalDataCipher, on connection: PostgresConnection) throws -> Int {
        guard let current = cipher.current else { return 0 }
        let prefix = "enc:v1:\(current.id):"
        let rows = try connection.query(
            """
            SELECT id, caller_name, caller_phone, caller_email FROM calls
            WHERE (caller_name <> '' AND NOT starts_with(caller_name, \(prefix)))
               OR (caller_phone <> '' AND NOT starts_with(caller_phone, \(prefix)))
               OR (caller_email <> '' AND NOT starts_with(caller_email, \(prefix)))\(unescaped: Self.plainIndex(cipher))
            LIMIT \(limit) FOR UPDATE SKIP LOCKED
            """)
        for row in rows {
            let phone = try cipher.open(try row.decode("caller_phone"))
            try connection.query(
                """
                UPDATE calls SET caller_name = \(try cipher.seal(try cipher.open(try row.decode("caller_name")))),
                    caller_phone = \(try cipher.seal(phone)), caller_phone_index = \(cipher.index(phone)),
                    caller_email = \(try cipher.seal(try cipher.open(try row.decode("caller_email"))))
                WHERE id = \(try row.decode("id", as: UUID.self))
                """)
        }
        return rows.count
    }

    /// How many calls still hold personal data in clear or under another key than the current one.
    static func notYetSealed(cipher: PersonalDataCipher, on connection: PostgresConnection) throws -> Int64 {
        guard let current = cipher.current else { return 0 }
        let prefix = "enc:v1:\(current.id):"
        return try connection.query(
            """
            SELECT count(*) AS n FROM calls
            WHERE (caller_name <> '' AND NOT starts_with(caller_name, \(prefix)))
               OR (caller_phone <> '' AND NOT starts_with(caller_phone, \(prefix)))
               OR (caller_email <> '' AND NOT starts_with(caller_email, \(prefix)))\(unescaped: Self.plainIndex(cipher))
            """
        ).first?.decode("n", as: Int64.self) ?? 0
    }

    /// With an index key, the rows whose phone is still indexed by the number itself.
    private static func plainIndex(_ cipher: PersonalDataCipher) -> String {
        cipher.hasIndexKey ? "\n   OR (caller_phone <> '' AND caller_phone_index !~ '^[0-9a-f]{64}$')" : ""
    }
}
