import ServiceSupport

/// `fenliu.reporting.v1.ReportingService`.
struct ReportingHandlers: ReportingServiceHandler {}
