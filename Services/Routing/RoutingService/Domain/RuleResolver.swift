import FenliuModel

/// Finds the department responsible for a matter: 属地管理优先 (the district's own rule first), then
/// 谁主管谁负责 (the city-wide rule naming the governing department), then the district government,
/// then the 12345 centre. Inactive or unknown departments are skipped at every step.
public struct RuleResolver: Sendable {
    /// How a department was found; the last step means no rule fitted and a person must assign.
    public enum Step: String, Sendable, Hashable {
        case districtRule = "district rule"
        case cityWideRule = "city-wide rule"
        case districtGovernment = "district government"
        case municipalCentre = "12345 centre"
    }

    /// One candidate department and the step that found it.
    public struct Candidate: Sendable, Hashable {
        /// The department's id.
        public let departmentID: String
        /// Which step of the chain found it.
        public let step: Step
    }

    private let rules: [RoutingRule]
    private let departments: [String: Department]

    /// Creates a resolver over a rule set and the directory.
    public init(rules: [RoutingRule], departments: [Department]) {
        self.rules = rules
        self.departments = Dictionary(departments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every department that may take the matter, in the order the chain tries them, without repeats.
    /// The 12345 centre ends the list unless a rule named it earlier, so the list is never empty. Emergency-service departments
    /// (110, 119, 120) are left out: a work order is for a government department.
    public func candidates(category: Category, district: String) -> [Candidate] {
        var found = [Candidate]()
        func add(_ id: String?, _ step: Step) {
            guard let id, isUsable(id), !found.contains(where: { $0.departmentID == id }) else { return }
            found.append(Candidate(departmentID: id, step: step))
        }
        if !district.isEmpty {
            add(rules.first { $0.category == category && $0.district == district }?.departmentID, .districtRule)
        }
        add(rules.first { $0.category == category && $0.district.isEmpty }?.departmentID, .cityWideRule)
        if !district.isEmpty {
            add(Department.districtGovernmentID(for: district), .districtGovernment)
        }
        if !found.contains(where: { $0.departmentID == Department.municipalCentreID }) {
            found.append(Candidate(departmentID: Department.municipalCentreID, step: .municipalCentre))
        }
        return found
    }

    /// The first candidate: where a new work order goes.
    public func resolve(category: Category, district: String) -> Candidate {
        candidates(category: category, district: district)[0]
    }

    /// Where a returned work order goes next: the first candidate no department has held yet, or the
    /// 12345 centre when the chain is exhausted.
    public func next(category: Category, district: String, excluding tried: Set<String>) -> Candidate {
        let remaining = candidates(category: category, district: district).filter { !tried.contains($0.departmentID) }
        return remaining.first { $0.departmentID != Department.municipalCentreID }
            ?? Candidate(departmentID: Department.municipalCentreID, step: .municipalCentre)
    }

    private func isUsable(_ id: String) -> Bool {
        guard let department = departments[id], department.isActive else { return false }
        return !Destination.allCases.contains { Department.emergencyServiceID(for: $0) == id }
    }
}
