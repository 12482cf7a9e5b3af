import FenliuModel

extension SafetyFlag {
    /// The proto value.
    var proto: Fenliu_Classification_V1_SafetyFlag {
        switch self {
        case .fire: .fireOrSmoke
        case .gasLeak: .gasLeak
        case .weapon: .weapon
        case .violence: .violence
        case .threatToLife: .threatToLife
        case .trapped: .trapped
        case .missingPerson: .missingPerson
        case .personAtRisk: .personAtRisk
        case .poisoning: .poisoning
        case .injury: .injury
        case .medicalEmergency: .medicalEmergency
        case .rescue: .rescue
        }
    }
}
