import FenliuModel
import Testing

@testable import ClassificationService

@Suite("Catalogue adoption across replicas")
struct CatalogueAdoptionTests {
    @Test("a replica never steps back to an older catalogue than the one it uses, whatever it reads")
    func neverAdoptsOlder() throws {
        let (model, normalizer) = try ClassifierEngine.bundledModel()
        var seed = try CatalogueSeed.load()
        seed.version = "v1"
        let engine = ClassifierEngine(
            model: model, normalizer: normalizer, catalogue: PublishedCatalogue(catalogue: seed, sequence: 1), configuration: .init()
        )
        var newer = seed
        newer.version = "v3"
        // The publishing replica adopts v3 at once; its refresher then reads v2, published a moment
        // earlier elsewhere, and must keep v3.
        #expect(engine.adopt(newer, sequence: 3))
        var older = seed
        older.version = "v2"
        #expect(!engine.adopt(older, sequence: 2))
        #expect(!engine.adopt(newer, sequence: 3))
        #expect(engine.catalogue.version == "v3")
        #expect(engine.catalogueSequence == 3)
    }
}
