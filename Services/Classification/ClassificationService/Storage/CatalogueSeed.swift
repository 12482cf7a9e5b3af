import FenliuModel
import Foundation
import SwiftProtobuf

/// The catalogue shipped with the service (`Resources/catalogue.json`), published as the first
/// version on a fresh database. Operators publish later versions through `PublishCatalogue`.
enum CatalogueSeed {
    private struct File: Decodable {
        struct Element: Decodable {
            let key: String
            let label: String
            let required: Bool
            let hint: String?
        }

        struct Entry: Decodable {
            let code: String
            let chineseName: String
            let group: String
            let defaultDestinations: [String]
            let inquiryElements: [Element]
            let keywords: [String]
        }

        let version: String
        let publishedBy: String
        let categories: [Entry]
    }

    /// Reads the bundled catalogue.
    static func load() throws -> Fenliu_Classification_V1_Catalogue {
        guard let url = Bundle.module.url(forResource: "catalogue", withExtension: "json", subdirectory: "Resources") else {
            throw ClassificationError.resourceMissing("catalogue.json")
        }
        return try parse(Data(contentsOf: url))
    }

    static func parse(_ data: Data) throws -> Fenliu_Classification_V1_Catalogue {
        let file = try JSONDecoder().decode(File.self, from: data)
        return try Fenliu_Classification_V1_Catalogue.with { catalogue in
            catalogue.version = file.version
            catalogue.publishedBy = file.publishedBy
            catalogue.categories = try file.categories.map { entry in
                guard let category = Category(code: entry.code) else {
                    throw ClassificationError.resourceMissing("catalogue.json names unknown category \(entry.code)")
                }
                return Fenliu_Classification_V1_CatalogueCategory.with {
                    $0.category = category.proto
                    $0.chineseName = entry.chineseName
                    $0.group = entry.group
                    $0.defaultDestinations = entry.defaultDestinations.compactMap { Destination(rawValue: $0)?.proto }
                    $0.inquiryElements = entry.inquiryElements.map { element in
                        Fenliu_Common_V1_InquiryElement.with {
                            $0.key = element.key
                            $0.label = element.label
                            $0.required = element.required
                            $0.hint = element.hint ?? ""
                        }
                    }
                    $0.keywords = entry.keywords
                }
            }
        }
    }
}

extension Fenliu_Classification_V1_Catalogue {
    /// Operators' keywords per category, for the classifier.
    var keywordsByCategory: [Category: [String]] {
        var keywords = [Category: [String]]()
        for entry in categories {
            if let category = Category(proto: entry.category) { keywords[category] = entry.keywords }
        }
        return keywords
    }

    /// The inquiry elements of one category.
    func inquiryElements(of category: Category) -> [Fenliu_Common_V1_InquiryElement] {
        categories.first { $0.category == category.proto }?.inquiryElements ?? []
    }
}
