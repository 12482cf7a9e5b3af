import FenliuModel
import Foundation
import Logging
import RPC
import SwiftProtobuf

/// One category citizens may report through Open311, as a GeoReport "service".
struct Open311Service: Sendable, Equatable {
    /// The category; its code is the `service_code`.
    var category: Category
    /// The Chinese name citizens see.
    var name: String
    /// The catalogue group.
    var group: String
    /// Words that help a citizen find the service.
    var keywords: [String]
    /// The inquiry elements, offered as Open311 attributes.
    var elements: [InquiryElementTemplate]
}

/// The citizen-reportable categories, fetched from classification's catalogue and kept briefly.
///
/// Only the catalogue's non-police group is offered: police, fire and medical matters must reach
/// 110, 119 or 120 by phone, never wait in a city app's queue. When classification cannot be
/// reached, the built-in category names stand in (without inquiry elements) and are kept for a
/// shorter time, so the front door keeps answering and recovers soon after classification does.
actor Open311Catalogue {
    private let client: RPCClient?
    private let logger: Logger
    private let freshFor: Duration
    private let fallbackFreshFor: Duration
    private var cached: (services: [Open311Service], until: ContinuousClock.Instant)?

    /// Creates a catalogue reading from `client` (classification), or built-in names when `nil`.
    init(client: RPCClient?, logger: Logger, freshFor: Duration = .seconds(60), fallbackFreshFor: Duration = .seconds(10)) {
        self.client = client
        self.logger = logger
        self.freshFor = freshFor
        self.fallbackFreshFor = fallbackFreshFor
    }

    /// The services, in catalogue order.
    func services() async -> [Open311Service] {
        if let cached, ContinuousClock.now < cached.until { return cached.services }
        var services = Self.fallback
        var lifetime = fallbackFreshFor
        if let client {
            do {
                let response = try await client.call(ClassificationAPI.getCatalogue, .init(), timeout: .seconds(3))
                services = Self.services(from: response.catalogue)
                lifetime = freshFor
            } catch {
                logger.warning("catalogue unavailable; Open311 serves built-in category names", metadata: ["error": "\(error)"])
            }
        }
        cached = (services, ContinuousClock.now + lifetime)
        return services
    }

    /// The service with `code`, or `nil`.
    func service(code: String) async -> Open311Service? {
        await services().first { $0.category.code == code }
    }

    /// The citizen-reportable (non-police) categories of a catalogue.
    static func services(from catalogue: Fenliu_Classification_V1_Catalogue) -> [Open311Service] {
        catalogue.categories.compactMap { entry in
            guard let category = Category(proto: entry.category), category.group == .nonPolice else { return nil }
            return Open311Service(
                category: category, name: entry.chineseName.isEmpty ? category.chineseName : entry.chineseName,
                group: entry.group.isEmpty ? category.group.rawValue : entry.group, keywords: entry.keywords,
                elements: entry.inquiryElements.map(InquiryElementTemplate.init)
            )
        }
    }

    /// The built-in non-police categories, without elements.
    static let fallback: [Open311Service] = Category.allCases.filter { $0.group == .nonPolice }.map {
        Open311Service(category: $0, name: $0.chineseName, group: $0.group.rawValue, keywords: [], elements: [])
    }
}
