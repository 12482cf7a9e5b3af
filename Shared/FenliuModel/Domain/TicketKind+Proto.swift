extension TicketKind {
    /// The proto value. The proto enum numbers its values in `allCases` order from 1.
    public var proto: Fenliu_Common_V1_TicketKind {
        Fenliu_Common_V1_TicketKind(rawValue: (Self.allCases.firstIndex(of: self) ?? -1) + 1) ?? .unspecified
    }

    /// The kind of a proto value, or `nil` for unspecified or unknown values.
    public init?(proto: Fenliu_Common_V1_TicketKind) {
        let index = proto.rawValue - 1
        guard Self.allCases.indices.contains(index) else { return nil }
        self = Self.allCases[index]
    }
}
