import ServiceSupport

/// Intake's own settings, read at start-up with the shared reader.
public struct IntakeConfiguration: ModuleConfiguration {
    /// How long the Open311 service list taken from classification's catalogue is kept
    /// (`FENLIU_OPEN311_CATALOGUE_TTL_S`, default 60 s).
    public var open311CatalogueLifetime: Duration

    /// Creates a configuration.
    public init(open311CatalogueLifetime: Duration = .seconds(60)) {
        self.open311CatalogueLifetime = open311CatalogueLifetime
    }

    public static func read(from reader: inout ConfigurationReader) -> IntakeConfiguration {
        IntakeConfiguration(open311CatalogueLifetime: .seconds(reader.integer("FENLIU_OPEN311_CATALOGUE_TTL_S", default: 60, in: 1...86_400)))
    }
}
