/// Conversions between the domain enums and their generated proto counterparts.
///
/// The proto enums number their values in the domain enums' `allCases` order, starting at 1
/// (0 is `*_UNSPECIFIED`); `FenliuModelTests` checks that the names match too.
extension Category {
    /// The proto value.
    public var proto: Fenliu_Common_V1_Category {
        Fenliu_Common_V1_Category(rawValue: Self.allCases.firstIndex(of: self)! + 1) ?? .unspecified
    }

    /// The category of a proto value, or `nil` for unspecified or unknown values.
    public init?(proto: Fenliu_Common_V1_Category) {
        let index = proto.rawValue - 1
        guard index >= 0, index < Self.allCases.count else { return nil }
        self = Self.allCases[index]
    }
}

extension Destination {
    /// The proto value.
    public var proto: Fenliu_Common_V1_Destination {
        Fenliu_Common_V1_Destination(rawValue: Self.allCases.firstIndex(of: self)! + 1) ?? .unspecified
    }

    /// The destination of a proto value, or `nil` for unspecified or unknown values.
    public init?(proto: Fenliu_Common_V1_Destination) {
        let index = proto.rawValue - 1
        guard index >= 0, index < Self.allCases.count else { return nil }
        self = Self.allCases[index]
    }
}

extension Channel {
    /// The proto value.
    public var proto: Fenliu_Common_V1_Channel {
        Fenliu_Common_V1_Channel(rawValue: Self.allCases.firstIndex(of: self)! + 1) ?? .unspecified
    }

    /// The channel of a proto value, or `nil` for unspecified or unknown values.
    public init?(proto: Fenliu_Common_V1_Channel) {
        let index = proto.rawValue - 1
        guard index >= 0, index < Self.allCases.count else { return nil }
        self = Self.allCases[index]
    }
}
