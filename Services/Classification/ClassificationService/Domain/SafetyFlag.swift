import FenliuModel

/// A kind of present danger to a person that the safety rule (守牢110生命线) recognises.
///
/// Raw values are stable API strings. The order of `allCases` is the order of precedence when
/// several flags pick the primary category: fire before violence before help before medicine.
public enum SafetyFlag: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    /// A fire, flames or smoke from a building, an explosion.
    case fire
    /// A gas leak or the smell of gas indoors.
    case gasLeak
    /// Someone holds or uses a weapon.
    case weapon
    /// Someone is being or has just been hurt by another person, or is threatened with death.
    case violence
    /// A threat against a life: to kill, to jump, to take one's own life.
    case threatToLife
    /// Someone is trapped or locked in.
    case trapped
    /// A child or an elderly or vulnerable person is missing.
    case missingPerson
    /// A person exposed to harm that no other flag names: lying in a road, a lone old person not
    /// seen for days.
    case personAtRisk
    /// Someone is poisoned.
    case poisoning
    /// Someone is injured, bleeding, unconscious or not breathing.
    case injury
    /// A sudden illness that needs an ambulance: heart attack, stroke, childbirth.
    case medicalEmergency
    /// The danger is one the fire brigade's rescue crews answer (抢险救援): someone stuck in a lift,
    /// buried or pinned, in the water or down a well, on a ledge or a crane, cut off by a flood or
    /// lost on a mountain, a child shut in a car in the sun. Never a danger on its own: it is kept
    /// only beside a flag that names the person's danger (`SafetyAssessment`), and only adds 119.
    /// Last in precedence, so it never picks the category.
    case rescue

    /// The flags beside which a rescue's setting counts: a person trapped, threatening to jump, at
    /// risk, hurt, missing or suddenly ill there.
    static let rescuable: Set<SafetyFlag> = [.trapped, .threatToLife, .personAtRisk, .injury, .missingPerson, .medicalEmergency]

    /// Whether a cue raising `flags` is a rescue's setting (电梯卡, 河里, 楼顶) and nothing else: no
    /// danger alone, no alarm for a finding to hide, nothing to hold a call for. A cue that names the
    /// person's danger too (手卡在…拔不出: trapped and rescue) is a danger like any other.
    static func isSetting(_ flags: [SafetyFlag]) -> Bool { flags == [.rescue] }

    /// Orders flags by precedence (`allCases` order).
    public static func < (lhs: SafetyFlag, rhs: SafetyFlag) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The emergency service this flag on its own must reach.
    public var requiredDestination: Destination {
        switch self {
        case .fire, .gasLeak, .rescue: .fire119
        case .weapon, .violence, .threatToLife, .trapped, .missingPerson, .personAtRisk: .police110
        case .poisoning, .injury, .medicalEmergency: .medical120
        }
    }

    /// The category the rule gives a call whose most pressing flag is this one.
    public var defaultCategory: Category {
        switch self {
        case .fire, .gasLeak: .fire
        case .weapon, .violence: .crimeReport
        case .threatToLife, .trapped, .missingPerson, .personAtRisk, .rescue: .emergencyHelp
        case .poisoning, .injury, .medicalEmergency: .medical
        }
    }

    /// Categories the model may keep when this is the most pressing of `flags`, because each still
    /// reaches the emergency services and the model knows the matter's usual category better than
    /// one cue does (a person trapped in a fire is FIRE, a gas victim found unconscious is MEDICAL,
    /// a wrist already cut is MEDICAL). The flag's own service is added to the destinations anyway.
    func accepts(_ category: Category, among flags: [SafetyFlag]) -> Bool {
        let someoneHurt = flags.contains { [.injury, .poisoning, .medicalEmergency].contains($0) }
        switch self {
        case .fire: return [.fire, .traffic].contains(category)
        case .gasLeak: return category == .fire || (category == .medical && someoneHurt)
        case .weapon, .violence: return [.crimeReport, .emergencyHelp, .policeComplaint].contains(category)
        case .threatToLife, .trapped:
            return [.emergencyHelp, .crimeReport, .policeComplaint].contains(category)
                || (self == .trapped && [.fire, .traffic].contains(category))
                // A threat to life the model reads as medical (活着也没意思，我把药都吃了) keeps the ambulance
                // first and the police beside it: losing either costs more than an extra crew (stop 27).
                || (category == .medical && (someoneHurt || self == .threatToLife))
        case .missingPerson: return [.emergencyHelp, .crimeReport, .policeComplaint].contains(category)
        case .personAtRisk: return [.emergencyHelp, .crimeReport, .policeComplaint, .traffic].contains(category)
        case .poisoning, .injury, .medicalEmergency:
            return [.medical, .crimeReport, .emergencyHelp, .traffic, .policeComplaint].contains(category)
        // Only ever beside a flag that comes before it; were it alone, the rescue is the matter.
        case .rescue: return [.emergencyHelp, .fire, .traffic, .medical, .crimeReport].contains(category)
        }
    }
}
