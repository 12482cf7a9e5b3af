import FenliuModel

/// What `Route` must create for one destination, decided before anything is stored.
public struct PlannedTicket: Sendable, Hashable {
    /// Where it goes.
    public var destination: Destination
    /// Work order, police ticket or alert.
    public var kind: TicketKind
    /// How soon it is served.
    public var priority: TicketPriority
    /// The department that gets it.
    public var departmentID: String
    /// The state it starts in: dispatched, or waiting for the 12345 centre when no rule fitted.
    public var state: TicketState
    /// Why this department, for the assignment history.
    public var reason: String
    /// Whether 110 owes 12345 feedback within the hour (an urgent police matter from 12345).
    public var owesUrgentFeedback: Bool
}

/// Turns a classified call into one planned ticket per destination: kind, priority (分级管理) and
/// department (the rules for 12345 work orders, the agency itself for 110/119/120).
public struct TicketPlanner: Sendable {
    private let resolver: RuleResolver

    /// Creates a planner over the current rules and directory.
    public init(resolver: RuleResolver) {
        self.resolver = resolver
    }

    /// The priority of a ticket: EMERGENCY for the emergency services, PINNED for a matter 110 diverted
    /// to 12345 (自动置顶), URGENT when the operator said so, NORMAL otherwise.
    public static func priority(destination: Destination, channel: Channel?, isUrgent: Bool) -> TicketPriority {
        if destination.isEmergencyService { return .emergency }
        if channel == .police110 { return .pinned }
        return isUrgent ? .urgent : .normal
    }

    /// One planned ticket per distinct destination, primary first.
    public func plan(category: Category, district: String, destinations: [Destination], channel: Channel?, isUrgent: Bool) -> [PlannedTicket] {
        var seen = Set<Destination>()
        return destinations.filter { seen.insert($0).inserted }.map { destination in
            let priority = Self.priority(destination: destination, channel: channel, isUrgent: isUrgent)
            let owesFeedback = destination == .police110 && channel == .hotline12345 && isUrgent
            if let agency = Department.emergencyServiceID(for: destination) {
                return PlannedTicket(
                    destination: destination, kind: TicketKind(destination: destination), priority: priority,
                    departmentID: agency, state: .dispatched, reason: "emergency service \(destination.hotlineNumber)",
                    owesUrgentFeedback: owesFeedback
                )
            }
            let candidate = resolver.resolve(category: category, district: district)
            return PlannedTicket(
                destination: destination, kind: .workOrder, priority: priority, departmentID: candidate.departmentID,
                state: candidate.step == .municipalCentre ? .pendingAssignment : .dispatched,
                reason: "routed by \(candidate.step.rawValue)", owesUrgentFeedback: false
            )
        }
    }
}
