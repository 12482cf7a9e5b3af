import FenliuModel
import Logging
import ServiceLifecycle

/// Keeps every replica on the newest published catalogue: `PublishCatalogue` adopts the new version
/// at once on the replica that served it, and this loop brings the others along within `interval`.
struct CatalogueRefresher: Service {
    let store: CatalogueStore
    let engine: ClassifierEngine
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                do {
                    if let current = try await store.current(), current.version != engine.catalogue.version {
                        engine.adopt(current)
                        logger.info("adopted a newly published catalogue", metadata: ["catalogue.version": "\(current.version)"])
                    }
                } catch {
                    logger.warning("could not check for a new catalogue", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}
