import FenliuModel
import Foundation
import RPC

/// Checks directory edits before they are stored, naming every bad field.
enum DirectoryValidation {
    /// The departments behind POLICE_110, FIRE_119 and MEDICAL_120.
    static let emergencyServiceIDs = Destination.emergencyServiceIDs

    /// A department from an `UpsertDepartment` request.
    static func department(_ message: Fenliu_Routing_V1_Department) throws -> Department {
        var violations = [FieldViolation]()
        let id = message.id
        if id.isEmpty || id.count > 64 || !id.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }) {
            violations.append(.init(field: "department.id", description: "is required: 1–64 ASCII letters, digits, - or _"))
        }
        if message.name.trimmingCharacters(in: .whitespaces).isEmpty {
            violations.append(.init(field: "department.name", description: "is required"))
        }
        let level = Department.Level(proto: message.level)
        if level == nil { violations.append(.init(field: "department.level", description: "must be MUNICIPAL, DISTRICT or STREET")) }
        if !message.district.isEmpty && District.withCode(message.district) == nil {
            violations.append(.init(field: "department.district", description: "must be one of Chengdu's 22 area codes, or empty"))
        }
        if level != nil && level != .municipal && message.district.isEmpty {
            violations.append(.init(field: "department.district", description: "is required for district and street departments"))
        }
        let endpoint = message.endpointURL
        if !endpoint.isEmpty, let violation = FieldViolation.webhookURL(endpoint, field: "department.endpointUrl") { violations.append(violation) }
        // 110, 119 and 120 must always be reachable: their tickets have nowhere else to go.
        if emergencyServiceIDs.contains(id) {
            if endpoint.isEmpty {
                violations.append(.init(field: "department.endpointUrl", description: "\(id) is an emergency service and must keep an endpoint"))
            }
            if !message.active {
                violations.append(.init(field: "department.active", description: "\(id) is an emergency service and cannot be deactivated"))
            }
        }
        // Each category once, in the order given (a repeat was stored twice).
        var listed = Set<Category>()
        let categories = message.categories.compactMap(Category.init(proto:)).filter { listed.insert($0).inserted }
        if message.categories.contains(where: { Category(proto: $0) == nil }) {
            violations.append(.init(field: "department.categories", description: "must be catalogue categories"))
        }
        guard violations.isEmpty, let level else { throw RoutingError.invalidFields(violations) }
        return Department(
            id: id, name: message.name.trimmingCharacters(in: .whitespaces), level: level, district: message.district,
            endpointURL: endpoint, isActive: message.active, categories: categories
        )
    }

    /// The rules of a `PublishRoutingRules` request: each needs a known category, a district code or
    /// empty, and an existing active department; one rule per category and district.
    static func rules(_ messages: [Fenliu_Routing_V1_RoutingRule], departments: [Department]) throws -> [RoutingRule] {
        guard !messages.isEmpty else { throw RoutingError.invalidField("rules.rules", "at least one rule is required") }
        let active = Set(departments.filter(\.isActive).map(\.id))
        let known = Set(departments.map(\.id))
        var violations = [FieldViolation]()
        var seen = [String: Int]()
        var rules = [RoutingRule]()
        for (index, message) in messages.enumerated() {
            let path = "rules.rules[\(index)]"
            let category = Category(proto: message.category)
            if category == nil { violations.append(.init(field: "\(path).category", description: "must be a catalogue category")) }
            if !message.district.isEmpty && District.withCode(message.district) == nil {
                violations.append(
                    .init(
                        field: "\(path).district", description: "\"\(message.district)\" is not one of Chengdu's 22 area codes; leave it empty for any district"
                    ))
            }
            if !known.contains(message.departmentID) {
                violations.append(.init(field: "\(path).departmentId", description: "no department \"\(message.departmentID)\""))
            } else if !active.contains(message.departmentID) {
                violations.append(.init(field: "\(path).departmentId", description: "department \"\(message.departmentID)\" is inactive"))
            }
            if let category {
                let key = "\(category.code)/\(message.district)"
                if let first = seen[key] {
                    violations.append(.init(field: "\(path)", description: "repeats rules.rules[\(first)] for the same category and district"))
                }
                seen[key] = seen[key] ?? index
                rules.append(RoutingRule(category: category, district: message.district, departmentID: message.departmentID))
            }
        }
        guard violations.isEmpty else { throw RoutingError.invalidFields(violations) }
        return rules
    }
}
