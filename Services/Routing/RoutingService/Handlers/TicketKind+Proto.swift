import FenliuModel

extension TicketKind {
    /// The proto value.
    var proto: Fenliu_Routing_V1_TicketKind {
        switch self {
        case .workOrder: .workOrder
        case .policeTicket: .policeTicket
        case .alert: .alert
        }
    }
}
