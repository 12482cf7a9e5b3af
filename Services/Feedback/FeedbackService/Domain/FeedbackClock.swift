import Foundation
import Synchronization

/// Where feedback reads the time. Deadlines, reminders and escalations are computed from it, never
/// from the database's clock, so tests run days of deadlines in milliseconds with `ManualClock`.
public protocol FeedbackClock: Sendable {
    /// The current time.
    func now() -> Date
}

/// The system clock.
public struct SystemClock: FeedbackClock {
    /// Creates the system clock.
    public init() {}

    public func now() -> Date { Date() }
}

/// A clock that moves only when told to (tests).
public final class ManualClock: FeedbackClock {
    private let current: Mutex<Date>

    /// Creates a clock standing at `start`.
    public init(_ start: Date = Date()) {
        current = Mutex(start)
    }

    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward.
    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
