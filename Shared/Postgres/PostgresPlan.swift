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
    /// Always the plan made without values (`force_generic_plan`), kept from the first run until an
    /// ANALYZE or a schema change: for a statement of `cached`'s kind that `auto` keeps planning for
    /// no gain — routing's read of a call's tickets (a `UNION` of three key lookups) was planned on
    /// half its runs at 0.48 ms each; `.generic` took its statement time from 0.38 to 0.05 ms a call
    /// (stop 30). There is no second opinion here, and the plan is made on the first run, when a new
    /// service's tables may be nearly empty: only for a statement whose generic plan is lookups by key
    /// whatever the sizes. (Stop 30 also tried it for the outbox's delivery marks and the inbox's
    /// `= ANY`, which `auto` plans on every run because an array counted exactly looks cheaper than
    /// ten guessed elements: planning halved, but PostgreSQL's CPU a call did not fall beyond the
    /// runs' noise, and the marks on a young outbox read 130–290 buffers a run either way, so they
    /// stayed `cached`.)
    case generic

    /// The statement that puts a session in this mode.
    var setting: String {
        switch self {
        case .eachRun: "SET plan_cache_mode = force_custom_plan"
        case .cached: "SET plan_cache_mode = auto"
        case .generic: "SET plan_cache_mode = force_generic_plan"
        }
    }
}
