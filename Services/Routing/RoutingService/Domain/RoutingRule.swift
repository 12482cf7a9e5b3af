import FenliuModel

/// One routing rule: matters of `category` in `district` (empty: any district) go to `departmentID`.
public struct RoutingRule: Sendable, Hashable {
    /// The matter.
    public var category: Category
    /// A district code, or empty for a rule that applies city-wide.
    public var district: String
    /// The responsible department.
    public var departmentID: String

    /// Creates a rule.
    public init(category: Category, district: String, departmentID: String) {
        self.category = category
        self.district = district
        self.departmentID = departmentID
    }
}

/// A published set of rules. Published versions are kept, and each ticket records the version used.
public struct RoutingRuleSet: Sendable {
    /// The version name, e.g. `2026.1`.
    public var version: String
    /// The rules.
    public var rules: [RoutingRule]

    /// Creates a rule set.
    public init(version: String, rules: [RoutingRule]) {
        self.version = version
        self.rules = rules
    }
}
