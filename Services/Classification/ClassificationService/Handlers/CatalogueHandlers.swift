import FenliuModel
import Foundation
import SwiftProtobuf
import RPC

/// GetCatalogue and PublishCatalogue.
struct CatalogueHandlers: Sendable {
    let store: CatalogueStore
    let engine: ClassifierEngine

    func getCatalogue(_ request: Fenliu_Classification_V1_GetCatalogueRequest) async throws -> Fenliu_Classification_V1_GetCatalogueResponse {
        if request.version.isEmpty {
            return .with { $0.catalogue = engine.catalogue }
        }
        guard let catalogue = try await store.version(request.version) else {
            throw ClassificationServiceError.catalogueVersionNotFound(request.version)
        }
        return .with { $0.catalogue = catalogue }
    }

    /// Validates, stores and adopts a new version. Past decisions keep naming the version they were
    /// made with; only new decisions use this one.
    func publishCatalogue(_ request: Fenliu_Classification_V1_PublishCatalogueRequest) async throws -> Fenliu_Classification_V1_PublishCatalogueResponse {
        let violations = CatalogueValidation.violations(of: request.catalogue)
        guard violations.isEmpty else { throw ConnectError.invalidArgument(violations) }
        let published = try await store.publish(request.catalogue)
        engine.adopt(published)
        return .with { $0.catalogue = published }
    }
}
