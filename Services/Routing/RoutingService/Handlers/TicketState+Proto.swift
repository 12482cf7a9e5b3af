import FenliuModel

// Routing's enums follow the model's rule: the proto enum numbers them in `allCases` order from 1.
extension TicketState {
    /// The domain state of a proto value, or `nil`.
    init?(proto: Fenliu_Common_V1_TicketStatus) {
        let index = proto.rawValue - 1
        guard TicketState.allCases.indices.contains(index) else { return nil }
        self = TicketState.allCases[index]
    }

    /// The proto value.
    var proto: Fenliu_Common_V1_TicketStatus {
        Fenliu_Common_V1_TicketStatus(rawValue: TicketState.allCases.firstIndex(of: self)! + 1) ?? .unspecified
    }
}
