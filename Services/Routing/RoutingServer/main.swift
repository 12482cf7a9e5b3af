import RoutingService
import ServiceSupport

await ServiceMain.run(RoutingModule.self)
