import FenliuModel
import SwiftProtobuf

extension Department.Level {
    /// The domain level of a proto value, or `nil` for unspecified.
    init?(proto: Fenliu_Routing_V1_DepartmentLevel) {
        switch proto {
        case .municipal: self = .municipal
        case .district: self = .district
        case .street: self = .street
        default: return nil
        }
    }

    /// The proto value.
    var proto: Fenliu_Routing_V1_DepartmentLevel {
        switch self {
        case .municipal: .municipal
        case .district: .district
        case .street: .street
        }
    }
}

extension Department {
    /// The department as the API shows it (never its secret).
    var proto: Fenliu_Routing_V1_Department {
        .with {
            $0.id = id
            $0.name = name
            $0.level = level.proto
            $0.district = district
            $0.endpointURL = endpointURL
            $0.active = isActive
            $0.hasWebhookSecret_p = hasWebhookSecret
            $0.categories = categories.map(\.proto)
        }
    }
}
