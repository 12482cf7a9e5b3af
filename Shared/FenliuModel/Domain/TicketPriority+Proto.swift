extension TicketPriority {
    /// The proto value: the same numbers (1 = EMERGENCY … 4 = NORMAL).
    public var proto: Fenliu_Common_V1_Priority {
        Fenliu_Common_V1_Priority(rawValue: rawValue) ?? .unspecified
    }

    /// The priority of a proto value, or `nil` for unspecified or unknown values.
    public init?(proto: Fenliu_Common_V1_Priority) {
        self.init(rawValue: proto.rawValue)
    }
}
