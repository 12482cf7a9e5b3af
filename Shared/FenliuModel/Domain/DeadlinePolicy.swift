import Foundation

/// When a ticket must be signed for (签收), resolved, and — for an urgent police matter handed from
/// 12345 to 110 — when 110 owes 12345 its feedback.
public struct Deadlines: Sendable, Hashable {
    /// 签收 due.
    public var signForDue: Date?
    /// Resolution due.
    public var resolveDue: Date?
    /// 110's feedback on an urgent 12345 matter due (提级处置: within one hour).
    public var feedbackDue: Date?

    /// Creates deadlines.
    public init(signForDue: Date? = nil, resolveDue: Date? = nil, feedbackDue: Date? = nil) {
        self.signForDue = signForDue
        self.resolveDue = resolveDue
        self.feedbackDue = feedbackDue
    }
}

/// The deadline rules per priority. Defaults follow the reform: sign-for within 30 minutes for
/// PINNED and URGENT and 2 working hours for NORMAL; resolution within 24 hours for URGENT and
/// 5 working days for NORMAL. For EMERGENCY (110/119/120 work around the clock) we chose sign-for
/// within 5 minutes and resolution within 24 hours; for PINNED (110's diverted matters, 优先派发)
/// resolution within 24 hours, as for URGENT.
public struct DeadlinePolicy: Sendable {
    /// The spans for one priority.
    public struct Rule: Sendable, Hashable {
        /// Time to sign for.
        public var signFor: DeadlineSpan
        /// Time to resolve.
        public var resolve: DeadlineSpan

        /// Creates a rule.
        public init(signFor: DeadlineSpan, resolve: DeadlineSpan) {
            self.signFor = signFor
            self.resolve = resolve
        }
    }

    /// The rule per priority; every priority has one.
    public var rules: [TicketPriority: Rule]
    /// 110's feedback deadline on an urgent police matter from 12345.
    public var urgentPoliceFeedback: DeadlineSpan
    /// The working-time calendar that working spans count in.
    public var calendar: WorkingCalendar

    /// The reform's defaults on Chengdu's 2026 calendar.
    public static let standard = DeadlinePolicy(
        rules: [
            .emergency: Rule(signFor: .clockMinutes(5), resolve: .clockMinutes(24 * 60)),
            .pinned: Rule(signFor: .clockMinutes(30), resolve: .clockMinutes(24 * 60)),
            .urgent: Rule(signFor: .clockMinutes(30), resolve: .clockMinutes(24 * 60)),
            .normal: Rule(signFor: .workingMinutes(120), resolve: .workingDays(5)),
        ],
        urgentPoliceFeedback: .clockMinutes(60),
        calendar: .chengdu2026
    )

    /// Creates a policy.
    public init(rules: [TicketPriority: Rule], urgentPoliceFeedback: DeadlineSpan, calendar: WorkingCalendar) {
        self.rules = rules
        self.urgentPoliceFeedback = urgentPoliceFeedback
        self.calendar = calendar
    }

    /// The deadlines of a ticket created at `start`. `owesUrgentFeedback` is true for a police
    /// ticket from the 12345 line marked urgent.
    public func deadlines(priority: TicketPriority, from start: Date, owesUrgentFeedback: Bool) -> Deadlines {
        let rule = rules[priority] ?? Self.standard.rules[priority]!
        return Deadlines(
            signForDue: rule.signFor.deadline(from: start, calendar: calendar),
            resolveDue: rule.resolve.deadline(from: start, calendar: calendar),
            feedbackDue: owesUrgentFeedback ? urgentPoliceFeedback.deadline(from: start, calendar: calendar) : nil
        )
    }

    /// The sign-for deadline of a ticket handed to a holder at `start` (a new holder after a return
    /// gets a full sign-for span of its own).
    public func signForDue(priority: TicketPriority, from start: Date) -> Date {
        let rule = rules[priority] ?? Self.standard.rules[priority]!
        return rule.signFor.deadline(from: start, calendar: calendar)
    }
}
