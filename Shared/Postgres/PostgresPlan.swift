/// How PostgreSQL plans a statement each time it runs (`plan_cache_mode`, set per statement by the
/// connection).
///
/// Every statement is prepared once per connection (`PostgresConnection`), and by default it is
/// still planned on every run with that run's values: a plan cached without the values guesses the
/// rows a range of `received_at` or an optional filter (`$1 = '' OR district = $1`) selects, and the
/// repeat-call search chose to read every call of its window instead of walking an index backwards
/// to 200. Planning is not free, though: on the diversion path it was about 40% of PostgreSQL's time
/// per statement (`pg_stat_statements` with `track_planning`, stop 28), 0.67 ms for routing's read of
/// a call's tickets alone, whose plan is the same whatever the values. (A statement without
/// parameters is planned once whatever its mode: there are no values to plan with.)
public enum PostgresPlan: Sendable, Equatable {
    /// Planned on every run with its values (`force_custom_plan`): for any statement whose best plan
    /// depends on them — ranges, optional filters, `LIMIT`s, searches. The default.
    case eachRun
    /// Planned once and the plan kept for the connection's later runs (`auto`: after five runs
    /// planned with their values, PostgreSQL keeps a plan made without them when its estimated cost
    /// is lower than theirs plus the planning saved, and does not look again until an ANALYZE or
    /// a schema change invalidates it). Only for statements whose best plan cannot depend on their
    /// values: a lookup, a lock, an update or a delete by a key or the leading columns of an index
    /// (`=`, or `= ANY` of a few keys), and inserts. Not for ranges, optional filters, `LIMIT`s,
    /// `OR`s across columns, or a partial index whose condition only the values could prove.
    case cached

    /// The statement that puts a session in this mode.
    var setting: String {
        switch self {
        case .eachRun: "SET plan_cache_mode = force_custom_plan"
        case .cached: "SET plan_cache_mode = auto"
        }
    }
}
