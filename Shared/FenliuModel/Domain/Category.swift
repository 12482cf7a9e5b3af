/// A matter category of the catalogue (清单).
///
/// The raw values are the stable API codes (proto enum value names in `fenliu.common.v1.Category`);
/// `chineseName` is what operators see. The list and its order follow the catalogue (`Shared/Proto/fenliu/common/v1/common.proto`).
public enum Category: String, CaseIterable, Sendable, Codable, Hashable {
    case publicFacilities = "PUBLIC_FACILITIES"
    case cityAppearance = "CITY_APPEARANCE"
    case laborWages = "LABOR_WAGES"
    case agriForestryGreening = "AGRI_FORESTRY_GREENING"
    case construction = "CONSTRUCTION"
    case environment = "ENVIRONMENT"
    case marketRegulation = "MARKET_REGULATION"
    case epidemicControl = "EPIDEMIC_CONTROL"
    case disputeMediation = "DISPUTE_MEDIATION"
    case crimeReport = "CRIME_REPORT"
    case emergencyHelp = "EMERGENCY_HELP"
    case policeComplaint = "POLICE_COMPLAINT"
    case fire = "FIRE"
    case medical = "MEDICAL"
    case traffic = "TRAFFIC"
    case otherService = "OTHER_SERVICE"

    /// The stable API code, e.g. `CRIME_REPORT`.
    public var code: String { rawValue }

    /// The category for an API code, or `nil` when the code is not in the catalogue.
    public init?(code: String) { self.init(rawValue: code) }

    /// The name operators see, e.g. 报警.
    public var chineseName: String {
        switch self {
        case .publicFacilities: "公共设施"
        case .cityAppearance: "市容管理"
        case .laborWages: "劳务酬薪"
        case .agriForestryGreening: "农林绿化"
        case .construction: "施工管理"
        case .environment: "环境保护"
        case .marketRegulation: "市场监管"
        case .epidemicControl: "疫情防控"
        case .disputeMediation: "矛盾纠纷"
        case .crimeReport: "报警"
        case .emergencyHelp: "紧急求助"
        case .policeComplaint: "涉警投诉"
        case .fire: "火警"
        case .medical: "医疗急救"
        case .traffic: "交通事故"
        case .otherService: "其他政务"
        }
    }

    /// The catalogue group this category belongs to.
    public var group: CategoryGroup {
        switch self {
        case .crimeReport, .emergencyHelp, .policeComplaint, .traffic: .police
        case .fire: .fire
        case .medical: .medical
        default: .nonPolice
        }
    }

    /// Where a matter of this category goes when nothing else is known.
    public var defaultDestination: Destination {
        switch group {
        case .police: .police110
        case .fire: .fire119
        case .medical: .medical120
        case .nonPolice: .hotline12345
        }
    }

    /// Whether this category belongs to the emergency services (110, 119, 120) and so may never be
    /// diverted to 12345 alone.
    public var isEmergencyService: Bool { group != .nonPolice }
}

/// The catalogue's four groups of categories.
public enum CategoryGroup: String, Sendable, Codable, Hashable {
    case nonPolice = "non-police"
    case police
    case fire
    case medical
}
