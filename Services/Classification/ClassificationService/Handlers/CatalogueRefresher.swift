import FenliuModel
import Logging
import ServiceLifecycle

/// Keeps every replica on the newest published catalogue: `PublishCatalogue` adopts the new version
/// at once on the replica that served it, and this loop brings the others along within `interval`.
struct CatalogueRefresher: Service {
    /// Where published versions are read.
    let store: CatalogueStore
    /// What adopts them.
    let engine: ClassifierEngine
    /// How often to look.
    let interval: Duration
    /// Where failures to look are reported.
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                do {
                    if let newest = try await store.current(), engine.adopt(newest.catalogue, sequence: newest.sequence) {
                        logger.info("adopted a newly published catalogue", metadata: ["catalogue.version": "\(newest.catalogue.version)"])
                    }
                } catch {
                    logger.warning("could not check for a new catalogue", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}
