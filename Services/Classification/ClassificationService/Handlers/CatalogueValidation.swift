import FenliuModel
import Foundation
import RPC

/// Checks a catalogue before it is published: every category once, sensible texts, and the safety
/// rule — a police, fire or medical category must keep its emergency destination, so no catalogue
/// edit can send such matters to 12345 alone.
enum CatalogueValidation {
    static func violations(of catalogue: Fenliu_Classification_V1_Catalogue) -> [FieldViolation] {
        var violations = [FieldViolation]()
        func add(_ field: String, _ description: String) {
            violations.append(.init(field: "catalogue.\(field)", description: description))
        }
        // Free text: never a control character (the versions reach every decision, the audit trail
        // and the CLI's tables; the keywords the classifier).
        func text(_ field: String, _ value: String, maximum: Int) {
            if let violation = FieldViolation.text(value, field: field, maximum: maximum) { add(field, violation.description) }
        }
        let version = catalogue.version.trimmingCharacters(in: .whitespaces)
        if version.isEmpty || version.count > 64 { add("version", "must be 1 to 64 characters") }
        text("version", catalogue.version, maximum: 64)
        if catalogue.publishedBy.trimmingCharacters(in: .whitespaces).isEmpty { add("publishedBy", "must name who publishes") }
        text("publishedBy", catalogue.publishedBy, maximum: TextLimits.identifier)
        // Below 0.5 the evaluation set's sweep shows danger misses (BENCHMARKS.md); above 0.99 nothing
        // would ever be diverted. 0 leaves the service's configured default.
        let threshold = catalogue.divertThreshold
        if threshold != 0, !(ModelGate.lowestPublishableThreshold...0.99).contains(threshold) {
            add("divertThreshold", "must be 0 (the service's default) or from \(ModelGate.lowestPublishableThreshold) to 0.99, not \(threshold)")
        }
        var seen = Set<Category>()
        for (index, entry) in catalogue.categories.enumerated() {
            let path = "categories[\(index)]"
            guard let category = Category(proto: entry.category) else {
                add("\(path).category", "must be a catalogue category")
                continue
            }
            if !seen.insert(category).inserted { add("\(path).category", "\(category.code) appears twice") }
            if entry.chineseName.trimmingCharacters(in: .whitespaces).isEmpty { add("\(path).chineseName", "must not be empty") }
            text("\(path).chineseName", entry.chineseName, maximum: 32)
            // The group is the category's, fixed in code: it decides what may be diverted.
            if entry.group != category.group.rawValue {
                add("\(path).group", "must be \"\(category.group.rawValue)\" for \(category.code), not \"\(entry.group)\"")
            }
            let destinations = entry.defaultDestinations.compactMap(Destination.init(proto:))
            if destinations.isEmpty || destinations.count != entry.defaultDestinations.count {
                add("\(path).defaultDestinations", "must list known destinations")
            } else if Set(destinations).count != destinations.count {
                add("\(path).defaultDestinations", "lists a destination twice")
            }
            if category.isEmergencyService, destinations.first != category.defaultDestination {
                add(
                    "\(path).defaultDestinations",
                    "\(category.code) must keep \(category.defaultDestination.code), first: emergency matters are never diverted")
            }
            var keys = Set<String>()
            for (elementIndex, element) in entry.inquiryElements.enumerated() {
                let elementPath = "\(path).inquiryElements[\(elementIndex)]"
                if !isElementKey(element.key) { add("\(elementPath).key", "must be lowerCamelCase ASCII") }
                if !keys.insert(element.key).inserted { add("\(elementPath).key", "\(element.key) appears twice") }
                if element.label.trimmingCharacters(in: .whitespaces).isEmpty { add("\(elementPath).label", "must not be empty") }
                text("\(elementPath).label", element.label, maximum: 64)
            }
            for (keywordIndex, keyword) in entry.keywords.enumerated() {
                if keyword.trimmingCharacters(in: .whitespaces).isEmpty || keyword.count > 32 {
                    add("\(path).keywords[\(keywordIndex)]", "must be 1 to 32 characters")
                } else {
                    text("\(path).keywords[\(keywordIndex)]", keyword, maximum: 32)
                }
            }
        }
        for missing in Category.allCases where !seen.contains(missing) {
            add("categories", "\(missing.code) is missing; every category must be listed")
        }
        return violations
    }

    private static func isElementKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, ("a"..."z").contains(first), key.count <= 40 else { return false }
        return key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}
