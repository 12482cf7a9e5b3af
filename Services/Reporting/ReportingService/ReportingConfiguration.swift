import ServiceSupport

/// Reporting's own settings, read at start-up with the shared reader (see README, "Reporting").
public struct ReportingConfiguration: ModuleConfiguration {
    /// Fewest calls about one place or incident in the month that the dashboard lists as a hot spot
    /// (`FENLIU_REPORTING_HOTSPOT_MINIMUM`, 3).
    public var hotspotMinimumCalls: Int
    /// Months of history in the dashboard's trend charts (`FENLIU_REPORTING_TREND_MONTHS`, 6).
    public var trendMonths: Int

    /// Creates a configuration.
    public init(hotspotMinimumCalls: Int = 3, trendMonths: Int = 6) {
        self.hotspotMinimumCalls = hotspotMinimumCalls
        self.trendMonths = trendMonths
    }

    public static func read(from reader: inout ConfigurationReader) -> ReportingConfiguration {
        ReportingConfiguration(
            hotspotMinimumCalls: reader.integer("FENLIU_REPORTING_HOTSPOT_MINIMUM", default: 3, in: 2...1000),
            trendMonths: reader.integer("FENLIU_REPORTING_TREND_MONTHS", default: 6, in: 2...24))
    }
}
