import FenliuModel
import Foundation

/// The routing rules an operator may tune without a release: deadlines per priority, the working
/// calendar and the number of returns before arbitration. Read from the policy file (see README,
/// `FENLIU_POLICY_FILE`); every key is optional and falls back to the default.
public struct RoutingPolicy: Sendable {
    /// Deadline rules and calendar.
    public var deadlines: DeadlinePolicy
    /// Returns before arbitration.
    public var returns: ReturnPolicy

    /// The defaults: the reform's deadlines, Chengdu's 2026 calendar, arbitration after 2 returns.
    public static let standard = RoutingPolicy(deadlines: .standard, returns: ReturnPolicy())

    /// Creates a policy.
    public init(deadlines: DeadlinePolicy, returns: ReturnPolicy) {
        self.deadlines = deadlines
        self.returns = returns
    }

    /// The policy described by `json`: the shared deadlines and calendar, and `maxReturns`.
    public static func parse(_ json: Data) throws -> RoutingPolicy {
        var policy = RoutingPolicy(deadlines: try DeadlinePolicy.parse(json), returns: ReturnPolicy())
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: json)
        } catch {
            throw PolicyError("not a policy file: \(error)")
        }
        if let maximumReturns = file.maxReturns {
            guard maximumReturns >= 1 else { throw PolicyError("maxReturns must be at least 1") }
            policy.returns.maximumReturns = maximumReturns
        }
        return policy
    }

    private struct File: Decodable {
        var maxReturns: Int?
    }
}
