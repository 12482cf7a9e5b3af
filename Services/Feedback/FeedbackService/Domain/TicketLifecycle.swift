import FenliuModel

/// The ticket state machine: which state may follow which, and what each change does to the
/// deadline clocks. Pure rules; the handlers and the clock watcher apply them.
///
/// ```
/// PENDING_ASSIGNMENT ─(routing assigns)─▶ DISPATCHED ─▶ ACCEPTED ─▶ IN_PROGRESS ─▶ RESOLVED ─▶ CALLBACK_DONE ─▶ CLOSED
///                                             │            │  ▲            │            │ ▲            (not satisfied)
///                                             └─RETURNED◀──┴──┼────────────┘            │ └──REOPENED◀──┘
///                                                (routing     │ EXTENSION_REQUESTED ─▶ EXTENDED
///                                                 reassigns)  └──── refused ◀──┘
/// ```
enum TicketLifecycle {
    /// The states a holder's system may report with `ReportStatus`.
    static let reportable: Set<TicketState> = [.accepted, .inProgress, .resolved, .returned, .closed]

    /// The state after `report` from `current`, or `nil` when it cannot follow. A progress report
    /// (IN_PROGRESS while in progress) is allowed: it records a note without changing the state.
    static func next(after current: TicketState, report: TicketState, kind: TicketKind) -> TicketState? {
        switch report {
        case .accepted:
            return [.dispatched, .reopened].contains(current) ? .accepted : nil
        case .inProgress:
            return [.accepted, .inProgress, .extended, .reopened].contains(current) ? .inProgress : nil
        case .resolved:
            return [.accepted, .inProgress, .extended, .reopened].contains(current) ? .resolved : nil
        case .returned:
            // Only 12345 work orders move between departments; police tickets and alerts stay
            // with their agency.
            guard kind == .workOrder else { return nil }
            return [.dispatched, .accepted, .inProgress, .extended, .reopened].contains(current) ? .returned : nil
        case .closed:
            // A work order closes after its callback; police tickets and alerts have none.
            if kind == .workOrder { return current == .callbackDone ? .closed : nil }
            return [.resolved, .callbackDone].contains(current) ? .closed : nil
        default:
            return nil
        }
    }

    /// Whether the holder may ask for more time now.
    static func canRequestExtension(from current: TicketState) -> Bool {
        [.accepted, .inProgress, .extended, .reopened].contains(current)
    }

    /// Whether a callback can be recorded now: a work order that was resolved.
    static func canRecordCallback(state: TicketState, kind: TicketKind) -> Bool {
        kind == .workOrder && state == .resolved
    }

    /// Whether routing's hand-over may set the state: routing moves a ticket that is not finished.
    static func acceptsAssignment(from current: TicketState) -> Bool {
        !current.isFinished
    }

    /// The clocks a change to `state` stops.
    static func clocksStopped(by state: TicketState) -> Set<DeadlineClock> {
        switch state {
        case .accepted: [.signFor]
        case .returned: [.signFor]
        case .resolved: [.signFor, .resolve]
        case .callbackDone, .closed: Set(DeadlineClock.allCases)
        case .reopened: [.callback]
        default: []
        }
    }
}
