/// What a ticket is for its destination system. Raw values are `fenliu.common.v1.TicketKind` codes.
public enum TicketKind: String, CaseIterable, Sendable, Hashable, Codable {
    /// A 12345 work order for a department.
    case workOrder = "WORK_ORDER"
    /// A police ticket for 110.
    case policeTicket = "POLICE_TICKET"
    /// An alert for 119 or 120.
    case alert = "ALERT"

    /// The kind of ticket a destination receives.
    public init(destination: Destination) {
        switch destination {
        case .hotline12345: self = .workOrder
        case .police110: self = .policeTicket
        case .fire119, .medical120: self = .alert
        }
    }
}
