import FenliuModel
import Foundation
import ServiceSupport

/// Feedback's own settings, read at start-up with the shared reader (see README, "Feedback").
public struct FeedbackConfiguration: ModuleConfiguration {
    /// Share of a deadline's time after which a reminder goes out (`FENLIU_FEEDBACK_REMINDER_SHARE`, 0.8).
    public var reminderShare: Double
    /// Time between repeated escalations of an overdue ticket (`FENLIU_FEEDBACK_ESCALATION_MINUTES`, 60).
    public var escalationInterval: TimeInterval
    /// Time the 12345 centre has for the callback after a ticket is resolved (`FENLIU_FEEDBACK_CALLBACK_HOURS`, 24).
    public var callbackWindow: TimeInterval
    /// Time before the next attempt to reach an unreachable caller (`FENLIU_FEEDBACK_CALLBACK_RETRY_MINUTES`, 240).
    public var callbackRetryInterval: TimeInterval
    /// Attempts before an unreachable caller's callback counts as done (`FENLIU_FEEDBACK_CALLBACK_ATTEMPTS`, 3).
    public var callbackAttempts: Int
    /// Whether a caller who is not satisfied reopens the ticket (`FENLIU_FEEDBACK_REOPEN`, on).
    public var reopensOnDissatisfaction: Bool
    /// Whether a done callback closes the ticket at once (`FENLIU_FEEDBACK_AUTO_CLOSE`, on); off, the
    /// 12345 centre closes it with `ReportStatus` CLOSED.
    public var closesAfterCallback: Bool
    /// How often the clock watcher looks for reminders and escalations (`FENLIU_FEEDBACK_CLOCK_MS`, 1000).
    public var clockInterval: Duration
    /// Deadlines and the working calendar, for a reopened ticket's new resolve deadline
    /// (`FENLIU_POLICY_FILE`, shared with routing).
    public var deadlines: DeadlinePolicy
    /// Where the time comes from (tests move it by hand).
    public var clock: any FeedbackClock
    /// Subscriptions made at start-up when missing, signed with `FENLIU_WEBHOOK_SECRET`
    /// (`FENLIU_FEEDBACK_DEFAULT_SUBSCRIPTIONS`: `CHANNEL_110=<url>,CHANNEL_12345=<url>`): the local
    /// stack subscribes the 110 and 12345 systems to their own channel's calls this way.
    public var defaultSubscriptions: [(channel: Channel, url: String)]

    /// Creates a configuration.
    public init(
        reminderShare: Double = 0.8, escalationInterval: TimeInterval = 3600, callbackWindow: TimeInterval = 86_400,
        callbackRetryInterval: TimeInterval = 4 * 3600, callbackAttempts: Int = 3, reopensOnDissatisfaction: Bool = true,
        closesAfterCallback: Bool = true, clockInterval: Duration = .seconds(1), deadlines: DeadlinePolicy = .standard,
        clock: any FeedbackClock = SystemClock(), defaultSubscriptions: [(channel: Channel, url: String)] = []
    ) {
        self.reminderShare = reminderShare
        self.escalationInterval = escalationInterval
        self.callbackWindow = callbackWindow
        self.callbackRetryInterval = callbackRetryInterval
        self.callbackAttempts = callbackAttempts
        self.reopensOnDissatisfaction = reopensOnDissatisfaction
        self.closesAfterCallback = closesAfterCallback
        self.clockInterval = clockInterval
        self.deadlines = deadlines
        self.clock = clock
        self.defaultSubscriptions = defaultSubscriptions
    }

    /// When reminders and escalations come.
    var schedule: ClockSchedule {
        ClockSchedule(reminderShare: reminderShare, escalationInterval: escalationInterval)
    }

    public static func read(from reader: inout ConfigurationReader) -> FeedbackConfiguration {
        var configuration = FeedbackConfiguration()
        configuration.reminderShare = reader.number("FENLIU_FEEDBACK_REMINDER_SHARE", default: 0.8, in: 0.05...0.99)
        configuration.escalationInterval = Double(reader.integer("FENLIU_FEEDBACK_ESCALATION_MINUTES", default: 60, in: 1...10_080) * 60)
        configuration.callbackWindow = Double(reader.integer("FENLIU_FEEDBACK_CALLBACK_HOURS", default: 24, in: 1...720) * 3600)
        configuration.callbackRetryInterval = Double(reader.integer("FENLIU_FEEDBACK_CALLBACK_RETRY_MINUTES", default: 240, in: 1...10_080) * 60)
        configuration.callbackAttempts = reader.integer("FENLIU_FEEDBACK_CALLBACK_ATTEMPTS", default: 3, in: 1...10)
        configuration.reopensOnDissatisfaction = reader.flag("FENLIU_FEEDBACK_REOPEN", default: true)
        configuration.closesAfterCallback = reader.flag("FENLIU_FEEDBACK_AUTO_CLOSE", default: true)
        configuration.clockInterval = .milliseconds(reader.integer("FENLIU_FEEDBACK_CLOCK_MS", default: 1000, in: 10...60_000))
        for entry in (reader.text("FENLIU_FEEDBACK_DEFAULT_SUBSCRIPTIONS") ?? "").split(separator: ",") {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let channel = Channel(code: parts[0]), parts[1].hasPrefix("http://") || parts[1].hasPrefix("https://") else {
                reader.problem("FENLIU_FEEDBACK_DEFAULT_SUBSCRIPTIONS: \"\(entry)\" is not CHANNEL_…=http(s)://…")
                continue
            }
            // The rule Subscribe applies: no cloud metadata address through the back door.
            guard let url = reader.webhookURL(parts[1], named: "FENLIU_FEEDBACK_DEFAULT_SUBSCRIPTIONS") else { continue }
            configuration.defaultSubscriptions.append((channel, url))
        }
        if let data = reader.file("FENLIU_POLICY_FILE") {
            do {
                configuration.deadlines = try DeadlinePolicy.parse(data)
            } catch {
                reader.problem("FENLIU_POLICY_FILE \(reader.text("FENLIU_POLICY_FILE") ?? ""): \(error)")
            }
        }
        return configuration
    }
}
