extension Channel {
    /// The proto value. The proto enum numbers its values in `allCases` order from 1 (0 is
    /// `*_UNSPECIFIED`); `FenliuModelTests` checks that the names match too.
    public var proto: Fenliu_Common_V1_Channel {
        Fenliu_Common_V1_Channel(rawValue: (Self.allCases.firstIndex(of: self) ?? -1) + 1) ?? .unspecified
    }

    /// The channel of a proto value, or `nil` for unspecified or unknown values.
    public init?(proto: Fenliu_Common_V1_Channel) {
        let index = proto.rawValue - 1
        guard Self.allCases.indices.contains(index) else { return nil }
        self = Self.allCases[index]
    }
}
