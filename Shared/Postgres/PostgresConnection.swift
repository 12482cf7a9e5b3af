import CLibPQ
import Foundation

/// One libpq connection (`PGconn`), freed when this object goes.
///
/// libpq blocks, so a connection is only ever used from a thread of the `PostgresPool`'s thread pool,
/// by one thread at a time; the pool guarantees that, hence `@unchecked Sendable`.
public final class PostgresConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    /// Statements prepared on this connection, by their SQL text. A statement is parsed and analysed
    /// once per connection instead of on every run (a profile of the stack under load put much of
    /// PostgreSQL's time in parsing the same few dozen statements again); it is still planned on
    /// every run, with that run's values, unless it is run as `PostgresPlan.cached` or has no
    /// parameters. Texts beyond `preparedCapacity` (statements built with literal values) run
    /// unprepared.
    private var prepared: [String: String] = [:]
    /// Statements evicted inside a transaction, where DEALLOCATE fails until the rollback: freed at
    /// the next statement outside one, and counted against the capacity meanwhile (a statement that
    /// keeps failing inside transactions must not leak one server-side statement per run).
    private var stale: [String] = []
    private static let preparedCapacity = 256
    private var preparedCount = 0
    /// A transaction's opening statements (`BEGIN`, the request's `SET LOCAL statement_timeout`) not
    /// sent yet: they go out with its first statement, in one round trip (libpq's pipeline mode),
    /// instead of in one of their own. A call takes about seven transactions through the services,
    /// and each round trip costs both processes a wake-up and the kernel a socket write and read.
    private var pendingBegin: [String] = []
    /// Whether the server answered the transaction's `BEGIN`: from then on a lost connection may
    /// have run the first statement (and hold its locks until the server notices), so the pool
    /// does not run the transaction again.
    private(set) var beganOnServer = false
    /// Set when the connection was left in a state it cannot be trusted in (pipeline mode not left).
    private var broken = false
    /// The session's `plan_cache_mode` as this connection last set it, or nil when unknown: a new
    /// connection, or after anything that may have undone a `SET` made in a transaction — a failed
    /// statement or script, a rollback, a commit that failed or that the server turned into a
    /// rollback. A statement run in the other mode sends the `SET` first, in the same round trip.
    /// (Scripts run with `execute(script:)` must not change `plan_cache_mode` themselves.)
    private var planMode: PostgresPlan?

    /// Opens a connection. `conninfo` is a libpq connection string or `postgres://` URL.
    init(conninfo: String) throws {
        guard let handle = PQconnectdb(conninfo) else {
            throw PostgresError(code: .connectionFailed, message: "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = Self.trimmed(PQerrorMessage(handle))
            PQfinish(handle)
            throw PostgresError(code: .connectionFailed, message: message)
        }
        self.handle = handle
    }

    deinit {
        PQfinish(handle)
    }

    /// Whether the connection is still usable.
    public var isHealthy: Bool { !broken && PQstatus(handle) == CONNECTION_OK }

    /// Opens a transaction with `statements` (`BEGIN` first), sent with the first statement run in it.
    func beginLazily(_ statements: [String]) {
        pendingBegin = statements
        beganOnServer = false
    }

    /// Commits the transaction; one that never ran a statement was never opened on the server.
    func commit() throws { try end("COMMIT") }

    /// Rolls the transaction back, if it reached the server; that undoes any `SET` made in it.
    func rollback() throws {
        planMode = nil
        // After a failed COMMIT the server has already ended the transaction (a ROLLBACK then
        // would only earn a warning on standard error).
        if pendingBegin.isEmpty, PQtransactionStatus(handle) == PQTRANS_IDLE { return }
        try end("ROLLBACK")
    }

    private func end(_ statement: String) throws {
        defer { pendingBegin = [] }
        guard pendingBegin.isEmpty else { return }
        let result = PQexec(handle, statement)
        // The server answers COMMIT in a transaction a failed statement aborted with ROLLBACK: the
        // work is gone, whatever the caller made of that statement's error.
        let rolledBack = statement == "COMMIT" && result.map { String(cString: PQcmdStatus($0)) } == "ROLLBACK"
        _ = try forgettingPlanMode { try consume(result) }
        if rolledBack {
            planMode = nil
            throw PostgresError(
                code: .queryFailed, sqlState: "25P02", message: "the transaction was rolled back, not committed: a statement in it failed")
        }
    }

    /// Runs one statement with its parameters and returns its rows; `plan` says whether PostgreSQL
    /// may keep its plan (`PostgresPlan`).
    @discardableResult
    public func query(_ query: PostgresQuery, plan: PostgresPlan = .eachRun) throws -> PostgresRows {
        try forgettingPlanMode { try run(query, plan: plan) }
    }

    /// Runs `body`; if it throws, the session's plan mode is unknown from then on: what failed may
    /// have taken its transaction (or a pipeline's implicit one) down, and a `SET plan_cache_mode`
    /// sent in it.
    private func forgettingPlanMode<T>(_ body: () throws -> T) rethrows -> T {
        do {
            return try body()
        } catch {
            planMode = nil
            throw error
        }
    }

    private func run(_ query: PostgresQuery, plan: PostgresPlan) throws -> PostgresRows {
        // libpq takes C strings: a NUL would silently cut the value short. Refuse it instead.
        if let position = query.binds.firstIndex(where: { $0?.utf8.contains(0) == true }) {
            throw PostgresError(code: .invalidValue, message: "parameter $\(position + 1) contains a NUL character")
        }
        var cStrings: [UnsafeMutablePointer<CChar>?] = query.binds.map { $0.flatMap { strdup($0) } }
        defer { for pointer in cStrings { free(pointer) } }
        let opening = pendingBegin
        // Without parameters PostgreSQL plans a prepared statement once whatever the mode.
        let switching = query.binds.isEmpty || planMode == plan ? nil : plan
        let pipelining = !opening.isEmpty || switching != nil
        // With a transaction's BEGIN (or a plan mode's SET) pending, a statement new to this
        // connection is prepared in the same pipeline, after them: its parse (and the locks that
        // takes) belongs to the transaction and its deadline, and costs no round trip of its own.
        let (name, preparing) = pipelining ? nameInPipeline(for: query) : (try preparedName(for: query), false)
        let result = try cStrings.withUnsafeMutableBufferPointer { buffer -> OpaquePointer? in
            try buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: max(buffer.count, 1)) { values in
                let count = Int32(query.binds.count)
                let parameters = query.binds.isEmpty ? nil : values
                if pipelining {
                    let preparation = preparing ? (name: name!, sql: query.sql, count: count) : nil
                    return try pipelined(after: opening, switching: switching, preparing: preparation) {
                        if let name { return PQsendQueryPrepared(handle, name, count, parameters, nil, nil, 0) }
                        return PQsendQueryParams(handle, query.sql, count, nil, parameters, nil, nil, 0)
                    }
                }
                if let name { return PQexecPrepared(handle, name, count, parameters, nil, nil, 0) }
                return PQexecParams(handle, query.sql, count, nil, parameters, nil, nil, 0)
            }
        }
        do {
            return try consume(result)
        } catch let error as PostgresError where name != nil && Self.mayBeStale(error) {
            // A table changed under this connection: the statement keeps the result and parameter
            // types of its preparation ("cached plan must not change result type", or a column whose
            // type changed now compares with a parameter of the old type). Prepare it afresh next
            // time. (Inside a transaction DEALLOCATE fails until the rollback; the old statement then
            // stays until the connection closes, under a name nothing uses.)
            prepared[query.sql] = nil
            if (try? consume(PQexec(handle, "DEALLOCATE \(name!)"))) == nil { stale.append(name!) }
            throw error
        }
    }

    /// Whether `error` may come from a statement prepared before a migration: 0A000, or a class 42
    /// error (undefined column, operator does not exist for the old parameter type, …) — which a
    /// statement that ran before can only meet after the schema changed.
    private static func mayBeStale(_ error: PostgresError) -> Bool {
        guard let state = error.sqlState else { return false }
        return state == "0A000" || state.hasPrefix("42")
    }

    /// The name `query`'s text is prepared under on this connection, and whether it still has to be
    /// prepared (in the pipeline that opens a transaction); nil when the cache is full.
    private func nameInPipeline(for query: PostgresQuery) -> (String?, Bool) {
        if let name = prepared[query.sql] { return (name, false) }
        let name = newName()
        return (name, name != nil)
    }

    /// A name for one more prepared statement; nil when the cache is full.
    private func newName() -> String? {
        guard prepared.count + stale.count < Self.preparedCapacity else { return nil }
        preparedCount += 1
        return "fenliu_\(preparedCount)"
    }

    /// The name `query`'s text is prepared under on this connection, preparing it first if need be;
    /// nil when the cache is full.
    private func preparedName(for query: PostgresQuery) throws -> String? {
        if let name = prepared[query.sql] { return name }
        if !stale.isEmpty, PQtransactionStatus(handle) == PQTRANS_IDLE {
            stale.removeAll { (try? consume(PQexec(handle, "DEALLOCATE \($0)"))) != nil }
        }
        guard let name = newName() else { return nil }
        _ = try consume(PQprepare(handle, name, query.sql, Int32(query.binds.count), nil))
        prepared[query.sql] = name
        return name
    }

    /// Sends `opening`, the `SET` of a plan mode if `switching`, the preparation of a statement new to
    /// this connection if any, and then the statement `send` queues, in one pipeline and one round
    /// trip, and returns the statement's result (to `consume`); throws the first error before it, or
    /// the error of the implicit transaction's commit at the sync.
    ///
    /// Each command's result is followed by a NULL, and the sync by its own result (no NULL after
    /// it); after an error the rest come back aborted. Everything is read and freed, so the
    /// connection leaves pipeline mode idle — or is marked broken and dropped by the pool.
    private func pipelined(
        after opening: [String], switching: PostgresPlan?, preparing preparation: (name: String, sql: String, count: Int32)?,
        _ send: () -> Int32
    ) throws -> OpaquePointer? {
        func failed() -> PostgresError {
            // Nothing reached the server unless the connection is now broken: keep the BEGIN pending.
            pendingBegin = opening
            return PostgresError(code: isHealthy ? .queryFailed : .connectionLost, message: Self.trimmed(PQerrorMessage(handle)))
        }
        guard PQenterPipelineMode(handle) == 1 else { throw failed() }
        pendingBegin = []
        defer { if PQexitPipelineMode(handle) != 1 { broken = true } }
        let setup = opening + (switching.map { [$0.setting] } ?? [])
        for statement in setup {
            guard PQsendQueryParams(handle, statement, 0, nil, nil, nil, nil, 0) == 1 else { throw failed() }
        }
        if let preparation {
            guard PQsendPrepare(handle, preparation.name, preparation.sql, preparation.count, nil) == 1 else { throw failed() }
        }
        guard send() == 1, PQpipelineSync(handle) == 1 else { throw failed() }
        let before = setup.count + (preparation == nil ? 0 : 1)
        var results: [OpaquePointer?] = []
        for _ in 0...before {
            let result = PQgetResult(handle)
            results.append(result)
            guard let result else { break }
            // A COPY never ends in a NULL; nothing here starts one, so a connection in one is dropped.
            if Self.isCopy(result) { break }
            while let extra = PQgetResult(handle) {
                let copy = Self.isCopy(extra)
                PQclear(extra)
                if copy { break }
            }
        }
        if let last = results.last, let last, Self.isCopy(last) {
            for result in results { if let result { PQclear(result) } }
            broken = true
            throw PostgresError(code: .queryFailed, message: "a statement started a COPY, which this connection does not serve")
        }
        // The sync's own result, PGRES_PIPELINE_SYNC. Outside a transaction block the sync commits
        // the pipeline's implicit transaction, and that commit can fail (a deferred constraint):
        // its error comes first, and then nothing the pipeline did stands.
        var syncError: (any Error)?
        var synced = false
        for _ in 0..<4 {
            guard let next = PQgetResult(handle) else { continue }
            if PQresultStatus(next) == PGRES_PIPELINE_SYNC {
                PQclear(next)
                synced = true
                break
            }
            do { _ = try consume(next) } catch { syncError = syncError ?? error }
        }
        if !synced {
            broken = true
            syncError = syncError ?? PostgresError(code: .connectionLost, message: "the pipeline's sync was never answered: its commit is unknown")
        }
        if !opening.isEmpty, let first = results.first, let first, PQresultStatus(first) == PGRES_COMMAND_OK { beganOnServer = true }
        var earlierError: (any Error)?
        for result in results.prefix(min(before, results.count)) {
            do { _ = try consume(result) } catch { earlierError = earlierError ?? error }
        }
        // A statement prepared stays prepared even when the commit at the sync fails.
        if earlierError == nil, let preparation { prepared[preparation.sql] = preparation.name }
        if let earlierError = earlierError ?? syncError {
            if results.count > before, let last = results[before] { PQclear(last) }
            throw earlierError
        }
        if let switching { planMode = switching }
        return results.count > before ? results[before] : nil
    }

    private static func isCopy(_ result: OpaquePointer) -> Bool {
        let status = PQresultStatus(result)
        return status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH
    }

    /// Runs one or more statements separated by semicolons, with no parameters (migrations); a
    /// transaction's opening statements go with them.
    public func execute(script sql: String) throws {
        let opening = pendingBegin
        pendingBegin = []
        let result = PQexec(handle, opening.isEmpty ? sql : (opening + [sql]).joined(separator: "; "))
        if !opening.isEmpty, result != nil, isHealthy { beganOnServer = true }
        _ = try forgettingPlanMode { try consume(result) }
    }

    /// Turns a result into rows or a `PostgresError`, and frees it.
    private func consume(_ result: OpaquePointer?) throws -> PostgresRows {
        guard let result else {
            throw PostgresError(code: isHealthy ? .queryFailed : .connectionLost, message: Self.trimmed(PQerrorMessage(handle)))
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return Self.rows(of: result)
        default:
            // 'C' and 'M' are PG_DIAG_SQLSTATE and PG_DIAG_MESSAGE_PRIMARY; the primary message never
            // repeats bound values (the detail field can, so it is left out).
            let sqlState = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let message =
                PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
                ?? Self.trimmed(PQerrorMessage(handle))
            throw PostgresError(code: isHealthy ? .queryFailed : .connectionLost, sqlState: sqlState, message: message)
        }
    }

    private static func rows(of result: OpaquePointer) -> PostgresRows {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        let columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
        var values = [[String?]]()
        values.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            var rowValues = [String?]()
            rowValues.reserveCapacity(columnCount)
            for column in 0..<columnCount {
                if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                    rowValues.append(nil)
                } else {
                    rowValues.append(String(cString: PQgetvalue(result, Int32(row), Int32(column))))
                }
            }
            values.append(rowValues)
        }
        let affected = Int(String(cString: PQcmdTuples(result))) ?? 0
        return PostgresRows(columns: columns, values: values, affectedRows: affected)
    }

    private static func trimmed(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "unknown libpq error" }
        return String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
