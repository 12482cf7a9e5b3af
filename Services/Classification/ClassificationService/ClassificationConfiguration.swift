import ServiceSupport

/// Classification's own settings, read at start-up with the shared reader.
public struct ClassificationConfiguration: ModuleConfiguration {
    /// How sure the model must be before a call that came in on 110, 119 or 120 is diverted to
    /// 12345; below it the call stays with its line and is marked for review
    /// (`FENLIU_CLASSIFICATION_DIVERT_THRESHOLD`, 0.5…0.99 like a catalogue's published one — below
    /// 0.5 the evaluation set shows danger misses and models are judged only down to there —
    /// default `Classifier.Configuration.standardDivertThreshold`, 0.6).
    public var divertThreshold: Double
    /// How often a replica looks for a catalogue another replica published
    /// (`FENLIU_CATALOGUE_REFRESH_S`, default 5 s).
    public var catalogueRefreshInterval: Duration

    /// Creates a configuration.
    public init(divertThreshold: Double = Classifier.Configuration.standardDivertThreshold, catalogueRefreshInterval: Duration = .seconds(5)) {
        self.divertThreshold = divertThreshold
        self.catalogueRefreshInterval = catalogueRefreshInterval
    }

    public static func read(from reader: inout ConfigurationReader) -> ClassificationConfiguration {
        ClassificationConfiguration(
            divertThreshold: reader.number(
                "FENLIU_CLASSIFICATION_DIVERT_THRESHOLD", default: Classifier.Configuration.standardDivertThreshold,
                in: ModelGate.lowestPublishableThreshold...0.99),
            catalogueRefreshInterval: .seconds(reader.integer("FENLIU_CATALOGUE_REFRESH_S", default: 5, in: 1...3600))
        )
    }
}
