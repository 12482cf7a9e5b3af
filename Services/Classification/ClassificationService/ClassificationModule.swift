import FenliuModel
import Foundation
import Hummingbird
import Postgres
import RPC
import ServiceLifecycle
import ServiceSupport

/// The classification service as the shared runtime runs it.
///
/// `FENLIU_CLASSIFICATION_DIVERT_THRESHOLD` (default 0.8) is how sure the model must be before a
/// call that came in on 110, 119 or 120 is diverted to 12345; below it the call stays with 110 and
/// is marked for review.
public struct ClassificationModule: ServiceModule {
    public static let service = ServiceName.classification
    public static let requiredPeers: [ServiceName] = [.routing, .intake]
    public static let migrations: [Migration] = ClassificationMigrations.all

    let decisions: DecisionHandlers
    let catalogue: CatalogueHandlers
    let refresher: CatalogueRefresher

    public init(environment: ServiceEnvironment) async throws {
        let store = CatalogueStore(database: environment.database)
        try await store.seedIfEmpty(try CatalogueSeed.load())
        guard let current = try await store.current() else { throw ClassificationServiceError.resourceMissing("catalogue") }
        let (model, normalizer) = try ClassifierEngine.bundledModel()
        var configuration = Classifier.Configuration()
        if let text = ProcessInfo.processInfo.environment["FENLIU_CLASSIFICATION_DIVERT_THRESHOLD"], let threshold = Double(text),
           (0...1).contains(threshold) {
            configuration.divertThreshold = threshold
        }
        let engine = ClassifierEngine(model: model, normalizer: normalizer, catalogue: current, configuration: configuration)
        decisions = DecisionHandlers(engine: engine, environment: environment)
        catalogue = CatalogueHandlers(store: store, engine: engine)
        refresher = CatalogueRefresher(store: store, engine: engine, interval: .seconds(5), logger: environment.logger)
    }

    public var backgroundServices: [any Service] { [refresher] }

    public func registerMethods(on server: RPCServer<BasicRequestContext>) {
        let decisions = self.decisions
        let catalogue = self.catalogue
        server.register(ClassificationAPI.classifyText) { request, _ in try decisions.classifyText(request) }
        server.register(ClassificationAPI.classify) { request, context in try await decisions.classify(request, context: context) }
        server.register(ClassificationAPI.getDecision) { request, _ in try await decisions.getDecision(request) }
        server.register(ClassificationAPI.listReviewQueue) { request, _ in try await decisions.listReviewQueue(request) }
        server.register(ClassificationAPI.resolveReview) { request, _ in try await decisions.resolveReview(request) }
        server.register(ClassificationAPI.getCatalogue) { request, _ in try await catalogue.getCatalogue(request) }
        server.register(ClassificationAPI.publishCatalogue) { request, _ in try await catalogue.publishCatalogue(request) }
    }
}
