extension TicketState {
    /// The proto value. The proto enum numbers its values in `allCases` order from 1.
    public var proto: Fenliu_Common_V1_TicketStatus {
        Fenliu_Common_V1_TicketStatus(rawValue: (Self.allCases.firstIndex(of: self) ?? -1) + 1) ?? .unspecified
    }

    /// The state of a proto value, or `nil` for unspecified or unknown values.
    public init?(proto: Fenliu_Common_V1_TicketStatus) {
        let index = proto.rawValue - 1
        guard Self.allCases.indices.contains(index) else { return nil }
        self = Self.allCases[index]
    }
}
