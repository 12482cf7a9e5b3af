/// When the caller of the current request stops waiting (`Connect-Timeout-Ms`), for the database
/// work done on its behalf: `PostgresPool` turns what is left into `statement_timeout`, so a slow
/// query is cut short instead of running on after nobody waits for it.
public enum DatabaseDeadline {
    /// The deadline of the task's request, if it has one.
    @TaskLocal public static var current: ContinuousClock.Instant?

    /// Milliseconds left before the deadline (at least 1), `nil` without one; throws when it passed.
    static func remainingMilliseconds() throws -> Int? {
        try remainingMilliseconds(until: current)
    }

    /// Milliseconds left before `deadline` (at least 1), `nil` without one; throws when it passed.
    static func remainingMilliseconds(until deadline: ContinuousClock.Instant?) throws -> Int? {
        guard let deadline else { return nil }
        let left = ContinuousClock.now.duration(to: deadline)
        let (seconds, attoseconds) = left.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        guard milliseconds > 0 else {
            throw PostgresError(code: .deadlineExceeded, message: "the request's deadline passed before the database was asked")
        }
        return Int(clamping: milliseconds)
    }
}
