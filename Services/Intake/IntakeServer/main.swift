import IntakeService
import ServiceSupport

await ServiceMain.run(IntakeModule.self)
