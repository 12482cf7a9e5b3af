import Foundation

/// The routing rules an operator may tune without a release: deadlines per priority, the working
/// calendar and the number of returns before arbitration. Read from a JSON file (see README,
/// `FENLIU_ROUTING_POLICY_FILE`); every key is optional and falls back to the default.
public struct RoutingPolicy: Sendable {
    /// Deadline rules and calendar.
    public var deadlines: DeadlinePolicy
    /// Returns before arbitration.
    public var returns: ReturnPolicy

    /// The defaults: the reform's deadlines, Chengdu's 2026 calendar, arbitration after 2 returns.
    public static let standard = RoutingPolicy(deadlines: .standard, returns: ReturnPolicy())

    /// Creates a policy.
    public init(deadlines: DeadlinePolicy, returns: ReturnPolicy) {
        self.deadlines = deadlines
        self.returns = returns
    }

    /// The policy described by `json`, defaults filling every key left out. Throws a message naming
    /// the bad key.
    public static func parse(_ json: Data) throws -> RoutingPolicy {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: json)
        } catch {
            throw PolicyError("not a routing policy: \(error)")
        }
        var policy = standard
        if let maximumReturns = file.maxReturns {
            guard maximumReturns >= 1 else { throw PolicyError("maxReturns must be at least 1") }
            policy.returns.maximumReturns = maximumReturns
        }
        for (code, rule) in file.deadlines ?? [:] {
            guard let priority = TicketPriority(code: code) else { throw PolicyError("deadlines: unknown priority \(code)") }
            var current = policy.deadlines.rules[priority]!
            if let text = rule.signFor { current.signFor = try span(text, "deadlines.\(code).signFor") }
            if let text = rule.resolve { current.resolve = try span(text, "deadlines.\(code).resolve") }
            policy.deadlines.rules[priority] = current
        }
        if let text = file.urgentPoliceFeedback {
            policy.deadlines.urgentPoliceFeedback = try span(text, "urgentPoliceFeedback")
        }
        if let calendar = file.calendar {
            policy.deadlines.calendar = try calendar.apply(to: policy.deadlines.calendar)
        }
        return policy
    }

    private static func span(_ text: String, _ key: String) throws -> DeadlineSpan {
        guard let span = DeadlineSpan(text) else { throw PolicyError("\(key): \"\(text)\" is not a span like 30m, 24h, 2wh or 5wd") }
        return span
    }

    private struct File: Decodable {
        var maxReturns: Int?
        var deadlines: [String: RuleFile]?
        var urgentPoliceFeedback: String?
        var calendar: CalendarFile?
    }

    private struct RuleFile: Decodable {
        var signFor: String?
        var resolve: String?
    }

    private struct CalendarFile: Decodable {
        var timeZone: String?
        var hours: [String]?
        var workingWeekdays: [Int]?
        var holidays: [LocalDate]?
        var makeUpWorkingDays: [LocalDate]?

        func apply(to base: WorkingCalendar) throws -> WorkingCalendar {
            var calendar = base
            if let timeZone {
                guard let zone = TimeZone(identifier: timeZone) else { throw PolicyError("calendar.timeZone: unknown zone \(timeZone)") }
                calendar.timeZone = zone
            }
            if let hours {
                let periods = hours.compactMap(WorkingCalendar.Period.init)
                guard periods.count == hours.count, !periods.isEmpty else { throw PolicyError("calendar.hours: write periods as HH:MM-HH:MM") }
                calendar.periods = periods.sorted { $0.start < $1.start }
            }
            if let workingWeekdays {
                guard workingWeekdays.allSatisfy((1...7).contains) else { throw PolicyError("calendar.workingWeekdays: 1 (Sunday) … 7 (Saturday)") }
                calendar.workingWeekdays = Set(workingWeekdays)
            }
            if let holidays { calendar.holidays = Set(holidays) }
            if let makeUpWorkingDays { calendar.makeUpWorkingDays = Set(makeUpWorkingDays) }
            return calendar
        }
    }
}

/// A routing policy file that cannot be used; the message names the key.
public struct PolicyError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
