import FenliuModel
import Foundation
import Postgres
import ServiceLifecycle
import ServiceSupport

/// The classification service as the shared runtime runs it: the catalogue (清单), the classifier
/// with its safety rule, decisions and the review queue.
public struct ClassificationModule: ServiceModule {
    public static let service = ServiceName.classification
    public static let requiredPeers: [ServiceName] = [.routing, .intake, .reporting]
    public static let migrations: [Migration] = ClassificationMigrations.all

    let handler: ClassificationHandlers
    let refresher: CatalogueRefresher

    public init(environment: ServiceEnvironment, configuration: ClassificationConfiguration) async throws {
        let store = CatalogueStore(database: environment.database)
        try await store.seedIfEmpty(try CatalogueSeed.load())
        guard let current = try await store.current() else { throw ClassificationError.resourceMissing("catalogue") }
        let (model, normalizer) = try ClassifierEngine.bundledModel()
        var classifier = Classifier.Configuration()
        classifier.divertThreshold = configuration.divertThreshold
        let engine = ClassifierEngine(model: model, normalizer: normalizer, catalogue: current, configuration: classifier)
        handler = ClassificationHandlers(
            engine: engine, database: environment.database, catalogues: store, reporter: environment.reporter)
        refresher = CatalogueRefresher(
            store: store, engine: engine, interval: configuration.catalogueRefreshInterval, logger: environment.logger
        )
    }

    public var handlers: [any ServiceHandler] { [handler] }

    public var backgroundServices: [any Service] { [refresher] }
}
