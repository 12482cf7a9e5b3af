import FenliuModel
import Foundation
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf

extension ClassificationHandlers {
    /// The catalogue in use, or the version named.
    func getCatalogue(
        _ request: Fenliu_Classification_V1_GetCatalogueRequest, context: RPCContext
    ) async throws -> Fenliu_Classification_V1_GetCatalogueResponse {
        if request.version.isEmpty {
            return .with { $0.catalogue = engine.catalogue }
        }
        guard let catalogue = try await catalogues.version(request.version) else {
            throw ClassificationError.catalogueVersionNotFound(request.version)
        }
        return .with { $0.catalogue = catalogue }
    }

    /// Validates, stores and adopts a new version. Past decisions keep naming the version they were
    /// made with; only new decisions use this one.
    func publishCatalogue(
        _ request: Fenliu_Classification_V1_PublishCatalogueRequest, context: RPCContext
    ) async throws -> Fenliu_Classification_V1_PublishCatalogueResponse {
        let violations = CatalogueValidation.violations(of: request.catalogue)
        guard violations.isEmpty else { throw ClassificationError.invalidFields(violations) }
        let published = try await catalogues.publish(request.catalogue)
        try await database.withConnection { connection in
            try AuditTrail.record("catalogue.published", target: published.catalogue.version, on: connection)
        }
        engine.adopt(published.catalogue, sequence: published.sequence)
        return .with { $0.catalogue = published.catalogue }
    }
}
