import ReportingService
import ServiceSupport

await ServiceMain.run(ReportingModule.self)
