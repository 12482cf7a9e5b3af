import Foundation

extension DeadlinePolicy {
    /// The deadlines and calendar described by a policy file (JSON; see README), defaults filling
    /// every key left out; other keys (a service's own) are ignored. Throws a message naming the bad
    /// key. Routing and feedback read the same file (`FENLIU_POLICY_FILE`), so both count working
    /// time on one calendar.
    public static func parse(_ json: Data) throws -> DeadlinePolicy {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: json)
        } catch {
            throw PolicyError("not a policy file: \(error)")
        }
        var policy = standard
        for (code, rule) in file.deadlines ?? [:] {
            guard let priority = TicketPriority(code: code) else { throw PolicyError("deadlines: unknown priority \(code)") }
            var current = policy.rules[priority] ?? Self.standard.rules[.normal]!
            if let text = rule.signFor { current.signFor = try span(text, "deadlines.\(code).signFor") }
            if let text = rule.resolve { current.resolve = try span(text, "deadlines.\(code).resolve") }
            policy.rules[priority] = current
        }
        if let text = file.urgentPoliceFeedback {
            policy.urgentPoliceFeedback = try span(text, "urgentPoliceFeedback")
        }
        if let calendar = file.calendar {
            policy.calendar = try calendar.apply(to: policy.calendar)
        }
        return policy
    }

    private static func span(_ text: String, _ key: String) throws -> DeadlineSpan {
        guard let span = DeadlineSpan(text) else { throw PolicyError("\(key): \"\(text)\" is not a span like 30m, 24h, 2wh or 5wd") }
        return span
    }

    private struct File: Decodable {
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

/// A policy file that cannot be used; the message names the key.
public struct PolicyError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let description: String

    /// Creates an error.
    public init(_ description: String) {
        self.description = description
    }
}
